package org.cadre.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The shell's own rules: one current menu entry, numbers and dates as a Vietnamese reader writes them. */
@Execution(ExecutionMode.CONCURRENT)
class ShellTests {

    private static final List<String> ENTRIES = List.of("/organizations", "/organizations/import", "/rule-packs",
            "/admin/publications");

    @Test
    void exactlyOneMenuEntryIsCurrent() {
        assertThat(ShellModelAdvice.current("/", ENTRIES)).isEqualTo("/");
        assertThat(ShellModelAdvice.current("/organizations", ENTRIES)).isEqualTo("/organizations");
        assertThat(ShellModelAdvice.current("/organizations/5b1e", ENTRIES)).isEqualTo("/organizations");
        assertThat(ShellModelAdvice.current("/organizations/import/jobs/7", ENTRIES))
                .as("the longest entry wins, not every prefix").isEqualTo("/organizations/import");
        assertThat(ShellModelAdvice.current("/organizationsx", ENTRIES)).as("only at a segment boundary").isEmpty();
        assertThat(ShellModelAdvice.current("/rule-packs/qd366-hd43/2", ENTRIES)).isEqualTo("/rule-packs");
    }

    @Test
    void formsReadDatesDayFirstOrIsoAndRefuseDatesThatDoNotExist() throws Exception {
        FormDates dates = new FormDates();
        LocalDate seventhOfMarch = LocalDate.of(2025, 3, 7);
        assertThat(dates.parse("07/03/2025", Locale.ENGLISH)).isEqualTo(seventhOfMarch);
        assertThat(dates.parse(" 7/3/2025 ", Locale.ENGLISH)).isEqualTo(seventhOfMarch);
        assertThat(dates.parse("2025-03-07", Locale.ENGLISH)).as("links carry ISO dates").isEqualTo(seventhOfMarch);
        assertThat(dates.print(seventhOfMarch, Locale.ENGLISH)).isEqualTo("07/03/2025");
        for (String bad : List.of("31/02/2025", "03/07/10000", "+10000-01-01", "2025-13-01", "hôm nay", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dates.parse(bad, Locale.ENGLISH))
                    .as(bad).isInstanceOf(java.text.ParseException.class);
        }
    }

    @Test
    void numbersAreGroupedTheReadersWayAndDatesAreDayMonthYear() {
        Formats vi = new Formats(Locale.forLanguageTag("vi"));
        Formats en = new Formats(Locale.ENGLISH);
        assertThat(vi.number(3600)).isEqualTo("3.600");
        assertThat(vi.number(5_600_000)).isEqualTo("5.600.000");
        assertThat(vi.number(0.5)).isEqualTo("0,5");
        assertThat(en.number(3600)).isEqualTo("3,600");
        assertThat(vi.number(null)).isEmpty();
        assertThat(vi.date(LocalDate.of(2025, 3, 7))).isEqualTo("07/03/2025");
        assertThat(en.date(LocalDate.of(2025, 3, 7))).isEqualTo("07/03/2025");
    }
}
