package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two secretaries set the status of the same task of an action programme from rows loaded together: the first is
 * kept, the second is refused as an edit conflict next to the table; reloaded, the second goes through.
 */
@CommitmentsModuleTest
class EditConflictTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    ActionProgrammes programmes;
    @Autowired
    Clock clock;

    Fixture f;
    UUID programme;
    UUID task;
    Caller first;
    Caller second;

    @BeforeEach
    void programme() {
        f = new Fixture(organizations, members, study, clock);
        f.open();
        first = f.secretary();
        second = Caller.of("u-secretary-2", Role.SECRETARY).withOrganizationScope(f.tree.committee.value());
        programme = programmes.create(new CreateProgramme(f.tree.committee.value(), f.resolution, f.year,
                "Chương trình hành động"), first);
        programmes.addTask(programme, new ProgrammeTask("Rà soát quy chế", "Văn phòng", f.on(6, 30)), first);
        task = programmes.find(programme).orElseThrow().tasks().get(0).id();
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void theSecondSecretarysStatusFromAStaleRowIsRefusedAndTheFirstKept() throws Exception {
        String loadedByFirst = version(first);
        String loadedBySecond = version(second);
        mvc.perform(post("/commitments/programmes/{id}/tasks/{task}", programme, task).with(csrf()).with(as(first))
                        .param("version", loadedByFirst).param("status", "DONE"))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/commitments/programmes/{id}/tasks/{task}", programme, task).with(csrf()).with(as(second))
                        .param("version", loadedBySecond).param("status", "PLANNED"))
                .andExpect(flash().attribute("formError", hasToString(containsString("Người khác đã sửa bản ghi này"))));
        assertThat(taskStatus()).isEqualTo(ProgrammeItemStatus.DONE);
        mvc.perform(post("/commitments/programmes/{id}/tasks/{task}", programme, task).with(csrf()).with(as(second))
                        .param("version", version(second)).param("status", "IN_PROGRESS"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(taskStatus()).isEqualTo(ProgrammeItemStatus.IN_PROGRESS);
    }

    private ProgrammeItemStatus taskStatus() {
        return programmes.find(programme).orElseThrow().tasks().get(0).status();
    }

    private String version(Caller caller) throws Exception {
        String html = mvc.perform(get("/commitments/programmes/{id}", programme).with(as(caller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher found = Pattern.compile("/tasks/" + task + "\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\"[^>]*>"
                + "\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(found.find()).as("the task's row carries its version").isTrue();
        return found.group(1);
    }
}
