package org.cadre.supervision.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Which roles may call each kind of endpoint of the supervision module, in one place. Which organizations the
 * caller may see or change within them is answered by {@link org.cadre.organizations.OrganizationAccess}.
 */
final class SupervisionRoles {

    private SupervisionRoles() {
    }

    /** Meetings, their figures, the head's desk: administrators, evaluation staff, secretaries. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface ReadsSupervision {
    }

    /** Recording meetings and reminders: administrators, and secretaries in their subtree. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
    @interface ChangesSupervision {
    }

    /** A coordinating body's reviewer: their start page and their comments. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('REVIEWER')")
    @interface Reviews {
    }
}
