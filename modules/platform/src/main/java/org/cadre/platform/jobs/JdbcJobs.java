package org.cadre.platform.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.PlatformRefusal;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** The job table as the modules use it: queue, find, read the result. */
class JdbcJobs implements Jobs {

    private final JobTable table;
    private final JobRunner runner;
    private final JsonMapper json;
    private final JobsProperties properties;

    JdbcJobs(JobTable table, JobRunner runner, JsonMapper json, JobsProperties properties) {
        this.table = table;
        this.runner = runner;
        this.json = json;
        this.properties = properties;
    }

    @Override
    @Transactional
    public JobId submit(String kind, Caller caller, byte[] input, Map<String, String> parameters) {
        if (table.queued() >= properties.maxQueued()) {
            throw new Refused(PlatformRefusal.JOBS_BUSY, properties.maxQueued());
        }
        JobId id = new JobId(UUID.randomUUID());
        table.insert(id, kind, caller, input, Map.copyOf(parameters));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.wake();
                }
            });
        } else {
            runner.wake();
        }
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Job> find(JobId id) {
        return table.find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Job> find(JobId id, Caller caller) {
        return table.find(id).filter(job -> job.owner().equals(caller.username()) && !caller.isAnonymous()
                || caller.has(Role.ADMIN));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Job> unfinished(String kind, Caller caller) {
        return table.unfinished(kind, caller.username());
    }

    @Override
    public <T> Optional<T> result(Job job, Class<T> type) {
        return job.state() == Job.State.SUCCEEDED && job.result() != null
                ? Optional.of(json.readValue(job.result(), type)) : Optional.empty();
    }
}
