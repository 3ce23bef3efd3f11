package org.cadre.evaluation.internal.facts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.commitments.ActionProgrammes;
import org.cadre.commitments.CampaignView;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.DutyView;
import org.cadre.commitments.ItemStatus;
import org.cadre.commitments.ItemView;
import org.cadre.commitments.ProgrammeView;
import org.cadre.commitments.RegisterStatus;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.ReviewView;
import org.cadre.commitments.Study;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.JobContext;
import org.cadre.platform.JobHandler;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.supervision.ChapterMeetings;
import org.cadre.supervision.CommentView;
import org.cadre.supervision.DisciplineView;
import org.cadre.supervision.Disciplines;
import org.cadre.supervision.Feedback;
import org.cadre.supervision.FindingView;
import org.cadre.supervision.InspectionView;
import org.cadre.supervision.Inspections;
import org.cadre.supervision.MeetingView;
import org.cadre.supervision.MemberAttendance;
import org.cadre.supervision.Reminders;
import org.cadre.supervision.ReminderView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refills the facts ledger from the other modules' facades, as a job of kind {@code evaluation.rebuild-facts} in
 * the platform's job table: after a bulk load (which publishes one event instead of one per row), or when
 * evaluation staff ask for it. It reads the facades' lists, which carry the same ids the events carry, and writes
 * the same rows through {@link FactsLedger}: the rebuilt facts equal those the events built, and an event handled
 * after the rebuild (late, or redelivered) finds its row there and changes nothing. All or nothing: one
 * transaction, under a cluster lock so two rebuilds never interleave; it first clears the year's rows it refills,
 * then reads, so a row an event writes meanwhile is either read again or left in place.
 */
@Service
public class FactsRebuild implements JobHandler {

    public static final String KIND = "evaluation.rebuild-facts";

    /** What a rebuild refills: the tree and the members' lives, and a year's commitments and supervision. */
    public enum Part {
        ORGANIZATIONS, COMMITMENTS, SUPERVISION
    }

    /** What a rebuild wrote, as the job's result. */
    public record Result(List<Integer> years, List<Part> parts, int organizations, int members, int rows) {
    }

    private static final Logger log = LoggerFactory.getLogger(FactsRebuild.class);
    /** Bulk loads have nobody behind them: the rebuild they trigger reads as the system. */
    private static final Caller SYSTEM = Caller.of("system:evaluation-facts", Role.ADMIN);

    private final Jobs jobs;
    private final JdbcClient jdbc;
    private final FactsLedger ledger;
    private final FactsLedgerBatches batches;
    private final TransactionTemplate transaction;
    private final ClusterLocks locks;
    private final Clock clock;
    private final Organizations organizations;
    private final Members members;
    private final Study study;
    private final CommitmentRegisters registers;
    private final ActionProgrammes programmes;
    private final ChapterMeetings meetings;
    private final Reminders reminders;
    private final Disciplines disciplines;
    private final Inspections inspections;
    private final Feedback feedback;

