package org.cadre.evaluation.web;

import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.DecisionAuthority;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.web.EvaluationRoles.DecidesRatings;
import org.cadre.evaluation.web.EvaluationRoles.SetsDecisionAuthority;
import org.cadre.evaluation.EvaluationEdits;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.Refused;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of the decisions of the competent level: the lists of a cycle, one list, a subject's level with its
 * reason, the signature, and who is competent for a list. A refusal is a problem (RFC 9457) naming its reason;
 * nothing is written.
 */
@RestController
@RequestMapping("/api/evaluation/cycles/{cycle}/decisions")
class DecisionApiController {

    private final Edits edits;

    private final Decisions decisions;

    DecisionApiController(Decisions decisions, Edits edits) {
        this.edits = edits;
        this.decisions = decisions;
    }

    @GetMapping
    @DecidesRatings
    List<DecisionSummary> lists(@PathVariable UUID cycle, Caller caller) {
        return decisions.lists(cycle, caller);
    }

    @GetMapping("/{decision}")
    @DecidesRatings
    DecisionView decision(@PathVariable UUID cycle, @PathVariable UUID decision, Caller caller) {
        return decisions.decision(cycle, decision, caller);
    }

    /** A subject's level: blank (or null) takes the proposal; another level needs the reason. */
    record Decided(String level, String reason) {
    }

    /** One subject's row, with the {@code ETag} of its decision for {@code If-Match} on the next PUT. */
    @GetMapping("/{decision}/items/{subject}")
    @DecidesRatings
    ResponseEntity<DecisionView.Item> item(@PathVariable UUID cycle, @PathVariable UUID decision,
            @PathVariable UUID subject, Caller caller) {
        return tagged(decision, subject, decisions.decision(cycle, decision, caller));
    }

    @PutMapping("/{decision}/items/{subject}")
    @DecidesRatings
    ResponseEntity<DecisionView.Item> decide(@PathVariable UUID cycle, @PathVariable UUID decision,
            @PathVariable UUID subject, @RequestBody Decided body, EditVersion loaded, Caller caller) {
        return tagged(decision, subject, decisions.decide(cycle, decision, subject, body.level(), body.reason(),
                loaded, caller));
    }

    private ResponseEntity<DecisionView.Item> tagged(UUID decision, UUID subject, DecisionView view) {
        DecisionView.Item item = view.items().stream().filter(i -> i.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new Refused(EvaluationRefusal.RATING_UNKNOWN, String.valueOf(subject)));
        return ResponseEntity.ok().eTag(edits.current(EvaluationEdits.decisionItem(decision, subject)).etag())
                .body(item);
    }

    /** The document's number as the committee registers it. */
    record Signature(String number) {
    }

    @PostMapping("/{decision}/signature")
    @DecidesRatings
    DecisionView sign(@PathVariable UUID cycle, @PathVariable UUID decision, @RequestBody Signature body,
            Caller caller) {
        return decisions.sign(cycle, decision, body.number(), caller);
    }

    @GetMapping("/authority")
    @DecidesRatings
    DecisionAuthority authority(@PathVariable UUID cycle, @RequestParam UUID organization, @RequestParam String kind,
            Caller caller) {
        return decisions.authority(cycle, organization, kind, caller);
    }

    /** The competent organization of a list: the organization itself or its parent; null for the default. */
    record Authority(UUID organization, String kind, UUID competent) {
    }

    @PutMapping("/authority")
    @SetsDecisionAuthority
    DecisionAuthority setAuthority(@PathVariable UUID cycle, @RequestBody Authority body, Caller caller) {
        return decisions.setAuthority(cycle, body.organization(), body.kind(), body.competent(), caller);
    }
}
