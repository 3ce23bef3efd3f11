package org.cadre.ratingrules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.CalibrationCase;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.RatingScale;
import org.cadre.ratingrules.facts.Share;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.cadre.ratingrules.pack.Manifest;

/**
 * Applies the quotas of {@code pack.yaml} after the rules, per group. It changes no proposal: where more subjects
 * hold a level than allowed it raises a calibration case for a person to resolve.
 */
final class Quotas {

    private Quotas() {
    }

    static List<CalibrationCase> apply(Manifest manifest,
            java.util.function.Function<Proposal.Subject, RatingScale> scales, Parameters parameters,
            List<SubjectFacts> subjects, Map<String, SubjectRating> ratings) {
        List<CalibrationCase> cases = new ArrayList<>();
        for (Manifest.Quota quota : manifest.quotas()) {
            if (quota.enabled() != null && !parameters.flag(quota.enabled())) {
                continue;
            }
            RatingScale scale = scales.apply(quota.subject());
            Object declared = parameters.asMap().get(quota.share());
            java.util.function.IntUnaryOperator allowedOf = declared instanceof Share exact ? exact::of
                    : base -> (int) Math.floor(parameters.number(quota.share()) * base + 1e-9);
            Map<String, List<SubjectFacts>> groups = new LinkedHashMap<>();
            for (SubjectFacts facts : subjects) {
                boolean member = facts instanceof MemberFacts;
                if ((quota.subject() == Proposal.Subject.MEMBER) != member) {
                    continue;
                }
                String group = group(quota.per(), facts);
                if (group != null) {
                    groups.computeIfAbsent(group, k -> new ArrayList<>()).add(facts);
                }
            }
            groups.forEach((group, members) -> {
                List<String> atLevel = new ArrayList<>();
                int base = 0;
                for (SubjectFacts facts : members) {
                    SubjectRating rating = ratings.get(facts.getSubjectId());
                    String level = rating == null ? null : rating.level();
                    if (level == null) {
                        continue;
                    }
                    if (level.equals(quota.level())) {
                        atLevel.add(facts.getSubjectId());
                    } else if (scale.atLeast(level, quota.base())) {
                        base++;
                    }
                }
                int allowed = allowedOf.applyAsInt(base);
                if (atLevel.size() > allowed) {
                    cases.add(new CalibrationCase(quota.id(), group, quota.level(), quota.demoteTo(), base, allowed,
                            atLevel.size(), atLevel.size() - allowed, atLevel, quota.article()));
                }
            });
        }
        return cases;
    }

    private static String group(Manifest.QuotaGroup per, SubjectFacts facts) {
        if (facts instanceof MemberFacts member) {
            String grassroots = member.getGrassrootsOrganizationId() != null ? member.getGrassrootsOrganizationId()
                    : member.getOrganizationId();
            return switch (per) {
                case PARENT -> member.getOrganizationId();
                case GRASSROOTS_ORGANIZATION -> grassroots;
                case PEER_GROUP -> member.getPeerGroup() != null ? member.getPeerGroup() : grassroots;
            };
        }
        OrganizationFacts organization = (OrganizationFacts) facts;
        return switch (per) {
            case PARENT -> organization.getParentId();
            case GRASSROOTS_ORGANIZATION -> organization.getGrassrootsOrganizationId();
            case PEER_GROUP -> organization.getPeerGroup() != null ? organization.getPeerGroup()
                    : organization.getParentId();
        };
    }
}
