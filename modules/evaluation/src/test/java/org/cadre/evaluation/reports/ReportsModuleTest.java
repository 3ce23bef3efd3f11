package org.cadre.evaluation.reports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The evaluation module with its direct dependencies (organizations for the access checks, the rule-pack registry
 * for the scales) against real PostgreSQL, with the platform's security and MockMvc: one configuration for every
 * report test class, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
@interface ReportsModuleTest {
}
