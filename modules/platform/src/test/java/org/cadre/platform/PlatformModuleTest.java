package org.cadre.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The platform on its own, against real PostgreSQL, with the test job handlers and the test forms: one
 * configuration for every test class of the module, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@AutoConfigureMockMvc
@Import({JobTableTests.Handlers.class, RefusalPathTests.TestForms.class, TestListeners.class,
        TextPolicyTests.TestTexts.class, EnteredDatesTests.TestDates.class, AuditTrailTests.AuditedJob.class,
        EditsTests.TestEdits.class})
@interface PlatformModuleTest {
}
