package org.cadre.evaluation.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RulePackRegistry;

/**
 * The small rule packs the tests write for years no shipped pack covers (each fixture its own id and years, so its
 * cycles stay apart from other tests'): the manifest with the usual scales, optional parameters and quotas, DRL rules
 * of the usual shape, and storing or activating such a pack once per database. Also a shipped pack of {@code rules/}
 * as the zip a committee uploads.
 */
public final class TestPacks {

    private static final String MEMBER_SCALE = """
              MEMBER:
                - { code: HTXSNV, rank: 4, label: { vi: "Hoàn thành xuất sắc nhiệm vụ", en: "Excellent" } }
                - { code: HTTNV, rank: 3, label: { vi: "Hoàn thành tốt nhiệm vụ", en: "Good" } }
                - { code: HTNV, rank: 2, label: { vi: "Hoàn thành nhiệm vụ", en: "Completed" } }
                - { code: KHTNV, rank: 1, label: { vi: "Không hoàn thành nhiệm vụ", en: "Not completed" } }
            """;

    private static final String ORGANIZATION_SCALE = """
              ORGANIZATION:
                - { code: TSVM, rank: 3, label: { vi: "Trong sạch, vững mạnh", en: "Clean and strong" } }
                - { code: HTNV, rank: 2, label: { vi: "Hoàn thành nhiệm vụ", en: "Completed" } }
            """;

    private static final String WEAK = """
                - { code: YEU_KEM, rank: 1, label: { vi: "Yếu kém", en: "Weak" } }
            """;

    private TestPacks() {
    }

    /**
     * A pack's manifest: the member scale HTXSNV..KHTNV, the organization scale TSVM, HTNV and, when {@code weak},
     * YEU_KEM; {@code extra} (parameters, quotas; may be empty) is appended as it is.
     */
    public static String manifest(String id, String nameVi, String nameEn, String regulation, int from, int to,
            boolean weak, String extra) {
        return "id: " + id + "\nversion: 1\nfactsContract: 1\n"
                + "name: { vi: \"" + nameVi + "\", en: \"" + nameEn + "\" }\n"
                + "regulation: { number: \"" + regulation + "\" }\n"
                + "years: { from: " + from + ", to: " + to + " }\n"
                + "subjects: [MEMBER, ORGANIZATION]\nscale:\n" + MEMBER_SCALE + ORGANIZATION_SCALE
                + (weak ? WEAK : "") + extra;
    }

    /** The parameter {@code excellentQuota} (1/2) and its quota: HTXSNV at most half of HTTNV per grassroots. */
    public static String excellentQuota(String article) {
        return """
                parameters:
                  - { name: excellentQuota, type: share, default: "1/2",
                      label: { vi: "Tỷ lệ xuất sắc", en: "Excellent quota" }, article: "%1$s" }
                quotas:
                  - { id: Q-XS, subject: MEMBER, level: HTXSNV, base: HTTNV, share: excellentQuota,
                      per: GRASSROOTS_ORGANIZATION, demoteTo: HTTNV, article: "%1$s" }
                """.formatted(article);
    }

    /** A DRL file: the package, the facts import, the parameters global when {@code parameters}, then the rules. */
    public static String drl(String pack, boolean parameters, String... rules) {
        return "package " + pack + ";\nimport org.cadre.ratingrules.facts.*;\n"
                + (parameters ? "global Parameters params;\n" : "") + "\n" + String.join("\n", rules);
    }

    /** A rule on a member's facts: when {@code condition} holds (the inside of MemberFacts( )), {@code then}. */
    public static String memberRule(String name, String id, String criterion, String article, String condition,
            String then) {
        return rule(name, id, criterion, article, "$m : MemberFacts( " + condition + " )", "$m", then);
    }

    /** A member rule that qualifies for {@code level}. */
    public static String qualifies(String name, String id, String criterion, String article, String condition,
            String level) {
        return memberRule(name, id, criterion, article, condition, "$p.qualify(\"" + level + "\");");
    }

    /** A rule on an organization's facts that qualifies for {@code level}. */
    public static String organizationQualifies(String name, String id, String criterion, String article,
            String condition, String level) {
        return rule(name, id, criterion, article, "$o : OrganizationFacts( " + condition + " )", "$o",
                "$p.qualify(\"" + level + "\");");
    }

    private static String rule(String name, String id, String criterion, String article, String facts,
            String subject, String then) {
        return """
                rule "%s"
                    @id("%s") @criterion("%s") @article("%s")
                when
                    %s
                    $p : Proposal( subjectId == %s.subjectId )
                then
                    %s
                end
                """.formatted(name, id, criterion, article, facts, subject, then);
    }

    /** The scenario a pack with a "Good" rule on attendance (at least half) ships: member b attends 6 of 10. */
    public static String attendanceScenario(int year, String goodRule) {
        return """
                name: "Attendance qualifies"
                year: %d
                members:
                  - { id: b, facts: { organizationId: c1, grassrootsOrganizationId: g1, meetingsRequired: 10, \
                meetingsAttended: 6 } }
                expect:
                  - { subject: b, level: HTTNV, reasons: [%s] }
                """.formatted(year, goodRule);
    }

    /** A pack's files under the names a committee's zip holds them. */
    public static Map<String, String> files(String name, String manifest, String rules, String scenario) {
        return Map.of("pack.yaml", manifest, "rules/" + name + ".drl", rules, "scenarios/" + name + ".yaml", scenario);
    }

    /** Uploads and activates the pack once per database (test classes share it); idempotent. */
    public static synchronized void activate(RulePackRegistry registry, String packId, Map<String, String> files) {
        if (registry.packs().stream().noneMatch(p -> p.packId().equals(packId))) {
            PackVersion stored = registry.upload(EvaluationTesting.zip(files), "test");
            registry.activate(packId, stored.version(), "test");
        } else if (registry.versions(packId).stream().noneMatch(v -> v.state() == PackState.ACTIVE)) {
            registry.activate(packId, registry.versions(packId).get(0).version(), "test");
        }
    }

    /**
     * Stores the pack once per database without activating it; its stored version. A version that does not validate
     * here is still stored (a draft): a test that reads only its manifest does not mind.
     */
    public static synchronized int store(RulePackRegistry registry, String packId, Map<String, String> files) {
        if (registry.packs().stream().anyMatch(p -> p.packId().equals(packId))) {
            return registry.versions(packId).get(0).version();
        }
        try {
            return registry.upload(EvaluationTesting.zip(files), "test").version();
        } catch (Refused e) {
            return registry.versions(packId).get(0).version();
        }
    }

    /** A shipped pack's folder as a zip, its pack.yaml passed through {@code manifest} (to give it another id). */
    public static byte[] shipped(Path folder, UnaryOperator<String> manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                byte[] content = Files.readAllBytes(file);
                if (file.getFileName().toString().equals("pack.yaml")) {
                    content = manifest.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
