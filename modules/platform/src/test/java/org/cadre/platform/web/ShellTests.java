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
