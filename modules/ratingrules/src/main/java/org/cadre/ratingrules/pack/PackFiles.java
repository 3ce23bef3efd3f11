package org.cadre.ratingrules.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cadre.ratingrules.PackProblem;

/**
 * The files of one rule pack, by path relative to the pack's root ({@code pack.yaml}, {@code rules.drl},
 * {@code scenarios/a.yaml}), sorted by path. Immutable. A pack is untrusted input: reading a folder or a zip
 * enforces the limits below and accepts only the file types a pack has, so a path traversal or a zip bomb is
 * refused with a message, never unpacked.
 */
public final class PackFiles {

    /** File types a pack may hold. */
    public static final Set<String> ALLOWED_EXTENSIONS = Set.of("yaml", "yml", "drl", "xlsx", "md");
    /** At most this many files. */
    public static final int MAX_ENTRIES = 200;
    /** At most this many bytes in one file, uncompressed. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** At most this many bytes in all files, uncompressed. */
    public static final long MAX_TOTAL_BYTES = 10L * 1024 * 1024;
    /** At most this many bytes of an uploaded zip. */
    public static final long MAX_ZIP_BYTES = 5L * 1024 * 1024;
    /** An entry that grows more than this factor when inflated is a bomb. */
    public static final int MAX_INFLATE_RATIO = 100;

    private final Map<String, byte[]> files;

    private PackFiles(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static PackFiles of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        return new PackFiles(copy);
    }

    /** Text files given as strings (UTF-8). */
    public static PackFiles ofText(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return new PackFiles(bytes);
    }

    /** Reads a pack folder. Files of other types (and hidden files) are skipped; symbolic links are not followed. */
    public static PackFiles fromFolder(Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.filter(Files::isRegularFile).sorted().toList();
            long total = 0;
            for (Path path : paths) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (relative.startsWith(".") || relative.contains("/.") || !ALLOWED_EXTENSIONS.contains(extension(relative))) {
                    continue;
                }
                long size = Files.size(path);
                total += size;
                if (size > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES || files.size() >= MAX_ENTRIES) {
                    throw new PackRejectedException(List.of(PackProblem.of(relative, 0, "", "too-large",
                            "the pack is larger than the limits (" + MAX_ENTRIES + " files, "
                                    + MAX_FILE_BYTES + " bytes a file, " + MAX_TOTAL_BYTES + " bytes in all)",
                            MAX_ENTRIES, MAX_FILE_BYTES, MAX_TOTAL_BYTES)));
                }
                files.put(relative, Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pack folder " + folder, e);
        }
        return new PackFiles(files);
    }

