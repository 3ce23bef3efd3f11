package org.cadre.evaluation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.cadre.ModuleTestApplication;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Sex;
import org.cadre.platform.testing.SecondInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance of {@link KilledListenerTests} in a JVM of its own, on the test's database. {@code admit <chapter>
 * <card>}: admits a member (the admission commits with its publications; evaluation's facts listener then runs
 * here) and waits to be killed. {@code restart}: an instance started after a crash, which republishes what is
 * outstanding, as every instance of the application does ({@code republish-outstanding-events-on-restart}), and
 * serves until the test ends it. Five minutes at most.
 */
public final class EventInstance {

    private EventInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        SecondInstance.dieWithParent(Duration.ofMinutes(5));
        boolean restart = args[0].equals("restart");
        // the security configuration needs the servlet stack: a web server on any free port, which nobody calls;
        // arguments, not default properties: the platform's defaults (republishing on) would win over those
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ModuleTestApplication.class)
                .run("--server.port=0", "--cadre.demo-data.enabled=false",
                        "--spring.modulith.events.republish-outstanding-events-on-restart=" + restart);
        System.out.println("SECOND-INSTANCE-READY");
        if (!restart) {
            MemberId member = context.getBean(Members.class).admit(new AdmitMember(args[2], "Lê", "Thị", "Hoa",
                    LocalDate.of(1982, 3, 8), Sex.FEMALE, null, UUID.fromString(args[1]), LocalDate.of(2012, 6, 1),
                    LocalDate.of(2013, 6, 1), true, "Chuyên viên"));
            System.out.println("SECOND-INSTANCE-ADMITTED " + member.value());
        }
        new CountDownLatch(1).await();
    }
}
