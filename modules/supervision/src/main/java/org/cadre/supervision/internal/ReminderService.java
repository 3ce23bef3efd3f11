package org.cadre.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.commitments.CommitmentOverdue;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.supervision.FollowUpReminder;
import org.cadre.supervision.MemberReminded;
import org.cadre.supervision.RemindMember;
import org.cadre.supervision.ReminderSuggestion;
import org.cadre.supervision.ReminderView;
import org.cadre.supervision.Reminders;
import org.cadre.supervision.SupervisionRefusal;
import org.cadre.supervision.domain.Reminder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Reminders to members, their follow-up, and the suggestions overdue commitments leave for the secretary. */
@Service
@Validated
@Transactional
class ReminderService implements Reminders {

    private final JdbcClient jdbc;
    private final Members members;
    private final OrganizationAccess access;
    private final Tree tree;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReminderService(JdbcClient jdbc, Members members, OrganizationAccess access, Tree tree,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.access = access;
        this.tree = tree;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UUID remind(RemindMember command, Caller caller) {
        MemberId id = new MemberId(command.memberId());
        MemberSummary member = members.find(id).orElseThrow(() -> new Refused(SupervisionRefusal.MEMBER_UNKNOWN, id));
        access.requireChange(caller, id);
        if (!member.status().isMember()) {
            throw new Refused(SupervisionRefusal.MEMBER_NOT_ON_ROLLS, member.fullName());
        }
        Reminder reminder = Reminder.give(UUID.randomUUID(), id, member.organizationId(), command.remindedOn(),
                command.dueOn(), LocalDate.now(clock));
        jdbc.sql("""
                INSERT INTO supervision.reminder (id, member_id, organization_id, about, commitment_item, reminded_on,
                    due_on, recorded_by) VALUES (:id, :member, :organization, :about, :item, :remindedOn, :dueOn, :by)
                """).param("id", reminder.id()).param("member", id.value())
                .param("organization", member.organizationId().value()).param("about", command.about().strip())
                .param("item", command.commitmentItem()).param("remindedOn", reminder.remindedOn())
                .param("dueOn", reminder.dueOn()).param("by", caller.username()).update();
        if (command.commitmentItem() != null) {
            jdbc.sql("""
                    UPDATE supervision.reminder_suggestion SET reminder_id = :reminder
                    WHERE item_id = :item AND reminder_id IS NULL
                    """).param("reminder", reminder.id()).param("item", command.commitmentItem()).update();
        }
        MemberReminded reminded = reminder.reminded(command.commitmentItem());
        events.publishEvent(reminded);
        return reminder.id();
    }

    @Override
    public void followUp(UUID id, FollowUpReminder command, Caller caller) {
        Reminder reminder = jdbc.sql("SELECT * FROM supervision.reminder WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> new Reminder(id, new MemberId(rs.getObject("member_id", UUID.class)),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        rs.getObject("reminded_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("followed_up_on", LocalDate.class), (Boolean) rs.getObject("done"),
                        rs.getString("follow_up")))
                .optional().orElseThrow(() -> new Refused(SupervisionRefusal.REMINDER_UNKNOWN, id));
        access.requireChange(caller, reminder.organization());
        var followed = reminder.followUp(command.on(), command.done(), command.note(), LocalDate.now(clock));
        jdbc.sql("""
                UPDATE supervision.reminder SET followed_up_on = :on, done = :done, follow_up = :note WHERE id = :id
                """).param("on", reminder.followedUpOn()).param("done", reminder.done())
                .param("note", reminder.note()).param("id", id).update();
        events.publishEvent(followed);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReminderView> within(OrganizationId organization, boolean openOnly, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        return named(jdbc.sql("""
                SELECT * FROM supervision.reminder WHERE organization_id = ANY(:ids)
                """ + (openOnly ? " AND followed_up_on IS NULL" : "") + " ORDER BY reminded_on DESC, id")
                .param("ids", tree.ids(organization)).query(ReminderService::view).list());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReminderView> ofMember(MemberId member) {
        return named(jdbc.sql("SELECT * FROM supervision.reminder WHERE member_id = :member ORDER BY reminded_on DESC")
                .param("member", member.value()).query(ReminderService::view).list());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReminderSuggestion> suggestions(OrganizationId organization, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        List<ReminderSuggestion> found = jdbc.sql("""
                SELECT * FROM supervision.reminder_suggestion
                WHERE organization_id = ANY(:ids) AND reminder_id IS NULL ORDER BY days_overdue DESC, item_id
                """).param("ids", tree.ids(organization)).query((rs, n) -> new ReminderSuggestion(
                        rs.getObject("item_id", UUID.class), rs.getObject("register_id", UUID.class),
                        new MemberId(rs.getObject("member_id", UUID.class)), null,
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        rs.getObject("deadline", LocalDate.class), rs.getInt("progress"),
                        rs.getObject("found_on", LocalDate.class), rs.getInt("days_overdue"), null))
                .list();
        Map<MemberId, String> names = names(found.stream().map(ReminderSuggestion::member).toList());
        return found.stream().map(s -> new ReminderSuggestion(s.item(), s.register(), s.member(),
                names.get(s.member()), s.organization(), s.deadline(), s.progress(), s.foundOn(), s.daysOverdue(),
                null)).toList();
    }

    /** An overdue commitment suggests a reminder: one per item, so a redelivery changes nothing. */
    void suggest(CommitmentOverdue overdue) {
        jdbc.sql("""
                INSERT INTO supervision.reminder_suggestion (item_id, register_id, member_id, organization_id,
                    deadline, progress, found_on, days_overdue)
                VALUES (:item, :register, :member, :organization, :deadline, :progress, :foundOn, :days)
                ON CONFLICT (item_id) DO NOTHING
                """).param("item", overdue.item()).param("register", overdue.register())
                .param("member", overdue.member().value()).param("organization", overdue.organization().value())
                .param("deadline", overdue.deadline()).param("progress", overdue.progress())
                .param("foundOn", overdue.foundOn()).param("days", overdue.daysOverdue()).update();
    }

    private List<ReminderView> named(List<ReminderView> found) {
        Map<MemberId, String> names = names(found.stream().map(ReminderView::member).toList());
        return found.stream().map(r -> new ReminderView(r.id(), r.member(), names.get(r.member()), r.organization(),
                r.about(), r.commitmentItem(), r.remindedOn(), r.dueOn(), r.followedUpOn(), r.followUp(), r.done()))
                .toList();
    }

    private Map<MemberId, String> names(Collection<MemberId> ids) {
        Map<MemberId, String> out = new java.util.HashMap<>();
        for (MemberId id : new java.util.HashSet<>(ids)) {
            out.put(id, members.find(id).map(MemberSummary::fullName).orElse(""));
        }
        return out;
    }

    private static ReminderView view(ResultSet rs, int n) throws SQLException {
        return new ReminderView(rs.getObject("id", UUID.class), new MemberId(rs.getObject("member_id", UUID.class)),
                null, new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("about"),
                rs.getObject("commitment_item", UUID.class), rs.getObject("reminded_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getObject("followed_up_on", LocalDate.class),
                rs.getString("follow_up"), (Boolean) rs.getObject("done"));
    }
}
