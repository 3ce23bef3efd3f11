package org.cadre.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.cadre.identity.testing.TestUsers;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.support.CadreTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A script with a chapter secretary's access token reads the real API with the secretary's scope, exactly what the
 * secretary's password gives: their chapter and nothing beside it.
 */
@CadreTest
class AccessTokenScopeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    @Test
    void aSecretarysTokenSeesTheSecretarysChapterOnly() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        String secretary = "s-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(secretary, TestUsers.PASSWORD, "Bí thư thử", Set.of(Role.SECRETARY),
                tree.chapterA.value(), null));
        String token = tokens.create("báo cáo", null, Caller.of(secretary, Role.SECRETARY)).token();
        String chapterA = tree.chapterA.value().toString();
        String chapterB = tree.chapterB.value().toString();

        mvc.perform(get("/api/organizations").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(Matchers.contains(chapterA)));
        mvc.perform(get("/api/organizations").with(httpBasic(secretary, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[*].id").value(Matchers.contains(chapterA)));
        mvc.perform(get("/api/organizations/{id}", chapterB).header("Authorization", "Bearer " + token))
                .andExpect(status().is(Matchers.oneOf(403, 404)));

        // an administrator's token sees the whole tree
        String admin = TestUsers.create(accounts, Role.ADMIN);
        String adminToken = tokens.create("quản trị", null, Caller.of(admin, Role.ADMIN)).token();
        mvc.perform(get("/api/organizations").header("Authorization", "Bearer " + adminToken))
                .andExpect(jsonPath("$[*].id").value(Matchers.hasItems(chapterA, chapterB)));
    }
}
