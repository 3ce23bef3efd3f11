package org.cadre.platform;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasToString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text policy where text enters: a JSON body (with duplicate keys refused), a form field and a request
 * parameter. A refused text names the field, the character and its position, on the API as a problem and on a
 * page next to the form; a password is taken as typed; and what the application reads back from its own JSON is
 * left as written.
 */
@PlatformModuleTest
class TextPolicyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void aJsonBodysTextsAreCleanedAndAPasswordIsLeftAsTyped() throws Exception {
        String nfd = Normalizer.normalize("Nguyễn", Normalizer.Form.NFD);
        mvc.perform(post("/api/test-texts").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": " %s\\u200B  ", "tags": [" a ", "b\\r\\nc"], "password": " p\\u200B "}
                                """.formatted(nfd)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Nguyễn"))
                .andExpect(jsonPath("$.tags[0]").value("a"))
                .andExpect(jsonPath("$.tags[1]").value("b\nc"))
                .andExpect(jsonPath("$.password").value(" p\u200B "));
    }

    @Test
    void aNulABidiOverrideOrALoneSurrogateInJsonIsAProblemNamingTheFieldTheCharacterAndItsPosition()
            throws Exception {
        mvc.perform(post("/api/test-texts").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "vi").content("{\"name\": \"Lê\\u0000A\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("character-not-allowed"))
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value(
                        "Trường \"name\" có ký tự không được phép (U+0000) ở vị trí 3: hãy xóa ký tự đó rồi gửi lại."));
        mvc.perform(post("/api/test-texts").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{\"tags\": [\"ok\", \"abc\\u202Etxt.exe\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("tags"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("(U+202E)"),
                        containsString("at position 4"))));
        mvc.perform(post("/api/test-texts").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\\ud800\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("(U+D800) ở vị trí 2")));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheKey() throws Exception {
        mvc.perform(post("/api/test-texts").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{\"name\": \"a\", \"name\": \"b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value(
                        "The JSON body gives the key \"name\" more than once: each key may appear only once."));
    }

    @Test
    void whatTheApplicationReadsBackFromItsOwnJsonIsLeftAsWritten() {
        assertThat(json.readValue("{\"name\": \" kept \\r\\n\", \"tags\": []}", Named.class).name())
                .isEqualTo(" kept \r\n");
    }

    @Test
    void aFormFieldIsCleanedOrTheFormComesBackWithTheReasonNextToTheField() throws Exception {
        mvc.perform(post("/test-texts/form").param("name", " Nguyễn\u200B  ").param("password", " p ")
                        .with(user("u")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string("[Nguyễn][ p ]"));
        mvc.perform(post("/test-texts/form").param("name", "Lê\u0000A").param("password", "p")
                        .header("Accept-Language", "vi").with(user("u")).with(csrf()))
                .andExpect(redirectedUrl("/test-pages/texts"))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("texts-form"),
                        containsString("field=name"), containsString("(U+0000) ở vị trí 3")))))
                .andExpect(flash().attribute("formValues", hasEntry("password", "p")));
        mvc.perform(get("/api/test-texts/search").param("q", "a\u202Eb").with(user("u")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("q"))
                .andExpect(jsonPath("$.detail").value(containsString("(U+202E)")));
    }

    @Test
    void aFormTakenWholeAsAMapTakesThePolicyToo() throws Exception {
        mvc.perform(post("/test-texts/map").param("note-1", " a\u200B ").param("password", " p ")
                        .with(user("u")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("note-1=a,")))
                .andExpect(content().string(containsString("password= p ")));
        mvc.perform(post("/test-texts/map").param("note-1", "a\u0001").header("Accept-Language", "vi")
                        .with(user("u")).with(csrf()))
                .andExpect(redirectedUrl("/test-pages/texts"))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("field=note-1"),
                        containsString("(U+0001) ở vị trí 2")))));
    }

    @Test
    void aBadEnumValueIsTheTranslatedFieldMessageOnThePageAndTheApi() throws Exception {
        mvc.perform(get("/api/test-texts/kind").param("kind", "NONSENSE").header("Accept-Language", "en")
                        .with(user("u")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.detail").value("The value of kind cannot be read: check its format "
                        + "(dates as day/month/year)."));
        mvc.perform(post("/test-texts/kind").param("kind", "NONSENSE").header("Accept-Language", "vi")
                        .with(user("u")).with(csrf()))
                .andExpect(redirectedUrl("/test-pages/texts"))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("field=kind"),
                        containsString("Giá trị của kind không đọc được")))));
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertThat(String actual) {
        return org.assertj.core.api.Assertions.assertThat(actual);
    }

    /** A body with texts, a list of texts and a password. */
    record Named(String name, List<String> tags, String password) {
    }

    enum Kind { ONE, TWO }

    /** Test endpoints taking texts, imported by {@link PlatformModuleTest}. */
    @Controller
    static class TestTexts {

        @PostMapping("/api/test-texts")
        @ResponseBody
        Named echo(@RequestBody Named body) {
            return body;
        }

        @GetMapping("/api/test-texts/search")
        @ResponseBody
        String search(@RequestParam String q) {
            return q;
        }

        @GetMapping("/api/test-texts/kind")
        @ResponseBody
        String kind(@RequestParam Kind kind) {
            return kind.name();
        }

        @PostMapping("/test-texts/form")
        @PageForm(page = "/test-pages/texts", form = "texts-form")
        @ResponseBody
        String form(@RequestParam String name, @RequestParam String password) {
            return "[" + name + "][" + password + "]";
        }

        @PostMapping("/test-texts/map")
        @PageForm(page = "/test-pages/texts", form = "texts-form")
        @ResponseBody
        String map(@RequestParam Map<String, String> fields) {
            return fields.toString();
        }

        @PostMapping("/test-texts/kind")
        @PageForm(page = "/test-pages/texts", form = "texts-form")
        @ResponseBody
        String kindForm(@RequestParam Kind kind) {
            return kind.name();
        }
    }
}
