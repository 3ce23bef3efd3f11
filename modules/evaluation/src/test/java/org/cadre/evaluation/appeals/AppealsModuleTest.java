package org.cadre.evaluation.appeals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The evaluation module with its direct dependencies against real PostgreSQL, with the platform's security and
 * MockMvc: one context for the appeal test classes (the same bootstrap as the cycle and self-assessment tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
@interface AppealsModuleTest {
}
