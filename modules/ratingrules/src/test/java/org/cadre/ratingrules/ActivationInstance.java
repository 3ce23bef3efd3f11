package org.cadre.ratingrules;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.cadre.ModuleTestApplication;
import org.cadre.platform.testing.SecondInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The second instance of {@link KilledActivationTests}: the rating rules module against the test's database, which
 * activates the pack version named by its arguments ({@code <pack id> <version>}) once started, then waits for
 * the test to kill it (five minutes at most).
 */
public final class ActivationInstance {

    static final String ACTOR = "second-instance";

    private ActivationInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        SecondInstance.dieWithParent(Duration.ofMinutes(5));
        // the security configuration needs the servlet stack: a web server on any free port, which nobody calls
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ModuleTestApplication.class)
                // as arguments: default properties would lose to the platform's defaults (republishing on); the first
                // instance owns the events it published, this one only activates
                .run("--server.port=0", "--cadre.demo-data.enabled=false", "--cadre.rating-rules.load-on-startup=false",
                        "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        System.out.println("SECOND-INSTANCE-READY");
        context.getBean(RulePackRegistry.class).activate(args[0], Integer.parseInt(args[1]), ACTOR);
        System.out.println("SECOND-INSTANCE-ACTIVATED " + args[0] + " " + args[1]);
        new CountDownLatch(1).await();
    }
}
