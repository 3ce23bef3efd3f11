package org.cadre.commitments.internal;

import static org.cadre.commitments.internal.Batches.column;
import static org.cadre.commitments.internal.Batches.dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.cadre.commitments.CommitmentsBulkLoad;
import org.cadre.commitments.CommitmentsBulkLoaded;
import org.cadre.commitments.CreateResolution;
import org.cadre.commitments.ItemDraft;
import org.cadre.commitments.ItemView;
import org.cadre.commitments.ProgrammeView;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.ReviewView;
import org.cadre.commitments.StudyHow;
import org.cadre.commitments.StudyStatus;
import org.cadre.commitments.domain.Item;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk path: rows are buffered per table and written a thousand at a time with {@code unnest}, in one
 * transaction, then one {@link CommitmentsBulkLoaded}.
 */
@Service
@Transactional
class BulkLoader implements CommitmentsBulkLoad {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    BulkLoader(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean empty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM commitments.resolution)").query(Boolean.class).single();
    }

    @Override
    public CommitmentsBulkLoaded load(Consumer<Sink> writer) {
        Buffer buffer = new Buffer();
        writer.accept(buffer);
        buffer.flush();
        CommitmentsBulkLoaded loaded = new CommitmentsBulkLoaded(UUID.randomUUID(), buffer.fromYear, buffer.toYear,
                buffer.campaigns, buffer.dutyCount, buffer.registerCount, buffer.itemCount, buffer.programmes,
                buffer.reviews);
        events.publishEvent(loaded);
        return loaded;
    }

    private final class Buffer implements Sink {
        final List<Object[]> duties = new ArrayList<>();
        final List<Object[]> registers = new ArrayList<>();
        final List<Object[]> items = new ArrayList<>();
        final List<Object[]> tasks = new ArrayList<>();
        int campaigns;
        int dutyCount;
        int registerCount;
        int itemCount;
        int programmes;
        int reviews;
        int fromYear = Integer.MAX_VALUE;
        int toYear = Integer.MIN_VALUE;

        @Override
        public void resolution(UUID id, CreateResolution r) {
            jdbc.sql("""
                    INSERT INTO commitments.resolution (id, number, title, issued_on, issuer, documents)
                    VALUES (:id, :number, :title, :issued, :issuer, :documents)
                    """).param("id", id).param("number", r.number()).param("title", r.title())
                    .param("issued", r.issuedOn()).param("issuer", r.issuer()).param("documents", r.documents())
                    .update();
        }

        @Override
        public void campaign(UUID id, UUID resolution, OrganizationId organization, LocalDate opensOn,
                LocalDate studyBy) {
            jdbc.sql("""
                    INSERT INTO commitments.campaign (id, resolution_id, organization_id, year, opens_on, study_by)
                    VALUES (:id, :resolution, :organization, :year, :opens, :by)
                    """).param("id", id).param("resolution", resolution).param("organization", organization.value())
                    .param("year", opensOn.getYear()).param("opens", opensOn).param("by", studyBy).update();
            campaigns++;
            fromYear = Math.min(fromYear, opensOn.getYear());
            toYear = Math.max(toYear, opensOn.getYear());
        }

        @Override
        public void duty(UUID campaign, MemberId member, String fullName, String cardNumber,
                OrganizationId organization, StudyStatus status, LocalDate studiedOn, StudyHow how, String note) {
            duties.add(new Object[] {campaign, member.value(), organization.value(), fullName, cardNumber,
                    status.name(), studiedOn, how == null ? null : how.name(), note});
            dutyCount++;
            if (duties.size() == Batches.SIZE) {
                flushDuties();
            }
        }

        @Override
        public void session(UUID id, UUID campaign, OrganizationId organization, LocalDate heldOn, String topic,
                int attendees) {
            flushDuties();
            jdbc.sql("""
                    INSERT INTO commitments.study_session (id, campaign_id, organization_id, held_on, topic, attendees)
                    VALUES (:id, :campaign, :organization, :on, :topic, :attendees)
                    """).param("id", id).param("campaign", campaign).param("organization", organization.value())
                    .param("on", heldOn).param("topic", topic).param("attendees", attendees).update();
        }

        @Override
        public void register(RegisterView r) {
            registers.add(new Object[] {r.id(), r.campaign(), r.resolution(), r.member().value(),
                    r.organization().value(), r.year(), r.status().name(), r.comment(), r.submittedOn(),
                    r.decidedOn(), r.decidedBy()});
            for (ItemView i : r.items()) {
                Item.check(new ItemDraft(i.content(), i.task(), i.target(), i.deadline(), i.weight()), r.year());
                items.add(new Object[] {i.id(), r.id(), i.position(), i.content(), i.task(), i.target(),
                        i.deadline(), i.weight(), i.progress(), i.lastReportedOn(), i.completedOn(), i.status().name(),
                        i.assessedOn(), i.assessment(), i.exceeded()});
            }
            registerCount++;
            itemCount += r.items().size();
            if (items.size() >= Batches.SIZE) {
                flushRegisters();
            }
        }

        @Override
        public void programme(ProgrammeView p) {
            jdbc.sql("""
                    INSERT INTO commitments.programme (id, organization_id, resolution_id, year, title, adopted_on,
                        committee_signer, committee_signer_name, agency_head_signer, agency_head_signer_name)
                    VALUES (:id, :organization, :resolution, :year, :title, :adopted, :cs, :csName, :hs, :hsName)
                    """).param("id", p.id()).param("organization", p.organization().value())
                    .param("resolution", p.resolution()).param("year", p.year()).param("title", p.title())
                    .param("adopted", p.adoptedOn())
                    .param("cs", p.committeeSigner() == null ? null : p.committeeSigner().value())
                    .param("csName", p.committeeSignerName())
                    .param("hs", p.agencyHeadSigner() == null ? null : p.agencyHeadSigner().value())
                    .param("hsName", p.agencyHeadSignerName()).update();
            p.tasks().forEach(t -> tasks.add(new Object[] {t.id(), p.id(), t.position(), t.task(), t.responsible(),
                    t.deadline(), t.status().name()}));
            programmes++;
        }

        @Override
        public void review(ReviewView r) {
            jdbc.sql("""
                    INSERT INTO commitments.regulation_review (id, organization_id, year, title, kind, decision,
                        reviewed_on, note) VALUES (:id, :organization, :year, :title, :kind, :decision, :on, :note)
                    """).param("id", r.id()).param("organization", r.organization().value()).param("year", r.year())
                    .param("title", r.title()).param("kind", r.kind().name()).param("decision", r.decision().name())
                    .param("on", r.reviewedOn()).param("note", r.note()).update();
            reviews++;
        }

        void flush() {
            flushDuties();
            flushRegisters();
            if (!tasks.isEmpty()) {
                for (int from = 0; from < tasks.size(); from += Batches.SIZE) {
                    List<Object[]> b = tasks.subList(from, Math.min(tasks.size(), from + Batches.SIZE));
                    jdbc.sql("""
                            INSERT INTO commitments.programme_task (id, programme_id, position, task, responsible,
                                deadline, status)
                            SELECT * FROM unnest(CAST(:ids AS UUID[]), CAST(:programmes AS UUID[]),
                                CAST(:positions AS INT[]), CAST(:tasks AS VARCHAR[]), CAST(:responsible AS VARCHAR[]),
                                CAST(:deadlines AS DATE[]), CAST(:statuses AS VARCHAR[]))
                            """).param("ids", column(b, 0, UUID[]::new)).param("programmes", column(b, 1, UUID[]::new))
                            .param("positions", column(b, 2, Integer[]::new)).param("tasks", column(b, 3, String[]::new))
                            .param("responsible", column(b, 4, String[]::new)).param("deadlines", dates(b, 5))
                            .param("statuses", column(b, 6, String[]::new)).update();
                }
                tasks.clear();
            }
        }

        private void flushDuties() {
            if (duties.isEmpty()) {
                return;
            }
            List<Object[]> b = duties;
            jdbc.sql("""
                    INSERT INTO commitments.duty (campaign_id, member_id, organization_id, full_name, card_number,
                        status, studied_on, study_how, study_note)
                    SELECT * FROM unnest(CAST(:campaigns AS UUID[]), CAST(:members AS UUID[]),
                        CAST(:organizations AS UUID[]), CAST(:names AS VARCHAR[]), CAST(:cards AS VARCHAR[]),
                        CAST(:statuses AS VARCHAR[]), CAST(:studied AS DATE[]), CAST(:how AS VARCHAR[]),
                        CAST(:notes AS VARCHAR[]))
                    """).param("campaigns", column(b, 0, UUID[]::new)).param("members", column(b, 1, UUID[]::new))
                    .param("organizations", column(b, 2, UUID[]::new)).param("names", column(b, 3, String[]::new))
                    .param("cards", column(b, 4, String[]::new)).param("statuses", column(b, 5, String[]::new))
                    .param("studied", dates(b, 6)).param("how", column(b, 7, String[]::new))
                    .param("notes", column(b, 8, String[]::new)).update();
            duties.clear();
        }

        private void flushRegisters() {
            flushDuties();
            if (!registers.isEmpty()) {
                List<Object[]> b = registers;
                jdbc.sql("""
                        INSERT INTO commitments.register (id, campaign_id, resolution_id, member_id, organization_id,
                            year, status, comment, submitted_on, decided_on, decided_by)
                        SELECT * FROM unnest(CAST(:ids AS UUID[]), CAST(:campaigns AS UUID[]),
                            CAST(:resolutions AS UUID[]), CAST(:members AS UUID[]), CAST(:organizations AS UUID[]),
                            CAST(:years AS INT[]), CAST(:statuses AS VARCHAR[]), CAST(:comments AS VARCHAR[]),
                            CAST(:submitted AS DATE[]), CAST(:decided AS DATE[]), CAST(:by AS VARCHAR[]))
                        """).param("ids", column(b, 0, UUID[]::new)).param("campaigns", column(b, 1, UUID[]::new))
                        .param("resolutions", column(b, 2, UUID[]::new)).param("members", column(b, 3, UUID[]::new))
                        .param("organizations", column(b, 4, UUID[]::new)).param("years", column(b, 5, Integer[]::new))
                        .param("statuses", column(b, 6, String[]::new)).param("comments", column(b, 7, String[]::new))
                        .param("submitted", dates(b, 8)).param("decided", dates(b, 9))
                        .param("by", column(b, 10, String[]::new)).update();
                registers.clear();
            }
            if (!items.isEmpty()) {
                List<Object[]> b = items;
                jdbc.sql("""
                        INSERT INTO commitments.register_item (id, register_id, position, content, task, target,
                            deadline, weight, progress, last_reported_on, completed_on, status, assessed_on,
                            assessment, exceeded)
                        SELECT * FROM unnest(CAST(:ids AS UUID[]), CAST(:registers AS UUID[]), CAST(:positions AS INT[]),
                            CAST(:contents AS VARCHAR[]), CAST(:tasks AS VARCHAR[]), CAST(:targets AS VARCHAR[]),
                            CAST(:deadlines AS DATE[]), CAST(:weights AS INT[]), CAST(:progress AS INT[]),
                            CAST(:reported AS DATE[]), CAST(:completed AS DATE[]), CAST(:statuses AS VARCHAR[]),
                            CAST(:assessed AS DATE[]), CAST(:assessments AS VARCHAR[]), CAST(:exceeded AS BOOLEAN[]))
                        """).param("ids", column(b, 0, UUID[]::new)).param("registers", column(b, 1, UUID[]::new))
                        .param("positions", column(b, 2, Integer[]::new)).param("contents", column(b, 3, String[]::new))
                        .param("tasks", column(b, 4, String[]::new)).param("targets", column(b, 5, String[]::new))
                        .param("deadlines", dates(b, 6)).param("weights", column(b, 7, Integer[]::new))
                        .param("progress", column(b, 8, Integer[]::new)).param("reported", dates(b, 9))
                        .param("completed", dates(b, 10)).param("statuses", column(b, 11, String[]::new))
                        .param("assessed", dates(b, 12)).param("assessments", column(b, 13, String[]::new))
                        .param("exceeded", column(b, 14, Boolean[]::new)).update();
                items.clear();
            }
        }
    }
}
