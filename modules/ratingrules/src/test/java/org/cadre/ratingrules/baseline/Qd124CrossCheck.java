package org.cadre.ratingrules.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cadre.ratingrules.CalibrationCase;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.ShippedPacks;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.engine.CompiledPack;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.cadre.ratingrules.pack.Manifest;
import org.cadre.ratingrules.pack.PackFiles;

/** Compares what Drools and {@link Qd124PlainJava} propose for the same members; shared by the test and benchmark. */
public final class Qd124CrossCheck {

    public static final String PACK = "qd124-hd25";

    private Qd124CrossCheck() {
    }

    /** The shipped pack, compiled (its scenarios are checked by ShippedPacksTests), with its parameter values. */
    public static PackValidator.Validation load() {
        PackValidator.Validation validation = new PackValidator().load(files());
        if (validation.pack() == null) {
            throw new IllegalStateException(PACK + " does not compile: " + validation.report().summary());
        }
        return validation;
    }

    public static PackFiles files() {
        return PackFiles.fromFolder(ShippedPacks.folder().resolve(PACK));
    }

    public static Qd124PlainJava plain(CompiledPack pack, Manifest manifest, Map<String, Object> parameters) {
        return new Qd124PlainJava(pack.scale(Proposal.Subject.MEMBER),
                manifest.criterionGroups(Proposal.Subject.MEMBER), new Parameters(parameters));
    }

    /** What the plain Java proposes for members, by subject id, in their order. */
    public static Map<String, Proposal> rate(Qd124PlainJava plain, List<MemberFacts> members) {
        Map<String, Proposal> proposals = new LinkedHashMap<>();
        for (MemberFacts member : members) {
            proposals.put(member.getSubjectId(), plain.rate(member));
        }
        return proposals;
    }

    /**
     * Every difference, one line each naming the subject: the outcome (level, excluded or pending), the cap, the
     * rules that gave reasons; then the quota's calibration cases. Empty when they agree on every member.
     */
    public static List<String> differences(List<MemberFacts> members, Ratings drools, Map<String, Proposal> plain,
            List<CalibrationCase> plainCases) {
        List<String> differences = new ArrayList<>();
        // Ratings.rating(id) scans the list: fine for a scenario, quadratic for 100,000 members
        Map<String, SubjectRating> byId = new java.util.HashMap<>();
        drools.ratings().forEach(r -> byId.put(r.subjectId(), r));
        for (MemberFacts member : members) {
            String id = member.getSubjectId();
            SubjectRating rating = byId.get(id);
            Proposal proposal = plain.get(id);
            String engine = rating == null ? "—" : rating.excluded() ? "excluded" : rating.pending() ? "pending"
                    : rating.level();
            String java = proposal == null ? "—" : proposal.isExcluded() ? "excluded" : proposal.isPending()
                    ? "pending" : proposal.getLevel();
            if (!Objects.equals(engine, java)) {
                differences.add(id + ": Drools " + engine + ", plain Java " + java + " (Drools reasons "
                        + (rating == null ? "—" : rules(rating.reasons())) + ", plain Java reasons "
                        + (proposal == null ? "—" : rules(proposal.getReasons())) + ")");
                continue;
            }
            if (rating == null) {
                continue;
            }
            if (!Objects.equals(rating.cap(), proposal.getCap())) {
                differences.add(id + ": level " + engine + " on both, cap Drools " + rating.cap() + ", plain Java "
                        + proposal.getCap());
            }
            List<String> engineRules = rules(rating.reasons());
            List<String> javaRules = rules(proposal.getReasons());
            if (!engineRules.equals(javaRules)) {
                differences.add(id + ": level " + engine + " on both, reasons Drools " + engineRules + ", plain Java "
                        + javaRules);
            }
        }
        Set<String> engineCases = cases(drools.calibrations());
        Set<String> javaCases = cases(plainCases);
        if (!engineCases.equals(javaCases)) {
            differences.add("calibration cases: Drools " + engineCases + ", plain Java " + javaCases);
        }
        return differences;
    }

    /**
     * The reasons as comparable text: the rule id (or the engine's own code, for "unqualified"), the effect, the
     * level and the note, sorted (the engine's firing order is not part of the result).
     */
    public static List<String> rules(List<Reason> reasons) {
        List<String> rules = new ArrayList<>();
        for (Reason reason : reasons) {
            rules.add((reason.ruleId() != null ? reason.ruleId() : reason.code()) + " " + reason.effect()
                    + (reason.level() == null ? "" : " " + reason.level())
                    + (reason.note() == null ? "" : " \"" + reason.note() + "\""));
        }
        rules.sort(null);
        return rules;
    }

    private static Set<String> cases(List<CalibrationCase> cases) {
        return cases.stream().map(c -> c.quotaId() + " " + c.group() + " base " + c.baseCount() + " allowed "
                + c.allowed() + " excess " + c.excess() + " " + new TreeSet<>(c.subjects()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
