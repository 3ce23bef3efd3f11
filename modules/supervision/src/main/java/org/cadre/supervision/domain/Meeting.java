package org.cadre.supervision.domain;

import static org.cadre.supervision.SupervisionRefusal.LISTED_TWICE;
import static org.cadre.supervision.SupervisionRefusal.MEETING_IN_FUTURE;
import static org.cadre.supervision.SupervisionRefusal.NOBODY_LISTED;
import static org.cadre.supervision.SupervisionRefusal.NOT_A_CHAPTER;
import static org.cadre.supervision.SupervisionRefusal.NOT_A_MEMBER_OF_CHAPTER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.ChapterMeetingHeld;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.MemberAttendance;

/**
 * A chapter meeting: held once, on a date not after today, by an organization that holds members, with the
 * attendance of members of that chapter on that date, each listed once.
 */
public final class Meeting {

    private final UUID id;
    private final OrganizationId organization;
    private final MeetingKind kind;
    private LocalDate heldOn;
    private final List<MemberAttendance> attendance = new ArrayList<>();

    public Meeting(UUID id, OrganizationId organization, MeetingKind kind) {
        this.id = Objects.requireNonNull(id);
        this.organization = Objects.requireNonNull(organization);
        this.kind = Objects.requireNonNull(kind);
    }

    /**
     * @param holdsMembers whether the organization is one that holds members (a chapter), answered by organizations
     * @param members      the chapter's members on the rolls on {@code on}
     * @param names        how to name a member in a refusal
     */
    public ChapterMeetingHeld hold(LocalDate on, List<MemberAttendance> listed, boolean holdsMembers,
            Set<MemberId> members, java.util.function.Function<MemberId, String> names, LocalDate today) {
        if (!holdsMembers) {
            throw new Refused(NOT_A_CHAPTER);
        }
        if (on.isAfter(today)) {
            throw new Refused(MEETING_IN_FUTURE, on);
        }
        if (listed.isEmpty()) {
            throw new Refused(NOBODY_LISTED);
        }
        Set<MemberId> seen = new HashSet<>();
        for (MemberAttendance entry : listed) {
            if (!seen.add(entry.member())) {
                throw new Refused(LISTED_TWICE, names.apply(entry.member()));
            }
            if (!members.contains(entry.member())) {
                throw new Refused(NOT_A_MEMBER_OF_CHAPTER, names.apply(entry.member()), on);
            }
        }
        heldOn = on;
        attendance.addAll(listed);
        return new ChapterMeetingHeld(id, organization, kind, on, count(Attendance.PRESENT),
                count(Attendance.EXCUSED), count(Attendance.UNEXCUSED), List.copyOf(listed));
    }

    private int count(Attendance which) {
        return (int) attendance.stream().filter(a -> a.attendance() == which).count();
    }

    public UUID id() {
        return id;
    }

    public OrganizationId organization() {
        return organization;
    }

    public MeetingKind kind() {
        return kind;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public List<MemberAttendance> attendance() {
        return List.copyOf(attendance);
    }
}
