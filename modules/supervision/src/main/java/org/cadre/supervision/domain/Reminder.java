package org.cadre.supervision.domain;

import static org.cadre.supervision.SupervisionRefusal.DUE_BEFORE_REMINDER;
import static org.cadre.supervision.SupervisionRefusal.FOLLOWED_UP;
import static org.cadre.supervision.SupervisionRefusal.FOLLOW_UP_BEFORE_REMINDER;
import static org.cadre.supervision.SupervisionRefusal.FOLLOW_UP_IN_FUTURE;
import static org.cadre.supervision.SupervisionRefusal.REMINDER_IN_FUTURE;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.cadre.supervision.MemberReminded;
import org.cadre.supervision.ReminderFollowedUp;

/** A reminder to a member, with its due date, and what came of it (followed up once). */
public final class Reminder {

    private final UUID id;
    private final MemberId member;
    private final OrganizationId organization;
    private final LocalDate remindedOn;
    private final LocalDate dueOn;
    private LocalDate followedUpOn;
    private Boolean done;
    private String note;

    public Reminder(UUID id, MemberId member, OrganizationId organization, LocalDate remindedOn, LocalDate dueOn,
            LocalDate followedUpOn, Boolean done, String note) {
        this.id = id;
        this.member = member;
        this.organization = organization;
        this.remindedOn = remindedOn;
        this.dueOn = dueOn;
        this.followedUpOn = followedUpOn;
        this.done = done;
        this.note = note;
    }

    /** A new reminder, checked: not dated after today, due on or after it. */
    public static Reminder give(UUID id, MemberId member, OrganizationId organization, LocalDate remindedOn,
            LocalDate dueOn, LocalDate today) {
        if (remindedOn.isAfter(today)) {
            throw new Refused(REMINDER_IN_FUTURE, remindedOn);
        }
        if (dueOn.isBefore(remindedOn)) {
            throw new Refused(DUE_BEFORE_REMINDER, dueOn, remindedOn);
        }
        return new Reminder(id, member, organization, remindedOn, dueOn, null, null, null);
    }

    public MemberReminded reminded(UUID commitmentItem) {
        return new MemberReminded(id, member, organization, remindedOn, dueOn, commitmentItem);
    }

    public ReminderFollowedUp followUp(LocalDate on, boolean isDone, String text, LocalDate today) {
        if (followedUpOn != null) {
            throw new Refused(FOLLOWED_UP, followedUpOn);
        }
        if (on.isBefore(remindedOn)) {
            throw new Refused(FOLLOW_UP_BEFORE_REMINDER, on, remindedOn);
        }
        if (on.isAfter(today)) {
            throw new Refused(FOLLOW_UP_IN_FUTURE, on);
        }
        followedUpOn = on;
        done = isDone;
        note = text.strip();
        return new ReminderFollowedUp(id, member, on, isDone, on.isAfter(dueOn));
    }

    public UUID id() {
        return id;
    }

    public MemberId member() {
        return member;
    }

    public OrganizationId organization() {
        return organization;
    }

    public LocalDate remindedOn() {
        return remindedOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public LocalDate followedUpOn() {
        return followedUpOn;
    }

    public Boolean done() {
        return done;
    }

    public String note() {
        return note;
    }
}
