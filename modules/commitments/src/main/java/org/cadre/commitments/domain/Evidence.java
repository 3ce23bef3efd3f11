package org.cadre.commitments.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.platform.Refused;

/**
 * A file attached as evidence of progress: a PDF, an image or an Office document of at most 5 MB. Its type is read
 * from its first bytes (and, for the zipped Office formats, from the parts it holds); the name's extension must
 * agree with it. The original name is kept for the download only, stripped of any folder and control characters:
 * it is never a path.
 */
public record Evidence(String fileName, String contentType, byte[] content) {

    /** 5 MB, the limit the issue sets for one file. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** What may be attached: the type served on download and the extensions a name may carry. */
    enum Kind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        GIF("image/gif", "gif"),
        WEBP("image/webp", "webp"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
        /** Word, Excel and PowerPoint 97–2003 share one container; the extension tells which. */
        OLE2("application/octet-stream", "doc", "xls", "ppt");

        final String contentType;
        final List<String> extensions;

        Kind(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = List.of(extensions);
        }
    }

    public Evidence {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    /** Checks a file as uploaded; refuses {@code evidence-too-large}, {@code evidence-type-forbidden}. */
    public static Evidence of(String originalName, byte[] content) {
        String name = safeName(originalName);
        if (content.length > MAX_BYTES) {
            throw new Refused(CommitmentsRefusal.EVIDENCE_TOO_LARGE, name, MAX_BYTES / (1024 * 1024));
        }
        Kind kind = detect(content);
        String extension = extension(name);
        if (kind == null || !kind.extensions.contains(extension)) {
            throw new Refused(CommitmentsRefusal.EVIDENCE_TYPE_FORBIDDEN, name);
        }
        String type = switch (extension) {
            case "doc" -> "application/msword";
            case "xls" -> "application/vnd.ms-excel";
            case "ppt" -> "application/vnd.ms-powerpoint";
            default -> kind.contentType;
        };
        return new Evidence(name, type, content);
    }

    /** The last segment of the name, without control characters, at most 200 characters; "tep" when nothing is left. */
    static String safeName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"').forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 200) {
            String extension = extension(name);
            name = name.substring(0, 199 - extension.length()) + "." + extension;
        }
        return name.isEmpty() ? "tep" : name;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static Kind detect(byte[] b) {
        if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) {
            return Kind.PDF;
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Kind.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Kind.JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Kind.GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Kind.WEBP;
        }
        if (startsWith(b, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Kind.OLE2;
        }
        if (startsWith(b, 0, 'P', 'K', 3, 4) && contains(b, "[Content_Types].xml")) {
            // a zip's entry names are stored uncompressed, in the local headers and the central directory
            if (contains(b, "word/document")) {
                return Kind.DOCX;
            }
            if (contains(b, "xl/workbook")) {
                return Kind.XLSX;
            }
            if (contains(b, "ppt/presentation")) {
                return Kind.PPTX;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Evidence e && e.fileName.equals(fileName) && e.contentType.equals(contentType)
                && Arrays.equals(e.content, content);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Evidence[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
