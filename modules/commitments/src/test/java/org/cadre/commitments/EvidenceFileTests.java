package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Evidence as an attached file: the member attaches it on their phone page, whoever may see the register downloads
 * it as an attachment that the browser may not sniff; a file too large or of a forbidden type is refused with its
 * reason, on the page and on the API, and nothing is written.
 */
@CommitmentsModuleTest
class EvidenceFileTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    Fixture f;
    MemberId an;
    UUID register;
    UUID item;

    @BeforeEach
    void approvedRegister() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        f.open();
        register = registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
        registers.submit(register, Fixture.member(an));
        registers.approve(register, f.secretary());
        item = registers.find(register).orElseThrow().items().get(0).id();
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    String today() {
        return f.today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    int reports() {
        return jdbc.sql("SELECT count(*) FROM commitments.progress_report WHERE item_id = :item").param("item", item)
                .query(Integer.class).single();
    }

    @Test
    void theMemberAttachesAPdfAndWhoeverMaySeeTheRegisterDownloadsIt() throws Exception {
        mvc.perform(get("/commitments/registers/{id}", register).with(as(Fixture.member(an))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("multipart/form-data")))
                .andExpect(content().string(Matchers.containsString("type=\"file\"")));
        mvc.perform(multipart("/commitments/registers/{id}/progress", register)
                        .file(new MockMultipartFile("file", "../Biên bản.pdf", "text/html", PDF))
                        .param("itemId", item.toString()).param("percent", "40").param("evidence", "Đã giải quyết")
                        .param("on", today()).with(csrf()).with(as(Fixture.member(an))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeCount(1));
        assertThat(registers.find(register).orElseThrow().items().get(0).progress()).isEqualTo(40);

        ProgressReportView report = registers.reports(register, Fixture.member(an)).get(0);
        assertThat(report.fileName()).isEqualTo("Biên bản.pdf");
        assertThat(report.fileSize()).isEqualTo(PDF.length);
        mvc.perform(get("/commitments/registers/{id}", register).with(as(Fixture.member(an))))
                .andExpect(content().string(Matchers.containsString("/evidence/" + report.fileId())));

        for (Caller reader : new Caller[] {Fixture.member(an), f.secretary(), Fixture.secretaryOf(f.tree.chapterA),
                Caller.of("u-eval", Role.EVALUATOR), Fixture.admin()}) {
            mvc.perform(get("/commitments/registers/{id}/evidence/{file}", register, report.fileId()).with(as(reader)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
                    .andExpect(header().string("Content-Disposition", Matchers.containsString("Bi%C3%AAn%20b")))
                    .andExpect(content().bytes(PDF));
        }
        // the secretary of another chapter, another member, a file of another register
        mvc.perform(get("/commitments/registers/{id}/evidence/{file}", register, report.fileId())
                .with(as(Fixture.secretaryOf(f.tree.chapterB)))).andExpect(status().isForbidden());
        mvc.perform(get("/commitments/registers/{id}/evidence/{file}", register, report.fileId())
                .with(as(Caller.of("u-other", Role.MEMBER).withMember(UUID.randomUUID()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/commitments/registers/{id}/evidence/{file}", register, UUID.randomUUID())
                .with(as(Fixture.member(an)))).andExpect(status().isNotFound());
    }

    @Test
    void aFileTooLargeGoesBackToTheFormWithItsReasonAndNothingIsWritten() throws Exception {
        byte[] large = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        mvc.perform(multipart("/commitments/registers/{id}/progress", register)
                        .file(new MockMultipartFile("file", "lon.pdf", "application/pdf", large))
                        .param("itemId", item.toString()).param("percent", "40").param("on", today())
                        .with(csrf()).with(as(Fixture.member(an))))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.containsString("/commitments/registers/" + register)))
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.containsString("5 MB"))));
        assertThat(reports()).isZero();
        assertThat(registers.find(register).orElseThrow().items().get(0).progress()).isZero();
    }

    @Test
    void aForbiddenTypeIsAProblemOnTheApiAndNothingIsWritten() throws Exception {
        MockMultipartFile json = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"itemId\":\"" + item + "\",\"percent\":50,\"on\":\"" + f.today + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/commitments/registers/{id}/progress", register).file(json)
                        .file(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf", page))
                        .with(as(Fixture.member(an))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("evidence-type-forbidden"))
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("bao-cao.pdf")));
        mvc.perform(multipart("/api/commitments/registers/{id}/progress", register).file(json)
                        .file(new MockMultipartFile("file", "lon.pdf", "application/pdf",
                                Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1)))
                        .with(as(Fixture.member(an))))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.reason").value("evidence-too-large"));
        assertThat(reports()).isZero();
        mvc.perform(multipart("/api/commitments/registers/{id}/progress", register).file(json)
                        .file(new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", PDF))
                        .with(as(Fixture.member(an))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].progress").value(50));
        assertThat(reports()).isEqualTo(1);
    }
}
