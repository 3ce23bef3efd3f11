package org.cadre;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Cadre: from the study of a resolution to the annual rating of members and party organizations.
 * Each direct sub-package is an application module; see {@code docs/architecture.md}.
 */
@Modulithic(systemName = "Cadre", sharedModules = "platform")
@SpringBootApplication
public class CadreApplication {

    public static void main(String[] args) {
        SpringApplication.run(CadreApplication.class, args);
    }
}
