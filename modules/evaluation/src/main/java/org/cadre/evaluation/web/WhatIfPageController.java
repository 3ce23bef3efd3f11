package org.cadre.evaluation.web;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.internal.whatif.WhatIf;
import org.cadre.evaluation.internal.whatif.WhatIfComparison;
import org.cadre.evaluation.web.EvaluationRoles.ComparesPackVersions;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RulePackRegistry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The what-if page of a cycle: choose a version of the cycle's pack, see the counts per level before and after and
 * the subjects whose level changes, each with both explanations. What would be refused before rating (no run yet, a
 * version that does not exist or serves other years) is shown next to the form; a version that does not compile or
 * whose rules fail is the platform's error page.
 */
@Controller
class WhatIfPageController {

    private final WhatIf whatIf;
    private final RulePackRegistry registry;
    private final MessageSource messages;

    WhatIfPageController(WhatIf whatIf, RulePackRegistry registry, MessageSource messages) {
        this.whatIf = whatIf;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/evaluation/cycles/{cycle}/what-if")
    @ComparesPackVersions
    String whatIf(@PathVariable UUID cycle, @RequestParam(required = false) String pack,
            @RequestParam(required = false) Integer version, Caller caller, Model model, Locale locale) {
        WhatIf.Target target = whatIf.target(cycle, caller);
        String packId = pack == null || pack.isBlank() ? target.packId() : pack;
        model.addAttribute("target", target);
        model.addAttribute("packId", packId);
        model.addAttribute("options", registry.versions(target.packId()).stream()
                .sorted(Comparator.comparingInt(PackVersion::version).reversed())
                .map(v -> new Option(v.version(), messages.getMessage("evaluation.whatif.versionOption",
                        new Object[] {v.version(), messages.getMessage("ratingrules.state." + v.state(), null,
                                locale), v.years(), v.version() == target.packVersion()
                                        ? messages.getMessage("evaluation.whatif.pinned", null, locale) : ""},
                        locale))).toList());
        model.addAttribute("chosen", version);
        if (version != null) {
            Optional<Refused> refused = whatIf.refusal(cycle, packId, version, caller);
            if (refused.isPresent()) {
                model.addAttribute("problem", messages.getMessage(refused.get().reason().messageKey(),
                        refused.get().arguments(), refused.get().reason().messageKey(), locale));
            } else {
                WhatIfComparison comparison = whatIf.compare(cycle, packId, version, caller);
                model.addAttribute("view", WhatIfView.of(comparison, registry, messages, locale));
            }
        }
        return "evaluation/whatif/compare";
    }

    /** A version in the form's choice, with its state, years and whether the cycle pinned it. */
    record Option(int version, String label) {
    }
}
