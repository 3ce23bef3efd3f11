package org.cadre.organizations;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.cadre.ModuleTestApplication;
import org.cadre.platform.testing.SecondInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The second instance of {@link KilledImportTests}: the organizations module against the test's database, serving
 * the job table on its own runner until the test kills it. It never exits by itself while the test runs (five
 * minutes at most).
 */
public final class ImportInstance {

    private ImportInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        SecondInstance.dieWithParent(Duration.ofMinutes(5));
        // the security configuration needs the servlet stack: a web server on any free port, which nobody calls
        new SpringApplicationBuilder(ModuleTestApplication.class)
                // as arguments: default properties would lose to the platform's defaults (republishing on); the first
                // instance owns the events it published, this one only serves jobs
                .run("--server.port=0", "--cadre.demo-data.enabled=false",
                        "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        System.out.println("SECOND-INSTANCE-READY");
        new CountDownLatch(1).await();
    }
}
