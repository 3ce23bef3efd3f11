package org.cadre.ratingrules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cadre.ratingrules.pack.PackFiles;

/**
 * The two-level test pack under a fresh id and a year of its own, so tests sharing one database never compete for
 * the same year (one active pack per year and subject).
 */
final class TestPacks {

    private static final AtomicInteger YEARS = new AtomicInteger(1946);

    private TestPacks() {
    }

    /** A pack id, its year and its files. */
    record TestPack(String id, int year, PackFiles files) {

        byte[] zip() {
            return TestPacks.zip(files);
        }

        TestPack withText(String path, String text) {
            return new TestPack(id, year, files.withText(path, text));
        }

        TestPack version(int version) {
            return withText("pack.yaml", files.text("pack.yaml").replace("version: 1", "version: " + version));
        }
    }

    static TestPack fresh() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        int year = YEARS.getAndIncrement();
        PackFiles files = BadPackInputTests.twoLevel();
        files = files.withText("pack.yaml", files.text("pack.yaml").replace("id: test-two-level", "id: " + id)
                .replace("years: { from: 2020 }", "years: { from: " + year + ", to: " + year + " }"));
        for (String path : files.paths("scenarios/", "yaml")) {
            files = files.withText(path, files.text(path).replace("year: 2024", "year: " + year));
        }
        return new TestPack(id, year, files);
    }

    static byte[] zip(PackFiles files) {
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
