package org.cadre.supervision;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The supervision module with organizations and commitments (its direct dependencies, whose facades it calls and
 * whose events it consumes) against real PostgreSQL, with the platform's security: one configuration for every
 * test class of the module, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "commitments")
@AutoConfigureMockMvc
@interface SupervisionModuleTest {
}
