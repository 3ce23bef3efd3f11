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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.cycles.CycleStore;
import org.cadre.evaluation.internal.cycles.RunOutcomes;
import org.cadre.evaluation.internal.facts.YearFacts;
import org.cadre.evaluation.internal.inputs.CycleInputs;
import org.cadre.evaluation.internal.selfassessment.SelfAssessmentFacts;
import org.cadre.platform.JobContext;
import org.cadre.platform.JobHandler;
import org.cadre.platform.Refused;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A classification run of a cycle, as a job any instance may take: in the regulation's order, one grassroots
 * organization at a time (its chapters' members, then its chapters, then itself), then the organizations above,
 * rated on the grassroots results just made.
 *
 * <p>Three threads, so both cores work: a reader reads the facts and inputs of a few batches at a time (in a
 * read-only snapshot of its own, so every batch sees the same moment), a rater rates each batch and prepares its rows,
 * and the job's thread writes them into the run's one COPY, in the run's transaction (the calibration cases after
 * it). At most two chunks and two prepared batches wait between them: memory follows the largest chunk of
 * grassroots organizations, not the size of the scope. The run's writes end by making it the cycle's current run in
 * that same transaction; a failure on any side, a cancellation or a killed process rolls it back and the previous
 * results stay.
 */
@Component
class ClassificationJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ClassificationJob.class);

    private final CycleStore cycles;
    private final YearFacts facts;
    private final CycleInputs inputs;
    private final SelfAssessmentFacts selfAssessments;
    private final RatingRules rules;
    private final RatingWriter writer;
    private final RunOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshot;

    ClassificationJob(CycleStore cycles, YearFacts facts, CycleInputs inputs, SelfAssessmentFacts selfAssessments,
            RatingRules rules, RatingWriter writer, RunOutcomes outcomes, PlatformTransactionManager transactionManager) {
        this.cycles = cycles;
        this.facts = facts;
        this.inputs = inputs;
        this.selfAssessments = selfAssessments;
        this.rules = rules;
        this.writer = writer;
        this.outcomes = outcomes;
        this.transactions = new TransactionTemplate(transactionManager);
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
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
            return transactions.execute(status -> classify(cycleId, run, context));
        } catch (RuntimeException e) {
            outcomes.failed(cycleId, run, e);
            throw e;
        }
    }

    /** What the job reports when it succeeded. */
    record Summary(UUID cycle, UUID run, int members, int organizations, int calibrations, String digest,
            long millis) {
    }

    /**
     * What the reader hands the rater: a chunk of grassroots batches with their inputs, or the organizations above
     * them; {@code last} ends the reading, {@code failure} ends it badly.
     */
    private record Read(List<YearFacts.GrassrootsBatch> chunk, List<OrganizationFacts> above, boolean last,
            RuntimeException failure) {
    }

    /** One batch's rows, ready to write; {@code last} ends the run, {@code failure} ends it badly. */
    private record Prepared(String rows, List<CalibrationCase> calibrations, boolean grassroots, boolean last,
            RuntimeException failure) {
    }

    private Summary classify(UUID cycleId, UUID run, JobContext context) {
        long started = System.nanoTime();
        CycleStore.StoredCycle stored = cycles.find(cycleId).orElseThrow();
        var cycle = stored.cycle();
        int year = cycle.year();
        int total = (int) facts.tree(year, cycle.scope()).stream().filter(n -> n.kind().isGrassroots()).count() + 1;
        context.progress(0, total);
        Counter counter = new Counter();
        MessageDigest digest = sha256();
        BlockingQueue<Read> read = new ArrayBlockingQueue<>(2);
        BlockingQueue<Prepared> ready = new ArrayBlockingQueue<>(2);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = start("evaluation-run-" + year + "-reader", () -> {
            snapshot.executeWithoutResult(status -> read(cycleId, year, cycle.scope(), counter, read, stop));
            hand(read, new Read(null, null, true, null), stop);
        }, failure -> {
            read.clear();
            read.offer(new Read(null, null, true, failure));
        });
        Thread rater = start("evaluation-run-" + year, () -> {
            rate(cycle.packId(), cycle.packVersion(), year, run, digest, counter, read, ready, stop);
            hand(ready, new Prepared(null, List.of(), false, true, null), stop);
        }, failure -> {
            ready.clear();
            ready.offer(new Prepared(null, List.of(), false, true, failure));
        });
        List<CalibrationCase> calibrations = new ArrayList<>();
        try (RatingWriter.Copy copy = writer.open()) {
            int steps = 0;
            while (true) {
                Prepared prepared = take(ready);
                if (prepared.failure() != null) {
                    throw prepared.failure();
                }
                if (prepared.last()) {
                    break;
                }
                counter.copyNanos += copy.write(prepared.rows());
                calibrations.addAll(prepared.calibrations());
                if (prepared.grassroots()) {
                    context.progress(++steps, total);
                }
            }
            counter.copyNanos += copy.end();
        } finally {
            stop.set(true);
            join(rater);
            join(reader);
        }
        // after the COPY: the connection is the run's again
        for (CalibrationCase calibration : calibrations) {
            writer.write(run, calibration);
        }
        if (counter.members + counter.organizations == 0) {
            throw new Refused(EvaluationRefusal.NOTHING_TO_RATE, year);
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        long finishing = System.nanoTime();
        outcomes.succeeded(stored, run, counter.members, counter.organizations, counter.calibrations, hex);
        long finishMillis = (System.nanoTime() - finishing) / 1_000_000;
        context.progress(total, total);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Cycle {} ({}) classified: {} members, {} organizations, {} calibration cases in {} ms (rater: facts"
                + " {} ms, inputs {} ms, rules {} ms, rows {} ms; writer: COPY {} ms, finishing {} ms)", cycleId, year,
                counter.members, counter.organizations, counter.calibrations, millis, counter.factsNanos / 1_000_000,
                counter.inputsNanos / 1_000_000, counter.rulesNanos / 1_000_000, counter.rowsNanos / 1_000_000,
                counter.copyNanos / 1_000_000, finishMillis);
        return new Summary(cycleId, run, counter.members, counter.organizations, counter.calibrations, hex, millis);
    }

    /**
     * The reader's side, in the run's read-only snapshot: the year's facts a few grassroots organizations at a time
     * with their inputs, then the organizations above with theirs. It reads the next chunk while the rater rates
     * this one: the database's work and the rules' overlap on the two cores.
     */
    private void read(UUID cycleId, int year, UUID scope, Counter counter, BlockingQueue<Read> read,
            AtomicBoolean stop) {
        long[] mark = {System.nanoTime()};
        facts.forEachChunk(year, scope, chunk -> {
            counter.factsNanos += System.nanoTime() - mark[0];
            long step = System.nanoTime();
            // the inputs of a few grassroots organizations in one round of queries, as their facts were read
            List<MemberFacts> members = new ArrayList<>();
            List<OrganizationFacts> organizations = new ArrayList<>();
            chunk.forEach(batch -> {
                members.addAll(batch.members());
                organizations.addAll(batch.organizations());
            });
            inputs.applyTo(cycleId, members, organizations);
            selfAssessments.applyTo(cycleId, members);
            counter.inputsNanos += System.nanoTime() - step;
            hand(read, new Read(chunk, null, false, null), stop);
            mark[0] = System.nanoTime();
        });
        List<OrganizationFacts> above = facts.aboveGrassroots(year, scope);
        if (!above.isEmpty()) {
            inputs.applyTo(cycleId, List.of(), above);
            hand(read, new Read(null, above, false, null), stop);
        }
    }

    /** The rater's side: every batch the reader hands over, rated and turned into rows, in order. */
    private void rate(String packId, int packVersion, int year, UUID run, MessageDigest digest, Counter counter,
            BlockingQueue<Read> read, BlockingQueue<Prepared> ready, AtomicBoolean stop) {
        Map<String, SubjectRating> grassrootsRatings = new LinkedHashMap<>();
        List<OrganizationFacts> grassrootsFacts = new ArrayList<>();
        while (true) {
            Read next = take(read, stop);
            if (next.failure() != null) {
                throw next.failure();
            }
            if (next.last()) {
                return;
            }
            if (next.above() != null) {
                List<OrganizationFacts> top = new ArrayList<>(grassrootsFacts);
                top.addAll(next.above());
                Ratings ratings = rules.evaluateRun(packId, packVersion, year, List.of(), top, grassrootsRatings);
                Map<String, SubjectFacts> byId = new LinkedHashMap<>();
                next.above().forEach(o -> byId.put(o.getSubjectId(), o));
                hand(ready, prepare(run, ratings, byId, digest, counter, false), stop);
                continue;
            }
            for (YearFacts.GrassrootsBatch batch : next.chunk()) {
                long step = System.nanoTime();
                Ratings ratings = rules.evaluateRun(packId, packVersion, year, batch.members(), batch.organizations(),
                        Map.of());
                counter.rulesNanos += System.nanoTime() - step;
                Map<String, SubjectFacts> byId = new LinkedHashMap<>();
                batch.members().forEach(m -> byId.put(m.getSubjectId(), m));
                batch.organizations().forEach(o -> byId.put(o.getSubjectId(), o));
                hand(ready, prepare(run, ratings, byId, digest, counter, true), stop);
                String id = batch.grassroots().id().toString();
                ratings.rating(id).ifPresent(r -> grassrootsRatings.put(id, r));
                batch.organizations().stream().filter(o -> o.getSubjectId().equals(id)).findFirst()
                        .ifPresent(grassrootsFacts::add);
            }
        }
    }

    /** A batch's ratings as COPY rows, in subject order, added to the run's digest and counts. */
    private Prepared prepare(UUID run, Ratings ratings, Map<String, SubjectFacts> byId, MessageDigest digest,
            Counter counter, boolean grassroots) {
        long started = System.nanoTime();
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
        for (CalibrationCase calibration : ratings.calibrations()) {
            digest.update(("calibration|" + calibration.quotaId() + '|' + calibration.group() + '|'
                    + calibration.subjects()).getBytes(StandardCharsets.UTF_8));
            counter.calibrations++;
        }
        String text = writer.rows(run, rows);
        counter.rowsNanos += System.nanoTime() - started;
        return new Prepared(text, ratings.calibrations(), grassroots, false, null);
    }

    /** Hands work to the next thread, waiting while two wait already; gives up once the writer has stopped. */
    private static <T> void hand(BlockingQueue<T> queue, T item, AtomicBoolean stop) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    throw new CancellationException("the writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static Prepared take(BlockingQueue<Prepared> ready) {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The run was interrupted", e);
        }
    }

    /** Takes the reader's next item; gives up once the writer has stopped (the reader may then hand nothing). */
    private static Read take(BlockingQueue<Read> read, AtomicBoolean stop) {
        try {
            while (true) {
                Read next = read.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next;
                }
                if (stop.get()) {
                    throw new CancellationException("the writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /**
     * Starts one of the run's threads. A cancellation means the writer failed and reports why; any other failure is
     * handed on, so that the writer reports it and the run rolls back.
     */
    private static Thread start(String name, Runnable work, java.util.function.Consumer<RuntimeException> failed) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (CancellationException stopped) {
                // the writer failed and said so
            } catch (RuntimeException | Error e) {
                failed.accept(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e));
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread rater) {
        try {
            rater.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /**
     * Counts and timings: the reader's, the rater's and the writer's each write their own fields; the job's thread
     * reads them all after joining the other two.
     */
    private static final class Counter {
        volatile int members;
        volatile int organizations;
        volatile int calibrations;
        long factsNanos;
        long inputsNanos;
        long rulesNanos;
        long rowsNanos;
        long copyNanos;
    }
}
