package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The values a rule read, as a member reads them: each fact by its name in the reader's language, a parameter by
 * the label the pack gives it, flags as yes/no and ratios as percentages.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExplanationValuesTests {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void aFactShowsItsVietnameseLabelAndAParameterThePacksLabel() {
        Explanation explanation = Explanation.of(rating(), (subject, code, language) -> "Hoàn thành tốt nhiệm vụ",
                name -> name.equals("minAttendanceShare") ? "Tỷ lệ dự sinh hoạt tối thiểu" : null, messages, VI);

        assertThat(explanation.reasons()).singleElement().extracting(Explanation.Line::values)
                .isEqualTo("Số buổi sinh hoạt đã dự: 13; Tỷ lệ dự sinh hoạt: 75%; Đảng viên dự bị: không; "
                        + "Tỷ lệ dự sinh hoạt tối thiểu: 50%");
    }

    @Test
    void inEnglishTheFactsAreNamedInEnglish() {
        Explanation explanation = Explanation.of(rating(), (subject, code, language) -> "Good",
                name -> name.equals("minAttendanceShare") ? "Minimum attendance" : null, messages, Locale.ENGLISH);

        assertThat(explanation.reasons().get(0).values()).isEqualTo(
                "Meetings attended: 13; Attendance rate: 75%; Probationary member: no; Minimum attendance: 50%");
    }

    @Test
    void withoutParameterLabelsAParameterShowsByItsName() {
        Explanation explanation = Explanation.of(rating(), (subject, code, language) -> "Hoàn thành tốt nhiệm vụ",
                messages, VI);

        assertThat(explanation.reasons().get(0).values()).startsWith("Số buổi sinh hoạt đã dự: 13;")
                .endsWith("; minAttendanceShare: 50%");
    }

    @Test
    void theLabelsComeFromThePacksParametersInTheReadersLanguage() {
        List<PackParameter> parameters = List.of(new PackParameter("minAttendanceShare", "share", "50%", "50%", null,
                null, "Tỷ lệ dự sinh hoạt tối thiểu", "Minimum attendance", null, List.of(), null, null, null, null),
                new PackParameter("onlyVietnamese", "integer", "3", "3", null, null, "Chỉ có tiếng Việt", null, null,
                        List.of(), null, null, null, null));

        assertThat(Explanation.parameterLabels(parameters, VI).apply("minAttendanceShare"))
                .isEqualTo("Tỷ lệ dự sinh hoạt tối thiểu");
        assertThat(Explanation.parameterLabels(parameters, Locale.ENGLISH).apply("minAttendanceShare"))
                .isEqualTo("Minimum attendance");
        assertThat(Explanation.parameterLabels(parameters, Locale.ENGLISH).apply("onlyVietnamese"))
                .isEqualTo("Chỉ có tiếng Việt");
        assertThat(Explanation.parameterLabels(parameters, VI).apply("meetingsAttended")).isNull();
    }

    /** A member rated Good by one rule that read three facts and one parameter. */
    private static SubjectRating rating() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("meetingsAttended", "13");
        values.put("attendanceRatio", "0.75");
        values.put("probationary", "false");
        values.put("minAttendanceShare", "50%");
        Reason reason = new Reason(Reason.Effect.QUALIFIES, "TOT", "member-good-attendance", "Dự sinh hoạt đầy đủ",
                "HD 21, mục 2", null);
        FiredRule fired = new FiredRule("member-good-attendance", "member good attendance", "Dự sinh hoạt đầy đủ",
                "HD 21, mục 2", List.of("m-1"), values);
        return new SubjectRating("m-1", Proposal.Subject.MEMBER, "TOT", Map.of("vi", "Hoàn thành tốt nhiệm vụ",
                "en", "Good"), null, false, false, List.of(reason), 0, List.of(fired));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/ratingrules");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
