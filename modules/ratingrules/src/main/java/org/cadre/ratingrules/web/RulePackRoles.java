package org.cadre.ratingrules.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/** Which roles may call the rule-pack pages and API, in one place. */
final class RulePackRoles {

    private RulePackRoles() {
    }

    /** Read packs, versions, files, parameters, the diff and the audit, and evaluate: rule administrators,
     * administrators and evaluation staff. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('RULE_ADMIN', 'ADMIN', 'EVALUATOR')")
    @interface ReadsPacks {
    }

    /** Upload, edit, validate, activate, roll back and retire: rule administrators and administrators. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('RULE_ADMIN', 'ADMIN')")
    @interface ChangesPacks {
    }
}
