package org.cadre.evaluation.web;

import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.CalibrationCaseView;
import org.cadre.evaluation.CalibrationChoice;
import org.cadre.evaluation.CalibrationView;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.web.EvaluationRoles.CalibratesQuotas;
import org.cadre.platform.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of calibration: the quota cases of a cycle's current run, one case with its candidates or decision,
 * and the committee's decision. A refusal is a problem (RFC 9457) naming its reason; nothing is written.
 */
@RestController
@RequestMapping("/api/evaluation/cycles/{cycle}/calibrations")
class CalibrationApiController {

    private final Calibrations calibrations;

    CalibrationApiController(Calibrations calibrations) {
        this.calibrations = calibrations;
    }

    @GetMapping
    @CalibratesQuotas
    List<CalibrationView> list(@PathVariable UUID cycle, Caller caller) {
        return calibrations.list(cycle, caller);
    }

    @GetMapping("/{caseId}")
    @CalibratesQuotas
    CalibrationCaseView find(@PathVariable UUID cycle, @PathVariable UUID caseId, Caller caller) {
        return calibrations.find(cycle, caseId, caller);
    }

    /** Who keeps the level ({@code keepers}), the reason, and the votes (all three or none). */
    @PostMapping("/{caseId}/decision")
    @CalibratesQuotas
    CalibrationCaseView decide(@PathVariable UUID cycle, @PathVariable UUID caseId,
            @RequestBody CalibrationChoice choice, Caller caller) {
        return calibrations.decide(cycle, caseId, choice, caller);
    }
}
