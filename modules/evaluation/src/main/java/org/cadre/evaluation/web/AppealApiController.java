package org.cadre.evaluation.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.DecideAppeal;
import org.cadre.evaluation.DecidedRating;
import org.cadre.evaluation.FileAppeal;
import org.cadre.evaluation.web.EvaluationRoles.AppealsOwnRating;
import org.cadre.evaluation.web.EvaluationRoles.FilesAppeals;
import org.cadre.evaluation.web.EvaluationRoles.HandlesAppeals;
import org.cadre.evaluation.web.EvaluationRoles.SetsAppealWindow;
import org.cadre.platform.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of appeals: filing (a member their own, with no subject; a secretary or staff an organization's),
 * a cycle's appeals, one appeal with its steps, notes and the decision of the competent level, the window, and the
 * member's own appeals and decided levels. A refusal is a problem (RFC 9457) naming its reason; nothing is written.
 */
@RestController
class AppealApiController {

    private static final String CYCLE = "/api/evaluation/cycles/{cycle}/appeals";

    private final Appeals appeals;

    AppealApiController(Appeals appeals) {
        this.appeals = appeals;
    }

    @PostMapping(CYCLE)
    @FilesAppeals
    @ResponseStatus(HttpStatus.CREATED)
    AppealView file(@PathVariable UUID cycle, @RequestBody FileAppeal command, Caller caller) {
        return appeals.file(cycle, command, caller);
    }

    @GetMapping(CYCLE)
    @HandlesAppeals
    List<AppealView> list(@PathVariable UUID cycle, Caller caller) {
        return appeals.list(cycle, caller);
    }

    @GetMapping(CYCLE + "/{appeal}")
    @FilesAppeals
    AppealView one(@PathVariable UUID cycle, @PathVariable UUID appeal, Caller caller) {
        return appeals.find(cycle, appeal, caller);
    }

    record Note(String text) {
    }

    @PostMapping(CYCLE + "/{appeal}/notes")
    @HandlesAppeals
    AppealView note(@PathVariable UUID cycle, @PathVariable UUID appeal, @RequestBody Note note, Caller caller) {
        return appeals.note(cycle, appeal, note.text(), caller);
    }

    @PostMapping(CYCLE + "/{appeal}/decision")
    @HandlesAppeals
    AppealView decide(@PathVariable UUID cycle, @PathVariable UUID appeal, @Valid @RequestBody DecideAppeal command,
            Caller caller) {
        return appeals.decide(cycle, appeal, command, caller);
    }

    record Window(int days) {
    }

    @GetMapping(CYCLE + "/window")
    @HandlesAppeals
    Window window(@PathVariable UUID cycle, Caller caller) {
        return new Window(appeals.windowDays(cycle, caller));
    }

    @PutMapping(CYCLE + "/window")
    @SetsAppealWindow
    Window setWindow(@PathVariable UUID cycle, @RequestBody Window window, Caller caller) {
        appeals.setWindowDays(cycle, window.days(), caller);
        return new Window(appeals.windowDays(cycle, caller));
    }

    @GetMapping("/api/evaluation/my-appeals")
    @AppealsOwnRating
    Map<String, Object> mine(Caller caller) {
        List<DecidedRating> ratings = appeals.myDecidedRatings(caller);
        return Map.of("appeals", appeals.mine(caller), "ratings", ratings);
    }
}
