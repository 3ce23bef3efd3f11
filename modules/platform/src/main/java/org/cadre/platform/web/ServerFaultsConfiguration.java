package org.cadre.platform.web;

import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

/**
 * How the web server lives through faults it does not cause: the database going away (503, then served again when
 * it is back: {@link DatabaseOutage}), an out-of-memory error (the process halts for its supervisor to restart:
 * {@link FatalErrors}), bodies too large to read ({@link RequestBodyLimit}) and requests that never end (health
 * says so: {@link StuckRequestsHealth}). See "When the
 * database goes away" and "Out of memory and stuck requests" in {@code docs/operations.md}.
 */
@Configuration(proxyBeanMethods = false)
class ServerFaultsConfiguration {

    /** Outermost: nothing inside may turn an out-of-memory error into an answer. */
    @Bean
    FilterRegistrationBean<FatalErrorFilter> fatalErrorFilter() {
        FilterRegistrationBean<FatalErrorFilter> registration = new FilterRegistrationBean<>(new FatalErrorFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before the session and security filters, which read the database. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(Problems problems, LocaleResolver locales,
            ITemplateEngine templates) {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
                new DatabaseOutageFilter(problems, locales, templates));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Inside the outage filter, outside everything that reads a body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${cadre.requests.max-body:16MB}") DataSize limit) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(limit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    RequestsInFlight requestsInFlight() {
        return new RequestsInFlight();
    }

    @Bean
    FilterRegistrationBean<RequestsInFlight> requestsInFlightFilter(RequestsInFlight requests) {
        FilterRegistrationBean<RequestsInFlight> registration = new FilterRegistrationBean<>(requests);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Health component {@code requests}. */
    @Bean("requests")
    StuckRequestsHealth stuckRequestsHealth(RequestsInFlight requests,
            @Value("${cadre.requests.stuck-after:60s}") Duration stuckAfter,
            @Value("${server.tomcat.threads.max:200}") int workerThreads) {
        return new StuckRequestsHealth(requests, stuckAfter, workerThreads);
    }

    /** Once the context stands: the guard on every thread, and the warning when the JVM flag is missing. */
    @Bean
    static SmartInitializingSingleton fatalErrorGuard() {
        return () -> {
            FatalErrors.install();
            FatalErrors.warnWithoutExitFlag();
        };
    }
}
