package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.testing.SecondInstance;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily deadline check scheduled on two instances (two more JVMs on this test's database, the check every
 * second on both, as a cron that fires at the same moment everywhere): while registers are approved one after
 * another, every overdue item is reported once, by one of them, and the reports of the two add up to exactly the
 * items reported. Heavy: two JVMs, about 30 s.
 */
@CommitmentsModuleTest
class TwoInstancesDeadlineTests {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesDeadlineTests.class);
    private static final Pattern FOUND = Pattern.compile("Commitments: (\\d+) items found past their deadline");
    private static final int MEMBERS = 20;

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    DataSource dataSource;

    @Test
    void theScheduledCheckOnTwoInstancesReportsEachOverdueItemOnce() throws Exception {
        Fixture f = new Fixture(organizations, members, study, clock);
        List<MemberId> listed = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            listed.add(f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An " + i));
        }
        f.open();
        // after both deadlines of the year (28 March, 28 November): every item of an approved register is overdue
        LocalDate day = f.on(12, 1);
        int reportedBefore = reportedOn(day);

        try (SecondInstance one = SecondInstance.start(dataSource, DeadlineInstance.class, day.toString());
                SecondInstance other = SecondInstance.start(dataSource, DeadlineInstance.class, day.toString())) {
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> {
                one.requireAlive();
                other.requireAlive();
                return one.printed("SECOND-INSTANCE-READY") && other.printed("SECOND-INSTANCE-READY");
            });
            // approved one after another while both instances check every second; meanwhile, how often one of them
            // is seen waiting for the other's cluster lock (both ran the check at the same moment)
            AtomicInteger[] waits = {new AtomicInteger(), new AtomicInteger()};
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleWithFixedDelay(() -> {
                if (waitingForTheLock(one)) {
                    waits[0].incrementAndGet();
                }
                if (waitingForTheLock(other)) {
                    waits[1].incrementAndGet();
                }
            }, 0, 2, TimeUnit.MILLISECONDS);
            List<UUID> items = new ArrayList<>();
            for (MemberId m : listed) {
                UUID register = registers.draft(new DraftRegister(f.campaign, m.value(), f.items()),
                        Fixture.member(m));
                registers.submit(register, Fixture.member(m));
                registers.approve(register, f.secretary());
                registers.find(register).orElseThrow().items().forEach(item -> items.add(item.id()));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM commitments.register_item WHERE id = ANY(:ids) AND overdue_reported_on = :day
                    """).param("ids", items.toArray(UUID[]::new)).param("day", day).query(Integer.class).single()
                    == items.size());
            // a few more rounds on both (the check runs every second): nothing is reported again
            int reportedOnce = reportedOn(day);
            Awaitility.await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(10))
                    .until(() -> reportedOn(day) == reportedOnce);
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            int byOne = found(one);
            int byOther = found(other);
            int reported = reportedOn(day) - reportedBefore;
            log.info("TWO-INSTANCES: {} overdue items of {} registers reported, {} by one instance and {} by the "
                    + "other; seen waiting for the other's lock {} and {} times", reported, MEMBERS, byOne, byOther,
                    waits[0].get(), waits[1].get());
            assertThat(reported).isGreaterThanOrEqualTo(items.size());
            assertThat(byOne + byOther).as("reports of both instances").isEqualTo(reported);
        }
    }

    private boolean waitingForTheLock(SecondInstance instance) {
        return jdbc.sql("""
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND NOT l.granted AND a.application_name = :name
                """).param("name", instance.applicationName()).query(Integer.class).single() > 0;
    }

    private int reportedOn(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM commitments.register_item WHERE overdue_reported_on = :day")
                .param("day", day).query(Integer.class).single();
    }

    /** The items an instance reported, from what its deadline check logged. */
    private static int found(SecondInstance instance) {
        Matcher matcher = FOUND.matcher(instance.output());
        int found = 0;
        while (matcher.find()) {
            found += Integer.parseInt(matcher.group(1));
        }
        return found;
    }
}
