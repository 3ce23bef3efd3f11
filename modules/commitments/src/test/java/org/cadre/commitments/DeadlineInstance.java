package org.cadre.commitments;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import org.cadre.ModuleTestApplication;
import org.cadre.platform.testing.MutableClock;
import org.cadre.platform.testing.SecondInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance of {@link TwoInstancesDeadlineTests} in a JVM of its own, on the test's database: the commitments
 * module with its daily deadline check scheduled every second, on the day given as its argument (its clock set to
 * noon of that day), until the test ends it (five minutes at most).
 */
public final class DeadlineInstance {

    private DeadlineInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        SecondInstance.dieWithParent(Duration.ofMinutes(5));
        // as arguments: default properties would lose to the platform's defaults and the tests' properties
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ModuleTestApplication.class)
                .run("--server.port=0", "--cadre.demo-data.enabled=false",
                        "--cadre.commitments.overdue-cron=* * * * * *",
                        "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        MutableClock clock = context.getBean(MutableClock.class);
        clock.advance(Duration.between(clock.instant(), LocalDate.parse(args[0]).atTime(LocalTime.NOON)
                .atZone(clock.getZone()).toInstant()));
        System.out.println("SECOND-INSTANCE-READY");
        new CountDownLatch(1).await();
    }
}
