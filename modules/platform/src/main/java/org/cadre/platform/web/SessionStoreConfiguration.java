package org.cadre.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (schema {@code sessions}) so that every instance serves every user. Two requests of
 * one session that add the same attribute at once (two tabs opened right after signing in both create the session's
 * CSRF token) each inserted it, and the second failed on the primary key with a 500 in the middle of its page. The
 * attribute is written with an upsert instead: the last writer wins, as with any other attribute change.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
