package org.cadre.evaluation.web;

import java.util.UUID;
import org.cadre.evaluation.internal.whatif.WhatIf;
import org.cadre.evaluation.internal.whatif.WhatIfComparison;
import org.cadre.evaluation.web.EvaluationRoles.ComparesPackVersions;
import org.cadre.platform.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What-if as JSON: a cycle's stored facts rated with another pack version beside its current results (counts per
 * level before and after, the subjects whose level changes with both explanations). A GET: nothing is written.
 */
@RestController
@RequestMapping("/api/evaluation")
class WhatIfApiController {

    private final WhatIf whatIf;

    WhatIfApiController(WhatIf whatIf) {
        this.whatIf = whatIf;
    }

    /** {@code pack} defaults to the cycle's pack. */
    @GetMapping("/cycles/{cycle}/what-if")
    @ComparesPackVersions
    WhatIfComparison compare(@PathVariable UUID cycle, @RequestParam(required = false) String pack,
            @RequestParam int version, Caller caller) {
        return whatIf.compare(cycle, pack, version, caller);
    }
}
