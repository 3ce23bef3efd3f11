package org.cadre.commitments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.Test;

/** A file attached as evidence: its type read from its bytes, its size, its name never a path. */
class EvidenceTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static byte[] docx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aPdfAnImageAndAWordDocumentAreTakenWithTheTypeTheirBytesSay() throws IOException {
        assertThat(Evidence.of("Biên bản.pdf", PDF).contentType()).isEqualTo("application/pdf");
        assertThat(Evidence.of("anh.PNG", PNG).contentType()).isEqualTo("image/png");
        assertThat(Evidence.of("bao-cao.docx", docx()).contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void aNameThatLiesAboutItsContentIsRefused() throws IOException {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Evidence.of("bao-cao.pdf", html)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(CommitmentsRefusal.EVIDENCE_TYPE_FORBIDDEN));
        assertThatThrownBy(() -> Evidence.of("chay.exe", PDF)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(CommitmentsRefusal.EVIDENCE_TYPE_FORBIDDEN));
        // a zip that is not an Office document
        assertThatThrownBy(() -> Evidence.of("bang.xlsx", docx())).isInstanceOf(Refused.class);
    }

    @Test
    void fiveMegabytesAreTheLimit() {
        byte[] limit = Arrays.copyOf(PDF, Evidence.MAX_BYTES);
        assertThat(Evidence.of("day-du.pdf", limit).size()).isEqualTo(Evidence.MAX_BYTES);
        byte[] over = Arrays.copyOf(PDF, Evidence.MAX_BYTES + 1);
        assertThatThrownBy(() -> Evidence.of("qua-lon.pdf", over)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(CommitmentsRefusal.EVIDENCE_TOO_LARGE));
    }

    @Test
    void theOriginalNameIsKeptWithoutItsFoldersOrControlCharacters() {
        assertThat(Evidence.of("../../etc/passwd.pdf", PDF).fileName()).isEqualTo("passwd.pdf");
        assertThat(Evidence.of("C:\\Users\\an\\Biên bản họp.pdf", PDF).fileName()).isEqualTo("Biên bản họp.pdf");
        assertThat(Evidence.of("a\r\nb\".pdf", PDF).fileName()).isEqualTo("ab.pdf");
    }
}
