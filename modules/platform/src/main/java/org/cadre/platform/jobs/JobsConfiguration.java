package org.cadre.platform.jobs;

import java.time.Clock;
import org.cadre.platform.CurrentCaller;
import org.cadre.platform.JobHandler;
import org.cadre.platform.Jobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The job table and the runner that serves it on this instance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    @Bean
    JobTable jobTable(JdbcClient jdbc, JsonMapper json, Clock clock) {
        return new JobTable(jdbc, json, clock);
    }

    @Bean
    JobRunner jobRunner(JobTable table, ObjectProvider<JobHandler> handlers, PlatformTransactionManager transactions,
            JsonMapper json, JobsProperties properties, Clock clock, ObjectProvider<CurrentCaller> callers) {
        TransactionTemplate separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new JobRunner(table, handlers, separately, json, properties, clock, callers);
    }

    @Bean
    Jobs jobs(JobTable table, JobRunner runner, JsonMapper json, JobsProperties properties) {
        return new JdbcJobs(table, runner, json, properties);
    }
}
