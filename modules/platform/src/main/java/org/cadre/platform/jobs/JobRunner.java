package org.cadre.platform.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cadre.platform.Caller;
import org.cadre.platform.CurrentCaller;
import org.cadre.platform.JobContext;
import org.cadre.platform.JobHandler;
import org.cadre.platform.JobId;
import org.cadre.platform.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the job table on this instance: takes queued jobs while a worker is free, runs each through the handler
 * of its kind, beats the heart of the jobs it runs, and fails the jobs of instances that stopped beating. Every
 * write is a transaction of its own, so progress shows at once on every instance even while the job's own work
 * sits in a long transaction.
 */
class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);
    private static final Duration REAP_EVERY = Duration.ofSeconds(10);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final DateTimeFormatter PAGE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final JobTable table;
    /** Runs a handler as the job's caller, so the audit trail names who submitted the job. */
    private final ObjectProvider<CurrentCaller> callers;
    /** Looked up when the runner starts: handlers may themselves submit jobs, and so depend on the runner. */
    private final ObjectProvider<JobHandler> handlerBeans;
    private volatile Map<String, JobHandler> handlers = Map.of();
    private final TransactionTemplate separately;
    private final JsonMapper json;
    private final JobsProperties properties;
    private final Clock clock;
    private final String instance;
    private final Set<JobId> running = ConcurrentHashMap.newKeySet();
    private final Semaphore free;
    private volatile ScheduledExecutorService ticker;
    private volatile ExecutorService workers;
    private volatile Instant lastReap = Instant.EPOCH;
    private volatile Instant lastPrune = Instant.EPOCH;

    JobRunner(JobTable table, ObjectProvider<JobHandler> handlers, TransactionTemplate separately, JsonMapper json,
            JobsProperties properties, Clock clock, ObjectProvider<CurrentCaller> callers) {
        this.table = table;
        this.callers = callers;
        this.handlerBeans = handlers;
        this.separately = separately;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
        this.free = new Semaphore(Math.max(1, properties.workers()));
    }

    @Override
    public void start() {
        handlers = handlerBeans.orderedStream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        AtomicLong threads = new AtomicLong();
        workers = Executors.newFixedThreadPool(Math.max(1, properties.workers()), r -> daemon(r,
                "cadre-job-" + threads.incrementAndGet()));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cadre-jobs"));
        long every = Math.max(50, properties.pollInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
        log.debug("Serving the job table as {} with {} worker(s)", instance, properties.workers());
    }

    @Override
    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null && !ticker.isShutdown();
    }

    /** Looks for work now (a job was submitted on this instance). */
    void wake() {
        ScheduledExecutorService current = ticker;
        if (current != null && !current.isShutdown()) {
            current.execute(this::tick);
        }
    }

    private void tick() {
        try {
            separately.executeWithoutResult(s -> table.heartbeat(new ArrayList<>(running)));
            Instant now = clock.instant();
            if (due(now, lastReap, REAP_EVERY)) {
                lastReap = now;
                int stale = separately.execute(s -> table.failStale(now.minus(properties.stale())));
                if (stale > 0) {
                    log.warn("{} job(s) lost their instance and were marked failed", stale);
                }
            }
            if (due(now, lastPrune, PRUNE_EVERY)) {
                lastPrune = now;
                separately.executeWithoutResult(s -> table.deleteFinishedBefore(now.minus(properties.keep())));
            }
            while (free.tryAcquire()) {
                Optional<JobTable.Claimed> claimed;
                try {
                    claimed = separately.execute(s -> table.claim(instance, handlers.keySet()));
                } catch (RuntimeException e) {
                    free.release(); // a failed claim must not cost a worker for good
                    throw e;
                }
                if (claimed == null || claimed.isEmpty()) {
                    free.release();
                    return;
                }
                JobTable.Claimed job = claimed.get();
                running.add(job.id());
                try {
                    workers.execute(() -> {
                        try {
                            run(job);
                        } finally {
                            running.remove(job.id());
                            free.release();
                            wake();
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    // the instance is stopping: the job stays running in the table until its heartbeat is stale
                    running.remove(job.id());
                    free.release();
                    return;
                }
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next tick tries again
            log.warn("The job table could not be served: {}", e.toString());
        }
    }

    /**
     * Whether periodic work last done at {@code last} is due again. A clock that went back (an NTP step, a restored
     * virtual machine) makes it due at once: waiting for the clock to catch up would leave dead instances' jobs
     * running for as long as it jumped.
     */
    private static boolean due(Instant now, Instant last, Duration every) {
        return now.isAfter(last.plus(every)) || now.isBefore(last);
    }

    private void run(JobTable.Claimed job) {
        JobHandler handler = handlers.get(job.kind());
        try {
            Context context = new Context(job);
            CurrentCaller current = callers.getIfAvailable();
            Object result = current == null ? handler.run(context)
                    : current.as(job.caller(), () -> handler.run(context));
            String written = json.writeValueAsString(result);
            separately.executeWithoutResult(s -> table.succeeded(job.id(), written));
        } catch (Refused refused) {
            // kept as text for whoever reads the job later, dates as the pages write them
            List<String> arguments = Arrays.stream(refused.arguments())
                    .map(argument -> argument instanceof LocalDate date ? date.format(PAGE_DATE)
                            : String.valueOf(argument))
                    .toList();
            separately.executeWithoutResult(s -> table.failed(job.id(), refused.reason().messageKey(), arguments));
        } catch (RuntimeException e) {
            log.error("Job {} ({}) failed", job.id(), job.kind(), e);
            separately.executeWithoutResult(s -> table.failed(job.id(), "problem.job.failed",
                    List.of(job.id().toString())));
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** What the handler sees; progress is written at most every 200 ms, and always at the end of the work. */
    private final class Context implements JobContext {

        private final JobTable.Claimed job;
        private volatile Instant lastWrite = Instant.EPOCH;

        Context(JobTable.Claimed job) {
            this.job = job;
        }

        @Override
        public JobId id() {
            return job.id();
        }

        @Override
        public Caller caller() {
            return job.caller();
        }

        @Override
        public byte[] input() {
            return job.input() == null ? new byte[0] : job.input();
        }

        @Override
        public Map<String, String> parameters() {
            return job.parameters();
        }

        @Override
        public void progress(int done, int total) {
            Instant now = clock.instant();
            if (done < total && now.isBefore(lastWrite.plus(PROGRESS_EVERY))) {
                return;
            }
            lastWrite = now;
            separately.executeWithoutResult(s -> table.progress(job.id(), done, total));
        }
    }
}
