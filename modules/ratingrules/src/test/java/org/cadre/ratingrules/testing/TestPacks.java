package org.cadre.ratingrules.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.pack.PackFiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The two-level test pack (PASS or FAIL on attendance and work, with a quota), read from the class path so that
 * the module's tests and the application's browser tests share it; {@link #fresh()} gives it an id and a year of
 * its own, so tests sharing one database never compete for the same year (one active pack per year and subject).
 */
public final class TestPacks {

    private static final String ROOT = "org/cadre/ratingrules/testing/two-level/";
    /**
     * Years handed out, from {@code cadre.test-packs.first-year} (1946 by default): a test run that shares a
     * database with another one (a PostgreSQL server) starts elsewhere, so their packs never share a year.
     */
    private static final AtomicInteger YEARS = new AtomicInteger(Integer.getInteger("cadre.test-packs.first-year",
            1946));

    private TestPacks() {
    }

    /** A pack id, its year and its files. */
    public record TestPack(String id, int year, PackFiles files) {

        public byte[] zip() {
            return TestPacks.zip(files);
        }

        public TestPack withText(String path, String text) {
            return new TestPack(id, year, files.withText(path, text));
        }

        public TestPack version(int version) {
            return withText("pack.yaml", files.text("pack.yaml").replace("version: 1", "version: " + version));
        }
    }

    /** The pack as it is written, id {@code test-two-level}, from 2020 on. */
    public static PackFiles twoLevel() {
        try {
            Map<String, byte[]> files = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver(TestPacks.class.getClassLoader())
                    .getResources("classpath*:" + ROOT + "**/*.*")) {
                String url = resource.getURL().toString();
                files.put(url.substring(url.indexOf(ROOT) + ROOT.length()), resource.getContentAsByteArray());
            }
            return PackFiles.of(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pack under a fresh id and a year of its own. */
    public static TestPack fresh() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        int year = YEARS.getAndIncrement();
        PackFiles files = twoLevel();
        files = files.withText("pack.yaml", files.text("pack.yaml").replace("id: test-two-level", "id: " + id)
                .replace("years: { from: 2020 }", "years: { from: " + year + ", to: " + year + " }"));
        for (String path : files.paths("scenarios/", "yaml")) {
            files = files.withText(path, files.text(path).replace("year: 2024", "year: " + year));
        }
        return new TestPack(id, year, files);
    }

    /** A member of chapter c1 of grassroots organization g1, with their attendance and their work's level. */
    public static MemberFacts member(String id, int required, int attended, String work) {
        MemberFacts facts = new MemberFacts();
        facts.setSubjectId(id);
        facts.setOrganizationId("c1");
        facts.setGrassrootsOrganizationId("g1");
        facts.setMeetingsRequired(required);
        facts.setMeetingsAttended(attended);
        facts.setCriterionLevels(Map.of("WORK", work));
        return facts;
    }

    public static byte[] zip(PackFiles files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String path : files.paths()) {
                out.putNextEntry(new ZipEntry(path));
                out.write(files.bytes(path));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
