package org.cadre.organizations.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Which roles may call each kind of endpoint of the organizations module, in one place. A controller method carries
 * one of these; which organizations and members the caller may see or change within them is answered by
 * {@link org.cadre.organizations.OrganizationAccess}, called first thing in the method.
 */
final class OrganizationRoles {

    private OrganizationRoles() {
    }

    /** The tree, organizations and their members: administrators, evaluation staff, secretaries, reviewers. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER')")
    @interface ReadsTree {
    }

    /** One member's record: those who read the tree, and the member themselves. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER', 'MEMBER')")
    @interface ReadsMember {
    }

    /** Members and roles: administrators, and secretaries in their subtree. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
    @interface ChangesMembers {
    }

    /** The tree itself (register, move, rename, dissolve, agencies, coordinating bodies): administrators. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('ADMIN')")
    @interface ChangesTree {
    }

    /** The list of coordinating bodies: administrators, evaluation staff, reviewers. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'REVIEWER')")
    @interface ReadsBodies {
    }

    /** A member's own record. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('MEMBER')")
    @interface IsMember {
    }
}
