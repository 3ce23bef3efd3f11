package org.cadre.evaluation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cadre.evaluation.decisions.DecisionFixture.EVALUATOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.internal.reports.Report;
import org.cadre.evaluation.internal.reports.ReportPdf;
import org.cadre.evaluation.internal.reports.ReportService;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages of the decisions render in Vietnamese and English and take a level with its reason and the signature;
 * a refused form comes back with its reason and writes nothing; the API answers refusals as problems; the decision
 * document is the statutory one, with the number, the list, the levels and the signer.
 */
@DecisionsModuleTest
class DecisionWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Decisions decisions;
    @Autowired
    Cycles cycles;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportPdf pdfs;

    DecisionFixture f;
    String pages;
    String api;
    UUID memberList;

    @BeforeEach
    void run() {
        DecisionFixture.activatePack(registry);
        f = new DecisionFixture(organizations, members);
        f.openAndRun(cycles, jdbc);
        pages = "/evaluation/cycles/" + f.cycle + "/decisions";
        api = "/api/evaluation/cycles/" + f.cycle + "/decisions";
        memberList = decisions.lists(f.cycle, EVALUATOR).stream()
                .filter(s -> s.organization().equals(f.committee.value()) && s.kind().equals("MEMBER"))
                .map(DecisionSummary::id).findFirst().orElseThrow();
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void theCommitteeDecidesAndSignsOnThePagesInEitherLanguage() throws Exception {
        Caller secretary = f.secretary(f.committee);
        String page = pages + "/" + memberList;
        mvc.perform(get(pages).param("lang", "vi").with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Quyết định công nhận kết quả năm 2012")))
                .andExpect(content().string(containsString("Đảng bộ Sở " + f.prefix)))
                .andExpect(content().string(containsString("Dự thảo")));
        mvc.perform(get(pages).param("lang", "en").with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Decisions recognising the results of 2012")))
                .andExpect(content().string(containsString("name=\"competent\"")));
        mvc.perform(get(page).param("lang", "vi").with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Văn An")))
                .andExpect(content().string(containsString("Hoàn thành xuất sắc nhiệm vụ")))
                .andExpect(content().string(containsString("id=\"calibration-pending\"")))
                .andExpect(content().string(containsString("Ký quyết định")));
        mvc.perform(get(page).param("lang", "en").with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Proposal after calibration")))
                .andExpect(content().string(containsString("Sign the decision")));

        // a departure without a reason comes back with the reason and writes nothing
        mvc.perform(post(page + "/items").with(csrf()).with(as(secretary))
                        .param("subject", f.an.value().toString()).param("level", "HTNV").param("reason", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(decisions.decision(f.cycle, memberList, secretary).summary().departures()).isZero();
        mvc.perform(post(page + "/items").with(csrf()).with(as(secretary))
                        .param("subject", f.an.value().toString()).param("level", "HTNV")
                        .param("reason", "Chưa hoàn thành chỉ tiêu quý IV."))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        // signing waits for the quota case
        mvc.perform(post(page + "/signature").with(csrf()).with(as(secretary)).param("number", "15-QĐ/ĐU"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        f.calibrate(jdbc, f.committee.value(), List.of(f.an.value()));
        mvc.perform(post(page + "/signature").with(csrf()).with(as(secretary)).param("number", "15-QĐ/ĐU"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(get(page).with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("15-QĐ/ĐU")))
                .andExpect(content().string(containsString("Chưa hoàn thành chỉ tiêu quý IV.")))
                .andExpect(content().string(not(containsString("name=\"level\""))))
                .andExpect(content().string(containsString("document.pdf")));
        // a member has no decisions page
        mvc.perform(get(pages).with(as(f.member(f.an)))).andExpect(status().isForbidden());
    }

    @Test
    void theApiAnswersRefusalsAsProblemsAndOnlyStaffSetTheAuthority() throws Exception {
        Caller secretary = f.secretary(f.committee);
        mvc.perform(get(api).with(as(f.member(f.an)))).andExpect(status().isForbidden());
        mvc.perform(get(api).with(as(secretary))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("MEMBER"))
                .andExpect(jsonPath("$[0].mayDecide").value(true));
        mvc.perform(put(api + "/" + memberList + "/items/" + f.an.value()).with(csrf()).with(as(secretary))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"HTNV\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("reason-required"));
        mvc.perform(put(api + "/" + memberList + "/items/" + f.an.value()).with(csrf())
                        .with(as(f.secretary(f.chapterA))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"HTNV\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("not-competent"));
        mvc.perform(put(api + "/authority").with(csrf()).with(as(secretary)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organization\":\"" + f.committee.value() + "\",\"kind\":\"MEMBER\","
                                + "\"competent\":\"" + f.bloc.value() + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(api + "/authority").with(csrf()).with(as(EVALUATOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organization\":\"" + f.committee.value() + "\",\"kind\":\"MEMBER\","
                                + "\"competent\":\"" + f.chapterB.value() + "\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.reason")
                        .value("authority-too-far"));
        mvc.perform(put(api + "/authority").with(csrf()).with(as(EVALUATOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organization\":\"" + f.committee.value() + "\",\"kind\":\"MEMBER\","
                                + "\"competent\":\"" + f.bloc.value() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.competent").value(f.bloc.value().toString()))
                .andExpect(jsonPath("$.byDefault").value(false));
        mvc.perform(get(api + "/authority").param("organization", f.committee.value().toString())
                        .param("kind", "MEMBER").with(as(secretary)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.competentName").value("Đảng bộ Khối " + f.prefix));
    }

    @Test
    void theDecisionDocumentIsTheStatutoryOneWithTheNumberTheListAndTheSigner() throws Exception {
        Caller secretary = new Caller("bithu.so", Set.of(Role.SECRETARY), null, f.committee.value(), null);
        String document = pages + "/" + memberList + "/document.pdf";
        String draft = text(mvc.perform(get(document).with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse()
                .getContentAsByteArray());
        assertThat(draft).contains("DỰ THẢO", "QUYẾT ĐỊNH");

        f.calibrate(jdbc, f.committee.value(), List.of(f.an.value()));
        decisions.decide(f.cycle, memberList, f.cuong.value(), "HTNV", "Chậm hoàn thành nhiệm vụ.", secretary);
        decisions.sign(f.cycle, memberList, "15-QĐ/ĐU", secretary);
        String signed = text(mvc.perform(get(document).param("lang", "en").with(as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(signed).doesNotContain("DỰ THẢO").contains("ĐẢNG BỘ KHỐI " + f.prefix, "ĐẢNG BỘ SỞ " + f.prefix,
                "Số 15-QĐ/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "ngày", "QUYẾT ĐỊNH",
                "về việc công nhận kết quả đánh giá, xếp loại chất lượng đảng viên năm 2012",
                "Căn cứ Quy định số 132-QĐ/TW", "QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.", "STT", "Họ và tên",
                "Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Cường", "Chi bộ A " + f.prefix,
                "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ: 1", "Nơi nhận:",
                "T/M ĐẢNG ỦY", "BÍ THƯ", "bithu.so");
    }

    @Test
    void departuresShowInTheOrganizationReportWithTheirReasonAndACountPerList() throws Exception {
        Caller secretary = f.secretary(f.committee);
        decisions.decide(f.cycle, memberList, f.binh.value(), "HTNV", "Vắng họp không lý do hai lần.", secretary);
        Report report = reports.organization(f.cycle, f.committee.value(), EVALUATOR);
        assertThat(report.decided().lists()).extracting(Report.Decided.DecidedList::kind,
                Report.Decided.DecidedList::departures).containsExactly(tuple("MEMBER", 1), tuple("ORGANIZATION", 0));
        assertThat(report.decided().departures()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Trần Thị Bình");
            assertThat(d.proposed()).isEqualTo("HTXSNV");
            assertThat(d.level()).isEqualTo("HTNV");
            assertThat(d.reason()).isEqualTo("Vắng họp không lý do hai lần.");
        });
        // a chapter's report holds its own members' departures only
        assertThat(reports.organization(f.cycle, f.chapterB.value(), EVALUATOR).decided().departures()).isEmpty();
        String page = "/evaluation/cycles/" + f.cycle + "/reports/organizations/" + f.committee.value();
        mvc.perform(get(page).param("lang", "vi").with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Các trường hợp quyết định khác đề xuất")))
                .andExpect(content().string(containsString("Vắng họp không lý do hai lần.")));
        byte[] pdf = pdfs.write(report, Locale.forLanguageTag("vi"));
        assertThat(text(pdf)).contains("Quyết định của cấp có thẩm quyền", "Vắng họp không lý do hai lần.");
    }

    /** The text of every page, in composed form (the extractor may hand back decomposed diacritics). */
    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> out = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                out.add(extractor.getTextFromPage(page));
            }
            return Normalizer.normalize(String.join("\n", out), Normalizer.Form.NFC);
        } finally {
            reader.close();
        }
    }
}
