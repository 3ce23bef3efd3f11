package org.cadre.evaluation.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.CycleStatusChange;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.RunView;
import org.cadre.evaluation.StoredRating;
import org.cadre.evaluation.web.EvaluationRoles.OwnRatings;
import org.cadre.evaluation.web.EvaluationRoles.ReadsCycles;
import org.cadre.evaluation.web.EvaluationRoles.ReadsRatings;
import org.cadre.evaluation.web.EvaluationRoles.ReopensCycles;
import org.cadre.evaluation.web.EvaluationRoles.RunsCycles;
import org.cadre.platform.Caller;
import org.cadre.platform.JobId;
import org.cadre.platform.Refused;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of cycles, runs and results. A run is a job: the answer names it and where to follow it
 * ({@code /api/jobs/{id}} of the platform, or the cycle's {@code latestRun}).
 */
@RestController
@RequestMapping("/api/evaluation")
class EvaluationApiController {

    private final Cycles cycles;
    private final CycleResults results;

    EvaluationApiController(Cycles cycles, CycleResults results) {
        this.cycles = cycles;
        this.results = results;
    }

    @GetMapping("/cycles")
    @ReadsCycles
    List<CycleView> cycles(Caller caller) {
        return cycles.list(caller);
    }

    @PostMapping("/cycles")
    @RunsCycles
    ResponseEntity<CycleView> open(@Valid @RequestBody OpenCycle command, Caller caller) {
        CycleView cycle = cycles.open(command, caller);
        return ResponseEntity.created(URI.create("/api/evaluation/cycles/" + cycle.id())).body(cycle);
    }

    @GetMapping("/cycles/{id}")
    @ReadsCycles
    CycleView cycle(@PathVariable UUID id, Caller caller) {
        return cycles.find(id, caller).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
    }

    @PostMapping("/cycles/{id}/runs")
    @RunsCycles
    ResponseEntity<Map<String, Object>> classify(@PathVariable UUID id, Caller caller) {
        JobId job = cycles.classify(id, caller);
        return ResponseEntity.accepted().location(URI.create("/api/evaluation/cycles/" + id))
                .body(Map.of("job", job.value(), "cycle", id));
    }

    @PostMapping("/cycles/{id}/close")
    @RunsCycles
    CycleView close(@PathVariable UUID id, Caller caller) {
        return cycles.close(id, caller);
    }

    @PostMapping("/cycles/{id}/reopen")
    @ReopensCycles
    CycleView reopen(@PathVariable UUID id, @RequestBody(required = false) ReopenCycle command, Caller caller) {
        return cycles.reopen(id, command == null ? null : command.reason(), caller);
    }

    @GetMapping("/cycles/{id}/history")
    @ReadsCycles
    List<CycleStatusChange> history(@PathVariable UUID id, Caller caller) {
        return cycles.history(id, caller);
    }

    /** Why an administrator reopens a closed cycle. */
    record ReopenCycle(String reason) {
    }

    @GetMapping("/cycles/{id}/runs")
    @ReadsCycles
    List<RunView> runs(@PathVariable UUID id, Caller caller) {
        return cycles.runs(id, caller);
    }

    @GetMapping("/cycles/{id}/organizations/{organization}/ratings")
    @ReadsCycles
    List<StoredRating> within(@PathVariable UUID id, @PathVariable UUID organization, Caller caller) {
        cycle(id, caller);
        return results.within(id, organization, caller);
    }

    @GetMapping("/cycles/{id}/ratings/{subject}")
    @ReadsRatings
    StoredRating rating(@PathVariable UUID id, @PathVariable UUID subject, Caller caller) {
        return results.rating(id, subject, caller);
    }

    @GetMapping("/my-ratings")
    @OwnRatings
    List<StoredRating> mine(Caller caller) {
        return results.mine(caller);
    }
}