    /**
     * Reads an uploaded zip of a pack: the pack's files at the zip's root, or in one folder at its root. Refuses
     * absolute paths, {@code ..}, backslashes, file types a pack does not have, and anything over the limits
     * (counted while inflating, so a bomb is stopped early), each with a problem that names the entry.
     */
    public static PackFiles fromZip(byte[] zip) {
        if (zip.length > MAX_ZIP_BYTES) {
            throw rejected("", "zip-too-large", "the zip has " + zip.length + " bytes, more than the limit of "
                    + MAX_ZIP_BYTES, zip.length, MAX_ZIP_BYTES);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                String name = entry.getName();
                if (entries > MAX_ENTRIES) {
                    throw rejected(name, "zip-too-many-entries", "the zip has more than " + MAX_ENTRIES
                            + " entries", MAX_ENTRIES);
                }
                if (name.startsWith("/") || name.contains("\\") || name.contains(":")
                        || List.of(name.split("/")).contains("..")) {
                    throw rejected(name, "zip-path", "the entry's path '" + name
                            + "' is absolute or leaves the pack (..): only relative paths inside the pack are allowed",
                            name);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith("__MACOSX/") || name.substring(name.lastIndexOf('/') + 1).startsWith(".")) {
                    continue;
                }
                if (!ALLOWED_EXTENSIONS.contains(extension(name))) {
                    throw rejected(name, "zip-file-type", "'" + name + "' is not a file a pack may hold (allowed: "
                            + String.join(", ", new java.util.TreeSet<>(ALLOWED_EXTENSIONS)) + ")", name,
                            String.join(", ", new java.util.TreeSet<>(ALLOWED_EXTENSIONS)));
                }
                String sameName = files.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
                if (sameName != null) {
                    // which of two entries of one name a reader takes depends on the reader: refuse the ambiguity
                    throw rejected(name, "zip-duplicate", "the zip holds '" + name + "' twice (or also as '"
                            + sameName + "'): each file of a pack must appear once", name, sameName);
                }
                byte[] content = readLimited(in, name, entry.getCompressedSize());
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw rejected(name, "zip-bomb", "the zip inflates to more than " + MAX_TOTAL_BYTES
                            + " bytes", MAX_TOTAL_BYTES);
                }
                files.put(name, content);
            }
        } catch (IOException e) {
            throw rejected("", "zip-unreadable", "the upload is not a readable zip: " + e.getMessage(),
                    e.getMessage());
        }
        if (files.isEmpty()) {
            throw rejected("", "zip-empty", "the zip holds no pack file");
        }
        return new PackFiles(stripCommonFolder(files));
    }

    private static byte[] readLimited(InputStream in, String name, long compressedSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        long size = 0;
        while ((read = in.read(buffer)) > 0) {
            size += read;
            boolean ratio = compressedSize > 0 && size > 1024 * 1024 && size / compressedSize > MAX_INFLATE_RATIO;
            if (size > MAX_FILE_BYTES || ratio) {
                throw rejected(name, "zip-bomb", "the entry '" + name + "' inflates beyond the limit ("
                        + MAX_FILE_BYTES + " bytes a file, at most " + MAX_INFLATE_RATIO + " times its compressed size)",
                        name, MAX_FILE_BYTES, MAX_INFLATE_RATIO);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> stripCommonFolder(Map<String, byte[]> files) {
        if (files.containsKey("pack.yaml")) {
            return files;
        }
        List<String> roots = files.keySet().stream().map(p -> p.contains("/") ? p.substring(0, p.indexOf('/')) : "")
                .distinct().toList();
        if (roots.size() == 1 && !roots.get(0).isEmpty()) {
            String prefix = roots.get(0) + "/";
            Map<String, byte[]> stripped = new LinkedHashMap<>();
            files.forEach((path, bytes) -> stripped.put(path.substring(prefix.length()), bytes));
            return stripped;
        }
        return files;
    }

    private static PackRejectedException rejected(String file, String code, String message, Object... arguments) {
        return new PackRejectedException(List.of(PackProblem.of(file, 0, "", code, message, arguments)));
    }

    public static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public Set<String> paths() {
        return files.keySet();
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    public byte[] bytes(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : bytes.clone();
    }

    public String text(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Paths with one of the extensions, in order, optionally under a folder ({@code "scenarios/"}). */
    public List<String> paths(String folder, String... extensions) {
        List<String> result = new ArrayList<>();
        for (String path : files.keySet()) {
            if ((folder.isEmpty() ? !path.contains("/") : path.startsWith(folder))
                    && List.of(extensions).contains(extension(path))) {
                result.add(path);
            }
        }
        return result;
    }

    /** A new set of files with one file replaced or added. */
    public PackFiles with(String path, byte[] content) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.put(path, content.clone());
        return new PackFiles(copy);
    }

    public PackFiles withText(String path, String content) {
        return with(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Only the given file (empty when it is absent). */
    public PackFiles only(String path) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        if (files.containsKey(path)) {
            copy.put(path, files.get(path));
        }
        return new PackFiles(copy);
    }

    public PackFiles without(String path) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.remove(path);
        return new PackFiles(copy);
    }

    /**
     * The files as a zip, each under {@code folder/} so that {@link #fromZip} gives back exactly these paths (it
     * takes off one folder all entries share): how a job carries an edit of several files.
     */
    public byte[] toZip(String folder) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + "/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public Map<String, byte[]> asMap() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        return copy;
    }

    /** SHA-256 over paths and contents, in path order: the same files give the same checksum. */
    public String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public int totalBytes() {
        return files.values().stream().mapToInt(b -> b.length).sum();
    }
}