    FactsRebuild(Jobs jobs, JdbcClient jdbc, FactsLedger ledger, FactsLedgerBatches batches,
            TransactionTemplate transaction, ClusterLocks locks, Clock clock, Organizations organizations,
            Members members, Study study, CommitmentRegisters registers, ActionProgrammes programmes,
            ChapterMeetings meetings, Reminders reminders, Disciplines disciplines, Inspections inspections,
            Feedback feedback) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.batches = batches;
        this.transaction = transaction;
        this.locks = locks;
        this.clock = clock;
        this.organizations = organizations;
        this.members = members;
        this.study = study;
        this.registers = registers;
        this.programmes = programmes;
        this.meetings = meetings;
        this.reminders = reminders;
        this.disciplines = disciplines;
        this.inspections = inspections;
        this.feedback = feedback;
    }

    /**
     * Evaluation staff ask for a year to be refilled (every part). Refuses {@code REBUILD_IN_PROGRESS} while a
     * rebuild is queued or running; the caller's role is checked by the endpoint.
     */
    @Transactional
    public JobId request(int year, Caller caller) {
        if (year < 1930 || year > 2200) {
            throw new Refused(EvaluationRefusal.YEAR_OUT_OF_RANGE, year, 1930, 2200);
        }
        locks.lockUntilTransactionEnds(KIND + ".request");
        if (running()) {
            throw new Refused(EvaluationRefusal.REBUILD_IN_PROGRESS, year);
        }
        return submit(List.of(year), EnumSet.allOf(Part.class), caller);
    }

    /** A bulk load's rebuild: queued even while another runs (the handler runs them one after the other). */
    @Transactional
    public JobId submitForBulkLoad(List<Integer> years, Part part) {
        return submit(years, EnumSet.of(part), SYSTEM);
    }

    /** Whether a rebuild is queued or running (one whose job finished or vanished is marked finished). */
    @Transactional
    public boolean running() {
        boolean any = false;
        for (UUID id : jdbc.sql("SELECT job_id FROM evaluation.fact_rebuild WHERE NOT finished")
                .query(UUID.class).list()) {
            boolean unfinished = jobs.find(new JobId(id)).filter(job -> !job.finished()).isPresent();
            if (unfinished) {
                any = true;
            } else {
                markFinished(id);
            }
        }
        return any;
    }

    private JobId submit(List<Integer> years, Set<Part> parts, Caller caller) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("years", years.stream().map(String::valueOf).collect(Collectors.joining(",")));
        parameters.put("parts", parts.stream().map(Part::name).collect(Collectors.joining(",")));
        JobId id = jobs.submit(KIND, caller, null, parameters);
        jdbc.sql("""
                INSERT INTO evaluation.fact_rebuild (job_id, years, parts, requested_at)
                VALUES (:id, :years, :parts, :at)
                """).param("id", id.value()).param("years", parameters.get("years"))
                .param("parts", parameters.get("parts")).param("at", OffsetDateTime.now(clock)).update();
        return id;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Object run(JobContext context) {
        List<Integer> years = list(context.parameters().get("years")).stream().map(Integer::valueOf).toList();
        List<Part> parts = list(context.parameters().get("parts")).stream().map(Part::valueOf).toList();
        try {
            return transaction.execute(status -> {
                locks.lockUntilTransactionEnds(KIND);
                return rebuild(years, parts, context);
            });
        } finally {
            markFinished(context.id().value());
        }
    }

    /** Every part of the given years, now, in the caller's transaction and as the system (tests, benchmarks). */
    public Result rebuildNow(List<Integer> years) {
        return rebuild(years, List.of(Part.values()), null);
    }

    /** The work itself, in the caller's transaction (the job's, or a test's). */
    Result rebuild(List<Integer> years, List<Part> parts, JobContext context) {
        long started = System.nanoTime();
        Caller caller = context == null ? SYSTEM : context.caller();
        int steps = (parts.contains(Part.ORGANIZATIONS) ? 1 : 0)
                + years.size() * (int) parts.stream().filter(p -> p != Part.ORGANIZATIONS).count();
        int done = 0;
        progress(context, done, steps);
        List<OrganizationSummary> tree = organizations.list();
        int[] counts = new int[3];
        counts[0] = tree.size();
        if (parts.contains(Part.ORGANIZATIONS)) {
            organizations(tree, counts);
            progress(context, ++done, steps);
        }
        for (int year : years) {
            if (parts.contains(Part.COMMITMENTS)) {
                commitments(year, tree, counts);
                progress(context, ++done, steps);
            }
            if (parts.contains(Part.SUPERVISION)) {
                supervision(year, tree, caller, counts);
                progress(context, ++done, steps);
            }
        }
        log.info("Facts rebuilt for {} {}: {} organizations, {} members, {} rows in {} ms", years, parts, counts[0],
                counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
        return new Result(years, parts, counts[0], counts[1], counts[2]);
    }

    /**
     * The tree and the members' lives are not a year's: they are completed, not cleared. What the facades say now
     * fills what the ledger lacks (an organization or a member written by a bulk load), and never overwrites the
     * dated history that events brought (a transfer, a status change and its cancellation).
     */
    private void organizations(List<OrganizationSummary> tree, int[] counts) {
        List<FactsLedgerBatches.Organization> organizationBatch = new ArrayList<>(FactsLedgerBatches.SIZE);
        for (OrganizationSummary o : tree) {
            organizationBatch.add(new FactsLedgerBatches.Organization(o.id().value(),
                    o.parentId() == null ? null : o.parentId().value(), o.code(), o.name(), o.kind().name(),
                    o.establishedOn(), o.dissolvedOn()));
            if (organizationBatch.size() == FactsLedgerBatches.SIZE) {
                batches.organizations(organizationBatch);
                organizationBatch.clear();
            }
        }
        batches.organizations(organizationBatch);
        // in batches, each asking which of its members the ledger knows: no set of every member in memory
        List<FactsLedgerBatches.Admission> admissions = new ArrayList<>(FactsLedgerBatches.SIZE);
        members.forEach(m -> {
            counts[1]++;
            admissions.add(new FactsLedgerBatches.Admission(m.id().value(), m.organizationId().value(),
                    m.cardNumber(), m.fullName(), m.admittedOn(), m.confirmedOn(), m.civilServant(),
                    m.status().name(), m.statusSince()));
            if (admissions.size() == FactsLedgerBatches.SIZE) {
                counts[2] += batches.admitUnknown(admissions);
                admissions.clear();
            }
        });
        counts[2] += batches.admitUnknown(admissions);
        List<FactsLedgerBatches.Role> roles = new ArrayList<>(FactsLedgerBatches.SIZE);
        members.forEachRole(r -> {
            roles.add(new FactsLedgerBatches.Role(r.id(), r.organization().value(), r.member().value(),
                    r.role().name(), r.from(), r.until()));
            counts[2]++;
            if (roles.size() == FactsLedgerBatches.SIZE) {
                batches.roles(roles);
                roles.clear();
            }
        });
        batches.roles(roles);
    }

    private void commitments(int year, List<OrganizationSummary> tree, int[] counts) {
        for (String table : List.of("fact_register", "fact_item", "fact_study", "fact_programme",
                "fact_regulation_review")) {
            jdbc.sql("DELETE FROM evaluation." + table + " WHERE year = :year").param("year", year).update();
        }
        LocalDate today = LocalDate.now(clock);
        for (CampaignView campaign : study.campaigns()) {
            if (campaign.year() != year) {
                continue;
            }
            for (RegisterView register : registers.list(campaign.id(), campaign.organization())) {
                if (register.status() != RegisterStatus.APPROVED) {
                    continue;
                }
                ledger.registerApproved(register.id(), register.member(), register.organization(), year,
                        register.items().size());
                counts[2]++;
                for (ItemView item : register.items()) {
                    if (item.status() != ItemStatus.OPEN) {
                        boolean fulfilled = item.status() == ItemStatus.FULFILLED;
                        boolean onTime = item.completedOn() != null && !item.completedOn().isAfter(item.deadline());
                        ledger.itemAssessed(item.id(), register.id(), register.member(), register.organization(),
                                year, fulfilled, item.assessedOn(), item.exceeded(), onTime);
                        counts[2]++;
                    } else if (item.deadline().isBefore(today) && item.progress() < 100) {
                        // what the daily deadline check publishes as CommitmentOverdue
                        ledger.itemOverdue(item.id(), register.id(), register.member(), register.organization(),
                                year);
                        counts[2]++;
                    }
                }
            }
            for (DutyView duty : study.duties(campaign.id(), campaign.organization())) {
                if (duty.studiedOn() != null) {
                    ledger.studied(duty.member(), campaign.id(), duty.organization(), year, duty.studiedOn());
                    counts[2]++;
                }
            }
        }
        for (OrganizationSummary o : tree) {
            for (ProgrammeView p : programmes.of(o.id())) {
                if (p.year() == year && p.adopted()) {
                    ledger.programmeAdopted(p.id(), p.organization(), year, p.adoptedOn(),
                            p.committeeSigner() != null, p.agencyHeadSigner() != null);
                    counts[2]++;
                }
            }
            for (ReviewView r : programmes.reviews(o.id(), year)) {
                ledger.regulationReviewed(r.id(), r.organization(), year, r.reviewedOn());
                counts[2]++;
            }
        }
    }

    private void supervision(int year, List<OrganizationSummary> tree, Caller caller, int[] counts) {
        for (String table : List.of("fact_meeting", "fact_attendance", "fact_reminder", "fact_discipline",
                "fact_comment")) {
            jdbc.sql("DELETE FROM evaluation." + table + " WHERE year = :year").param("year", year).update();
        }
        // findings are not a year's (one stays open into the next): all of them are refilled
        jdbc.sql("DELETE FROM evaluation.fact_finding").update();
        for (OrganizationSummary o : tree) {
            if (!o.kind().holdsMembers() || o.establishedOn().getYear() > year) {
                continue;
            }
            for (MeetingView m : meetings.list(o.id(), year, caller)) {
                ledger.meeting(m.id(), m.organization(), m.kind().name(), m.heldOn());
                for (MemberAttendance a : m.attendance()) {
                    ledger.attendance(m.id(), a.member(), m.organization(), m.heldOn(), a.attendance().name());
                    counts[2]++;
                }
            }
        }
        for (OrganizationSummary root : tree) {
            if (root.parentId() != null) {
                continue;
            }
            for (ReminderView r : reminders.within(root.id(), false, caller)) {
                if (r.remindedOn().getYear() == year) {
                    ledger.reminded(r.id(), r.member(), r.organization(), r.remindedOn());
                    counts[2]++;
                }
            }
            for (DisciplineView d : disciplines.within(root.id(), year, caller)) {
                ledger.discipline(d.id(), d.violation(), d.member(), d.organization(), d.form().factsCode(),
                        d.decidedOn(), d.selfDetected(), d.remedied());
                counts[2]++;
            }
            for (InspectionView i : inspections.within(root.id(), caller)) {
                for (FindingView f : i.findings()) {
                    ledger.findingRecorded(f.id(), i.member(), i.organization(), f.recordedOn(), f.remedyDue());
                    if (f.resolvedOn() != null) {
                        ledger.findingResolved(f.id(), i.member(), i.organization(), f.resolvedOn());
                    }
                    counts[2]++;
                }
            }
            for (CommentView c : feedback.comments(root.id(), year, caller)) {
                ledger.comment(c.id(), c.member(), c.organization(), c.year(), c.stance().name());
                counts[2]++;
            }
        }
    }

    private void markFinished(UUID job) {
        jdbc.sql("UPDATE evaluation.fact_rebuild SET finished = TRUE WHERE job_id = :id").param("id", job).update();
    }

    private static void progress(JobContext context, int done, int total) {
        if (context != null) {
            context.progress(done, total);
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
