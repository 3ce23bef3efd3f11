package org.cadre.evaluation.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Which roles may call the report endpoints. Which organizations a secretary may read is answered in the report
 * service by the organizations module's access (their own subtree); members and reviewers read no report.
 */
final class ReportRoles {

    private ReportRoles() {
    }

    /** The reports of a cycle: administrators, evaluation staff, and secretaries for their subtree. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface ReadsReports {
    }
}
