package org.cadre.evaluation.decisions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The evaluation module with its direct dependencies (organizations for the tree and secretaries' reach, ratingrules
 * for the real runs) against real PostgreSQL, with the platform's security and MockMvc: one context for the
 * decisions test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
@interface DecisionsModuleTest {
}
