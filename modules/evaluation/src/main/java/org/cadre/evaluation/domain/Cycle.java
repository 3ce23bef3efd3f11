package org.cadre.evaluation.domain;

import static org.cadre.evaluation.EvaluationRefusal.CYCLE_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.CYCLE_NOT_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.REOPEN_REASON_REQUIRED;
import static org.cadre.evaluation.EvaluationRefusal.REOPEN_REASON_TOO_LONG;
import static org.cadre.evaluation.EvaluationRefusal.RUN_IN_PROGRESS;
import static org.cadre.evaluation.EvaluationRefusal.SCOPE_NOT_BLOC_OR_GRASSROOTS;
import static org.cadre.evaluation.EvaluationRefusal.YEAR_OUT_OF_RANGE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.cadre.evaluation.ClassificationRunFailed;
import org.cadre.evaluation.ClassificationRunFinished;
import org.cadre.evaluation.CycleClosed;
import org.cadre.evaluation.CycleOpened;
import org.cadre.evaluation.CycleReopened;
import org.cadre.evaluation.CycleStatus;
import org.cadre.organizations.OrganizationKind;
import org.cadre.platform.Refused;

/**
 * A year's evaluation of one scope (the bloc, or one grassroots organization), pinned to the rule pack version that
 * served the year when it was opened, so a pack activated later does not change a cycle under way. Its results are
 * those of its current run; a run becomes current only when it finished, so a failed run leaves the previous results.
 */
public final class Cycle {

    /** The first year the rules of any regime could apply to; the last is next year (a cycle prepared ahead). */
    public static final int FIRST_YEAR = 2000;

    /** The longest reason kept for reopening a cycle. */
    public static final int MAX_REOPEN_REASON = 1000;

    private final UUID id;
    private final int year;
    private final UUID scope;
    private final String packId;
    private final int packVersion;
    private final CycleStatus status;
    private final UUID currentRun;

    public Cycle(UUID id, int year, UUID scope, String packId, int packVersion, CycleStatus status, UUID currentRun) {
        this.id = id;
        this.year = year;
        this.scope = scope;
        this.packId = packId;
        this.packVersion = packVersion;
        this.status = status;
        this.currentRun = currentRun;
    }

    /**
     * A new cycle, checked: a year from {@value #FIRST_YEAR} to next year, a scope that is the bloc committee or a
     * grassroots organization. {@link #opened(String)} is its event.
     */
    public static Cycle open(UUID id, int year, UUID scope, OrganizationKind scopeKind, String scopeName,
            String packId, int packVersion, Instant now, ZoneId zone) {
        checkYear(year, now, zone);
        if (scopeKind != OrganizationKind.BLOC_COMMITTEE && !scopeKind.isGrassroots()) {
            throw new Refused(SCOPE_NOT_BLOC_OR_GRASSROOTS, scopeName);
        }
        return new Cycle(id, year, scope, packId, packVersion, CycleStatus.OPEN, null);
    }

    /** A year a cycle may be opened for: from {@value #FIRST_YEAR} to next year. */
    public static void checkYear(int year, Instant now, ZoneId zone) {
        int nextYear = LocalDate.ofInstant(now, zone).getYear() + 1;
        if (year < FIRST_YEAR || year > nextYear) {
            throw new Refused(YEAR_OUT_OF_RANGE, year, FIRST_YEAR, nextYear);
        }
    }

    public CycleOpened opened(String by) {
        return new CycleOpened(id, year, scope, packId, packVersion, by);
    }

    /** Whether a run may start: only while the cycle is open (whether another runs is the store's to refuse). */
    public void checkRunMayStart() {
        if (status == CycleStatus.CLOSED) {
            throw new Refused(CYCLE_CLOSED);
        }
    }

    /**
     * Closes the cycle: only an open one, and not while a run rates it (its results would land in a locked cycle).
     *
     * @param runningSince when the run still rating the cycle started, {@code null} when none runs
     */
    public Closed close(String by, Instant at, Instant runningSince, ZoneId zone) {
        if (status == CycleStatus.CLOSED) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (runningSince != null) {
            throw new Refused(RUN_IN_PROGRESS,
                    DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(runningSince.atZone(zone)));
        }
        return new Closed(with(CycleStatus.CLOSED), new CycleClosed(id, year, by, at));
    }

    /** Reopens a closed cycle; the reason (required, at most {@value #MAX_REOPEN_REASON} characters) is kept. */
    public Reopened reopen(String by, String reason, Instant at) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new Refused(REOPEN_REASON_REQUIRED);
        }
        if (why.length() > MAX_REOPEN_REASON) {
            throw new Refused(REOPEN_REASON_TOO_LONG, MAX_REOPEN_REASON);
        }
        if (status != CycleStatus.CLOSED) {
            throw new Refused(CYCLE_NOT_CLOSED);
        }
        return new Reopened(with(CycleStatus.OPEN), new CycleReopened(id, year, by, why, at));
    }

    private Cycle with(CycleStatus next) {
        return new Cycle(id, year, scope, packId, packVersion, next, currentRun);
    }

    public record Closed(Cycle cycle, CycleClosed event) {
    }

    public record Reopened(Cycle cycle, CycleReopened event) {
    }

    /** A run finished: its ratings become the cycle's results. */
    public Finished finish(UUID run, int members, int organizations, int calibrations, String digest) {
        Cycle next = new Cycle(id, year, scope, packId, packVersion, status, run);
        return new Finished(next, new ClassificationRunFinished(id, run, year, packId, packVersion, members,
                organizations, calibrations, digest));
    }

    /** A run failed: the cycle keeps its current run. */
    public ClassificationRunFailed fail(UUID run, String problem) {
        return new ClassificationRunFailed(id, run, year, problem);
    }

    public record Finished(Cycle cycle, ClassificationRunFinished event) {
    }

    public UUID id() {
        return id;
    }

    public int year() {
        return year;
    }

    public UUID scope() {
        return scope;
    }

    public String packId() {
        return packId;
    }

    public int packVersion() {
        return packVersion;
    }

    public CycleStatus status() {
        return status;
    }

    public UUID currentRun() {
        return currentRun;
    }
}
