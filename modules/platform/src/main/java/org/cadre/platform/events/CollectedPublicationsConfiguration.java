package org.cadre.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Puts {@link CollectedPublications} around Modulith's JDBC publication repository. It runs after the proxies are
 * made (lowest precedence), so it wraps the repository's transactional proxy, and it wraps only the schema-v2
 * repository whose insert it repeats; any other repository is left as it is (and bulk scopes then collect no
 * publications).
 */
@Configuration(proxyBeanMethods = false)
class CollectedPublicationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CollectedPublicationsConfiguration.class);
    private static final String V2 = "org.springframework.modulith.events.jdbc.JdbcEventPublicationRepositoryV2";

    @Bean
    static BeanPostProcessor collectedPublications(ObjectProvider<JdbcOperations> jdbc,
            ObjectProvider<EventSerializer> serializer, Environment environment) {
        return new Wrapper(jdbc, serializer, environment);
    }

    private record Wrapper(ObjectProvider<JdbcOperations> jdbc, ObjectProvider<EventSerializer> serializer,
            Environment environment) implements BeanPostProcessor, Ordered {

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof EventPublicationRepository repository) || bean instanceof CollectedPublications) {
                return bean;
            }
            if (!AopUtils.getTargetClass(bean).getName().equals(V2)) {
                log.info("Event publications of bulk writes are stored one by one: {} is not the JDBC v2 repository",
                        AopUtils.getTargetClass(bean).getName());
                return bean;
            }
            String schema = environment.getProperty("spring.modulith.events.jdbc.schema", "");
            String table = schema.isBlank() ? "EVENT_PUBLICATION" : schema + ".EVENT_PUBLICATION";
            return new CollectedPublications(repository, jdbc.getObject(), serializer.getObject(), table);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
