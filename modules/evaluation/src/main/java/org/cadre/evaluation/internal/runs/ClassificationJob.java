package org.cadre.evaluation.internal.runs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.internal.cycles.CycleStore;
import org.cadre.evaluation.internal.cycles.RunOutcomes;
import org.cadre.evaluation.internal.facts.YearFacts;
import org.cadre.evaluation.internal.inputs.CycleInputs;
import org.cadre.platform.JobContext;
import org.cadre.platform.JobHandler;
import org.cadre.ratingrules.CalibrationCase;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Reason;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A classification run of a cycle, as a job any instance may take: in the regulation's order, one grassroots
 * organization at a time (its chapters' members, then its chapters, then itself), then the organizations above,
 * rated on the grassroots results just made. Streaming: what stays in memory between steps is one rating per
 * grassroots organization. Everything the run writes is in one transaction that ends by making the run the cycle's
 * current one; a failure, a cancellation or a killed process rolls it back and the previous results stay.
 */
@Component
class ClassificationJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ClassificationJob.class);

    private final CycleStore cycles;
    private final YearFacts facts;
    private final CycleInputs inputs;
    private final RatingRules rules;
    private final RatingWriter writer;
    private final RunOutcomes outcomes;
    private final TransactionTemplate transactions;

    ClassificationJob(CycleStore cycles, YearFacts facts, CycleInputs inputs, RatingRules rules, RatingWriter writer,
            RunOutcomes outcomes, TransactionTemplate transactions) {
        this.cycles = cycles;
        this.facts = facts;
        this.inputs = inputs;
        this.rules = rules;
        this.writer = writer;
        this.outcomes = outcomes;
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return RunOutcomes.CLASSIFY_JOB;
    }

    @Override
    public Object run(JobContext context) {
        UUID cycleId = UUID.fromString(context.parameters().get("cycle"));
        UUID run = UUID.fromString(context.parameters().get("run"));
        try {
            Summary summary = transactions.execute(status -> classify(cycleId, run, context));
            return summary;
        } catch (RuntimeException e) {
            outcomes.failed(cycleId, run, e);
            throw e;
        }
    }

    /** What the job reports when it succeeded. */
    record Summary(UUID cycle, UUID run, int members, int organizations, int calibrations, String digest,
            long millis) {
    }

    private Summary classify(UUID cycleId, UUID run, JobContext context) {
        long started = System.nanoTime();
        CycleStore.StoredCycle stored = cycles.find(cycleId).orElseThrow();
        var cycle = stored.cycle();
        int year = cycle.year();
        List<YearFacts.OrganizationNode> tree = facts.tree(year, cycle.scope());
        long grassroots = tree.stream().filter(n -> n.kind().isGrassroots()).count();
        int total = (int) grassroots + 1;
        Counter counter = new Counter();
        Map<String, SubjectRating> grassrootsRatings = new LinkedHashMap<>();
        List<OrganizationFacts> grassrootsFacts = new ArrayList<>();
        MessageDigest digest = sha256();
        context.progress(0, total);
        facts.forEachGrassroots(year, cycle.scope(), batch -> {
            inputs.applyTo(cycleId, batch.members(), batch.organizations());
            Ratings ratings = rules.evaluateRun(cycle.packId(), cycle.packVersion(), year, batch.members(),
                    batch.organizations(), Map.of());
            Map<String, SubjectFacts> byId = new LinkedHashMap<>();
            batch.members().forEach(m -> byId.put(m.getSubjectId(), m));
            batch.organizations().forEach(o -> byId.put(o.getSubjectId(), o));
            store(run, ratings, byId, digest, counter);
            String id = batch.grassroots().id().toString();
            ratings.rating(id).ifPresent(r -> grassrootsRatings.put(id, r));
            batch.organizations().stream().filter(o -> o.getSubjectId().equals(id)).findFirst()
                    .ifPresent(grassrootsFacts::add);
            context.progress(++counter.steps, total);
        });
        List<OrganizationFacts> above = facts.aboveGrassroots(year, cycle.scope());
        if (!above.isEmpty()) {
            inputs.applyTo(cycleId, List.of(), above);
            List<OrganizationFacts> top = new ArrayList<>(grassrootsFacts);
            top.addAll(above);
            Ratings ratings = rules.evaluateRun(cycle.packId(), cycle.packVersion(), year, List.of(), top,
                    grassrootsRatings);
            Map<String, SubjectFacts> byId = new LinkedHashMap<>();
            above.forEach(o -> byId.put(o.getSubjectId(), o));
            store(run, ratings, byId, digest, counter);
        }
        if (counter.members + counter.organizations == 0) {
            throw new org.cadre.platform.Refused(org.cadre.evaluation.EvaluationRefusal.NOTHING_TO_RATE, year);
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        outcomes.succeeded(stored, run, counter.members, counter.organizations, counter.calibrations, hex);
        context.progress(total, total);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Cycle {} ({}) classified: {} members, {} organizations, {} calibration cases in {} ms", cycleId,
                year, counter.members, counter.organizations, counter.calibrations, millis);
        return new Summary(cycleId, run, counter.members, counter.organizations, counter.calibrations, hex, millis);
    }

    private void store(UUID run, Ratings ratings, Map<String, SubjectFacts> byId, MessageDigest digest,
            Counter counter) {
        List<RatingWriter.Rated> rows = new ArrayList<>();
        ratings.ratings().stream().sorted(Comparator.comparing(SubjectRating::subjectId)).forEach(rating -> {
            SubjectFacts given = byId.get(rating.subjectId());
            if (given == null) {
                return; // an earlier step's subject: stored by that step
            }
            rows.add(new RatingWriter.Rated(rating, given));
            digest(digest, rating);
            if (given instanceof MemberFacts) {
                counter.members++;
            } else {
                counter.organizations++;
            }
        });
        writer.write(run, rows);
        for (CalibrationCase calibration : ratings.calibrations()) {
            writer.write(run, calibration);
            digest.update(("calibration|" + calibration.quotaId() + '|' + calibration.group() + '|'
                    + calibration.subjects()).getBytes(StandardCharsets.UTF_8));
            counter.calibrations++;
        }
    }

    private static void digest(MessageDigest digest, SubjectRating rating) {
        StringBuilder line = new StringBuilder().append(rating.subjectId()).append('|').append(rating.level())
                .append('|').append(rating.excluded()).append('|').append(rating.pending()).append('|')
                .append(rating.decisive());
        for (Reason reason : rating.reasons()) {
            line.append('|').append(reason.effect()).append(':').append(reason.level()).append(':')
                    .append(reason.ruleId()).append(':').append(reason.code()).append(':')
                    .append(reason.arguments());
        }
        digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counter {
        int steps;
        int members;
        int organizations;
        int calibrations;
    }
}
