package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily deadline check reports each overdue item once, even when two instances run it at the same moment, and
 * the year's facts count the items late.
 */
@CommitmentsModuleTest
class DeadlineTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    ActionProgrammes programmes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void twoInstancesCheckingAtOnceReportEachOverdueItemOnce() {
        Fixture f = new Fixture(organizations, members, study, clock);
        List<MemberId> listed = new ArrayList<>();
        for (String given : List.of("An", "Bình", "Cường")) {
            listed.add(f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", given));
        }
        f.open();
        List<UUID> items = new ArrayList<>();
        for (MemberId m : listed) {
            UUID register = registers.draft(new DraftRegister(f.campaign, m.value(), f.items()), Fixture.member(m));
            registers.submit(register, Fixture.member(m));
            registers.approve(register, f.secretary());
            items.add(registers.find(register).orElseThrow().items().get(0).id());
        }
        // the first is done in time: not overdue
        UUID done = registers.ofMember(listed.get(0)).get(0).id();
        registers.reportProgress(done, new ReportProgress(items.get(0), 100, null, f.on(3, 20)),
                Fixture.member(listed.get(0)));

        LocalDate day = f.on(4, 2);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> registers.findOverdue(day));
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> registers.findOverdue(day));
        int found = one.join() + other.join() + registers.findOverdue(day.plusDays(1));
        assertThat(found).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM commitments.register_item WHERE id = ANY(:ids)"
                        + " AND overdue_reported_on = :day").param("ids", items.toArray(UUID[]::new))
                .param("day", day).query(Integer.class).single()).isEqualTo(2);

        OrganizationYearFacts facts = programmes.organizationYear(f.tree.committee, f.year);
        assertThat(facts.targets()).isEqualTo(6);
        assertThat(facts.targetsLate()).isEqualTo(2 + 3 * (f.today.isAfter(f.on(11, 28)) ? 1 : 0));
        assertThat(facts.mustStudy()).isEqualTo(3);
        List<MemberYearFacts> year = new ArrayList<>();
        registers.forEachMemberYear(f.year, m -> {
            if (listed.contains(m.member())) {
                year.add(m);
            }
        });
        assertThat(year).hasSize(3).allSatisfy(m -> {
            assertThat(m.items()).isEqualTo(2);
            assertThat(m.mustStudy()).isTrue();
            assertThat(m.studyCompleted()).isFalse();
        });
    }
}
