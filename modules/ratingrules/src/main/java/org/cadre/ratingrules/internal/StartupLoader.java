package org.cadre.ratingrules.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.PackRefusals;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.ValidationReport;
import org.cadre.ratingrules.pack.ManifestReader;
import org.cadre.ratingrules.pack.PackFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, stores every pack of the {@code rules/} folder that is newer (by id and version) than the
 * database's copy, activates it when it validates and its pack is not served by a newer version, then loads the
 * active versions into the runtime. A pack that does not validate is stored as a draft and logged; what was active
 * keeps serving. Instances that start together on one database load one after the other (a cluster lock), so a
 * version is stored once.
 */
@Component
@Order(100)
class StartupLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupLoader.class);

    private final RulePackService service;
    private final RatingRulesProperties properties;
    private final ClusterLocks locks;

    StartupLoader(RulePackService service, RatingRulesProperties properties, ClusterLocks locks) {
        this.service = service;
        this.properties = properties;
        this.locks = locks;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.loadOnStartup()) {
            Path folder = folder(properties.folder());
            if (folder != null) {
                locks.runExclusively("rating-rules.start-up", () -> packs(folder).forEach(this::load));
            } else {
                log.info("No rules/ folder found (working directory {}): no shipped pack loaded",
                        Path.of("").toAbsolutePath());
            }
        }
        service.refresh(true);
    }

    /** The configured folder, or {@code rules} in the working directory, or {@code ../rules}. */
    static Path folder(String configured) {
        if (!configured.isEmpty()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? path : null;
        }
        for (Path candidate : List.of(Path.of("rules"), Path.of("..", "rules"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Path> packs(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(ManifestReader.FILE))).sorted().toList();
        } catch (IOException e) {
            log.error("Cannot list the rule pack folder {}", folder, e);
            return List.of();
        }
    }

    private void load(Path folder) {
        try {
            PackFiles files = PackFiles.fromFolder(folder);
            ManifestReader.Result read = ManifestReader.read(files);
            if (!read.ok()) {
                log.error("Rule pack folder {} has an invalid pack.yaml and was not loaded: {}", folder,
                        RulePackService.summaryOf(read.problems()));
                return;
            }
            String id = read.manifest().id();
            int version = read.manifest().version();
            PackVersion stored = service.store().find(id, version).orElse(null);
            if (stored != null) {
                if (!stored.checksum().equals(files.checksum())) {
                    log.warn("Rule pack folder {} differs from the database's {} version {}: raise 'version' in its "
                            + "pack.yaml for the change to load", folder, id, version);
                }
                return;
            }
            int newest = service.store().maxVersion(id);
            if (newest > version) {
                log.info("Rule pack {} version {} in {} is older than the database's version {}: not loaded", id,
                        version, folder, newest);
                return;
            }
            // no stored version is newer (returned above), so none is active over this one
            service.storeAndActivate(files, RulePackService.FOLDER_AUTHOR);
            log.info("Rule pack {} version {} loaded from {}", id, version, folder);
        } catch (Refused e) {
            ValidationReport report = PackRefusals.report(e);
            log.error("Rule pack folder {} was not activated ({}): {}", folder, e.reason().code(),
                    report == null ? Arrays.toString(e.arguments()) : report.summary());
        } catch (RuntimeException e) {
            log.error("Rule pack folder {} could not be loaded", folder, e);
        }
    }
}
