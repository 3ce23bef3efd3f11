package org.cadre.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.AttendanceEntry;
import org.cadre.supervision.ChapterMeetings;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.RecordMeeting;
import org.cadre.supervision.web.SupervisionRoles.ChangesSupervision;
import org.cadre.supervision.web.SupervisionRoles.ReadsSupervision;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A chapter's meetings for a year: the meeting-quality figures (attendance rate, months missed on a calendar,
 * members absent three times in a row), the meetings held, and the secretary's form to record one with the
 * attendance of each member.
 */
@Controller
class MeetingPageController {

    private final ChapterMeetings meetings;
    private final Members members;
    private final OrganizationAccess access;
    private final Pages pages;
    private final Clock clock;

    MeetingPageController(ChapterMeetings meetings, Members members, OrganizationAccess access, Pages pages,
            Clock clock) {
        this.meetings = meetings;
        this.members = members;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/supervision/meetings")
    @ReadsSupervision
    String meetings(@RequestParam(required = false) UUID organization, @RequestParam(required = false) Integer year,
            Caller caller, Model model) {
        LocalDate today = LocalDate.now(clock);
        OrganizationId root = pages.organization(organization, caller);
        int shown = year == null ? today.getYear() : year;
        List<OrganizationSummary> chapters = pages.chapters(root, today);
        model.addAttribute("organizationId", root);
        model.addAttribute("organizationName", pages.name(root));
        model.addAttribute("chapters", chapters);
        model.addAttribute("year", shown);
        model.addAttribute("today", today);
        model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
        boolean isChapter = chapters.stream().anyMatch(c -> c.id().equals(root));
        model.addAttribute("isChapter", isChapter);
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("attendances", Attendance.values());
        if (!isChapter) {
            var overview = meetings.qualityWithin(root, shown, caller);
            model.addAttribute("overview", overview);
            model.addAttribute("missing", overview.stream().filter(q -> !q.missedMonths().isEmpty()).count());
            model.addAttribute("chapterNames", chapters.stream()
                    .collect(Collectors.toMap(OrganizationSummary::id, OrganizationSummary::name, (a, b) -> a)));
        }
        if (isChapter) {
            var quality = meetings.quality(root, shown, caller);
            List<MemberSummary> onRolls = members.list(root, false, today);
            Map<MemberId, String> names = new java.util.HashMap<>(onRolls.stream()
                    .collect(Collectors.toMap(MemberSummary::id, MemberSummary::fullName, (a, b) -> a)));
            var held = meetings.list(root, shown, caller);
            held.forEach(m -> m.attendance().forEach(a -> names.computeIfAbsent(a.member(),
                    id -> members.find(id).map(MemberSummary::fullName).orElse(""))));
            quality.absentInARow().forEach(id -> names.computeIfAbsent(id,
                    m -> members.find(m).map(MemberSummary::fullName).orElse("")));
            model.addAttribute("quality", quality);
            model.addAttribute("meetings", held);
            model.addAttribute("members", onRolls);
            model.addAttribute("names", names);
            model.addAttribute("heldMonths", held.stream().filter(m -> m.kind() == MeetingKind.REGULAR)
                    .map(m -> m.heldOn().getMonthValue()).collect(Collectors.toSet()));
            model.addAttribute("canChange", access.mayChange(caller, root));
        }
        return "supervision/meetings";
    }

    @PostMapping("/supervision/meetings")
    @ChangesSupervision
    @PageForm(page = "/supervision/meetings?organization={organizationId}", form = "meeting-form")
    String record(@RequestParam UUID organizationId, @RequestParam(required = false) MeetingKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) String agenda, @RequestParam(required = false) String minutes,
            @RequestParam(required = false) String resolutions,
            @RequestParam(required = false) String commitmentsReviewed,
            @RequestParam(name = "listed", required = false) List<UUID> listed,
            @RequestParam MultiValueMap<String, String> params, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        // every member the form listed needs a choice: nobody is left out of the figures by a missed click
        List<String> missing = (listed == null ? List.<UUID>of() : listed).stream()
                .filter(id -> params.getFirst("a-" + id) == null || params.getFirst("a-" + id).isBlank())
                .map(id -> members.find(new MemberId(id)).map(MemberSummary::fullName).orElse(id.toString()))
                .toList();
        if (!missing.isEmpty()) {
            throw new org.cadre.platform.Refused(org.cadre.supervision.SupervisionRefusal.ATTENDANCE_MISSING,
                    String.join(", ", missing));
        }
        List<AttendanceEntry> attendance = new ArrayList<>();
        params.forEach((key, values) -> {
            if (key.startsWith("a-") && !values.isEmpty() && !values.get(0).isBlank()) {
                UUID member = UUID.fromString(key.substring(2));
                String reason = params.getFirst("r-" + member);
                attendance.add(new AttendanceEntry(member, Attendance.valueOf(values.get(0)),
                        reason == null || reason.isBlank() ? null : reason));
            }
        });
        meetings.record(new RecordMeeting(organizationId, kind == null ? MeetingKind.REGULAR : kind, heldOn,
                agenda, minutes, resolutions, commitmentsReviewed, attendance), caller);
        return pages.saved("/supervision/meetings?organization=" + organizationId + "&year=" + heldOn.getYear(),
                locale, redirect);
    }
}
