package org.cadre.commitments.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Which roles may call each kind of endpoint of the commitments module, in one place. Which organizations and
 * registers within them is answered by organizations' {@code OrganizationAccess}, in the services and first thing
 * in the pages.
 */
final class CommitmentRoles {

    private CommitmentRoles() {
    }

    /** Boards, registers, programmes and roll-ups: administrators, evaluation staff, secretaries (their subtree). */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface ReadsCommitments {
    }

    /** One register: those who read the boards, and the member whose register it is. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'MEMBER')")
    @interface ReadsRegister {
    }

    /** A member's own register and progress (a secretary may act for a member of their chapter). */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'MEMBER')")
    @interface ChangesOwnRegister {
    }

    /** Approval, return, assessment, sessions, templates, programmes, reviews: secretaries and administrators. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
    @interface ChangesChapter {
    }

    /** Resolutions and campaigns: administrators. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('ADMIN')")
    @interface ManagesResolutions {
    }

    /** A member's own page. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('MEMBER')")
    @interface IsMember {
    }
}
