package org.cadre.evaluation.runs;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cadre.ModuleTestApplication;
import org.cadre.evaluation.Cycles;
import org.cadre.platform.JobId;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The second instance of {@link KilledRunTests}, in a JVM of its own: the same application against the test's
 * database (given in {@code SPRING_DATASOURCE_*}), which starts a run of the cycle named by the first argument and
 * serves it on its own job runner until the test kills it. It never exits by itself while the test runs: the test
 * reads what happened from the database. It ends with the test's JVM, and after five minutes at most, so that no
 * instance outlives a test that was itself killed.
 */
public final class KilledRunChild {

    private KilledRunChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(2)));
        UUID cycle = UUID.fromString(args[0]);
        // the security configuration needs the servlet stack: a web server on any free port, which nobody calls
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ModuleTestApplication.class)
                // as arguments: default properties would lose to the platform's defaults (republishing on); the first
                // instance owns the events it published, this one only runs the job
                .run("--server.port=0", "--cadre.demo-data.enabled=false", "--cadre.rating-rules.load-on-startup=false",
                        "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        JobId job = context.getBean(Cycles.class).classify(cycle, RunFixture.EVALUATOR);
        System.out.println("KILLED-RUN-CHILD classifying " + cycle + " as job " + job.value());
        // nothing to wait for but the test's kill (the frozen-run test resumes this process and reads what its run
        // does afterwards, so the job's end is no signal to leave): at most five minutes
        new CountDownLatch(1).await(5, TimeUnit.MINUTES);
        Runtime.getRuntime().halt(3);
    }
}
