package org.cadre.evaluation.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who may call the endpoints of a cycle's inputs. Which members and organizations a secretary reaches (their
 * subtree) is answered by the inputs service through the organizations facade.
 */
final class CycleInputsRoles {

    private CycleInputsRoles() {
    }

    /** Criterion entries, residence comments, sick leave: evaluation staff, administrators, secretaries. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface EntersInputs {
    }

    /** Civil-service ratings (entered or imported): evaluation staff and administrators only. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    @interface RatesCivilService {
    }
}
