package org.cadre.evaluation.internal.facts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluation staff refill a year's facts from the other modules (after a repair, or to check the projection): the
 * answer is the job to follow in the platform's job table. A second request while one runs is refused
 * ({@code REBUILD_IN_PROGRESS}, a problem detail).
 */
@RestController
@RequestMapping("/api/evaluation/facts")
class FactsRebuildApiController {

    /** Rebuilding the facts projection: administrators and evaluation staff. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    @interface RebuildsFacts {
    }

    /** The job that was queued. */
    record RebuildQueued(UUID job, int year) {
    }

    private final FactsRebuild rebuild;

    FactsRebuildApiController(FactsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/{year}/rebuild")
    @RebuildsFacts
    RebuildQueued rebuild(@PathVariable int year, Caller caller) {
        return new RebuildQueued(rebuild.request(year, caller).value(), year);
    }
}
