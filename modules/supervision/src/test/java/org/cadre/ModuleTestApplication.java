package org.cadre;

import org.cadre.platform.testing.MutableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * The bootstrap of the supervision module's own tests: {@code @ApplicationModuleTest} starts the module (with the
 * platform, shared by every module, organizations and commitments, which it reads) from here, on real PostgreSQL.
 */
@SpringBootApplication
@Modulithic(systemName = "Cadre", sharedModules = "platform")
public class ModuleTestApplication {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
