package org.cadre.ratingrules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The rating rules module on its own, against real PostgreSQL, with the shipped packs of {@code rules/} loaded at
 * start-up, with the platform's security for its pages and API: one configuration for every test class of the
 * module, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@AutoConfigureMockMvc
@interface RatingRulesModuleTest {
}
