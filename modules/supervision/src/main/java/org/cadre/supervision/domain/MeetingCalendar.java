package org.cadre.supervision.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.MeetingQuality;
import org.cadre.supervision.MemberAttendance;

/**
 * The figures of a chapter's meetings in a year: months with and without a regular meeting (up to the last
 * finished month), thematic meetings against their frequency, the attendance rate and the members whose last
 * three meetings or more were absences.
 *
 * @param regularPerYear  the regular frequency (12: monthly)
 * @param thematicPerYear the thematic frequency (4: quarterly)
 */
public record MeetingCalendar(int regularPerYear, int thematicPerYear) {

    /** A meeting as the calendar reads it. */
    public record Held(LocalDate on, MeetingKind kind, List<MemberAttendance> attendance) {
    }

    /** How many months of {@code year} are finished on {@code today}: 12 for a past year, 0 for a future one. */
    public static int finishedMonths(int year, LocalDate today) {
        if (year < today.getYear()) {
            return 12;
        }
        return year > today.getYear() ? 0 : today.getMonthValue() - 1;
    }

    public MeetingQuality quality(OrganizationId organization, int year, List<Held> meetings, LocalDate today) {
        int finished = finishedMonths(year, today);
        TreeSet<Integer> regularMonths = new TreeSet<>();
        int thematic = 0;
        int present = 0;
        int listed = 0;
        for (Held m : meetings) {
            if (m.on().getYear() != year) {
                continue;
            }
            if (m.kind() == MeetingKind.REGULAR) {
                regularMonths.add(m.on().getMonthValue());
            } else {
                thematic++;
            }
            for (MemberAttendance a : m.attendance()) {
                listed++;
                if (a.attendance() == Attendance.PRESENT) {
                    present++;
                }
            }
        }
        int monthsPerRegular = Math.max(1, 12 / Math.max(1, regularPerYear));
        List<Integer> missed = new ArrayList<>();
        for (int month = 1; month <= finished; month += monthsPerRegular) {
            boolean held = false;
            for (int m = month; m < month + monthsPerRegular && m <= 12; m++) {
                held |= regularMonths.contains(m);
            }
            if (!held) {
                missed.add(month);
            }
        }
        int regularRequired = (finished + monthsPerRegular - 1) / monthsPerRegular;
        // the period under way counts once it met: a meeting this month is not ahead of what is due
        int current = finished + 1;
        if (current <= 12 && (finished % monthsPerRegular == 0)) {
            boolean metNow = false;
            for (int m = current; m < current + monthsPerRegular && m <= 12; m++) {
                metNow |= regularMonths.contains(m);
            }
            if (metNow) {
                regularRequired++;
            }
        }
        int thematicRequired = thematicPerYear == 0 ? 0 : finished / Math.max(1, 12 / thematicPerYear);
        return new MeetingQuality(organization, year, regularMonths.size(), regularRequired, thematic,
                thematicRequired, missed, present, listed, absentInARow(meetings, year, 3));
    }

    /** Members whose last {@code run} meetings of the year (or more) in which they were listed were absences. */
    public static List<MemberId> absentInARow(List<Held> meetings, int year, int run) {
        Map<MemberId, Integer> trailing = new LinkedHashMap<>();
        meetings.stream().filter(m -> m.on().getYear() == year).sorted(Comparator.comparing(Held::on))
                .forEach(m -> m.attendance().forEach(a -> trailing.merge(a.member(), a.attendance().absent() ? 1 : 0,
                        (before, now) -> now == 0 ? 0 : before + now)));
        return trailing.entrySet().stream().filter(e -> e.getValue() >= run).map(Map.Entry::getKey).toList();
    }

    /** The longest run of absences in a row of a member's attendances, in date order. */
    public static int longestAbsence(List<Attendance> inDateOrder) {
        int longest = 0;
        int run = 0;
        for (Attendance a : inDateOrder) {
            run = a.absent() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
