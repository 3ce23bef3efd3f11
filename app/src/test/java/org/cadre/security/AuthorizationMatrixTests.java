package org.cadre.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.organizations.AddCoordinatingBody;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.security.Endpoints.Endpoint;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, for every endpoint there is: the handler mapping lists every page and API endpoint of every
 * module, each must carry a rule (a role meta-annotation or {@code @PreAuthorize}), and each is called by a real
 * signed-in user of every role and by nobody. A role the rule leaves out gets 403 from the rule itself (a problem on
 * the API, the forbidden page on a page) before any work is done; a role the rule lets in is never refused by it;
 * nobody signed in is asked to sign in. A new endpoint without a rule fails the first test; a rule that is not
 * enforced (a handler method outside the proxy, a rule on the wrong method) fails the second.
 *
 * <p>Every call runs in a transaction that is rolled back, so a role that may write leaves nothing behind.
 */
@CadreTest
class AuthorizationMatrixTests {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationMatrixTests.class);

    /** The only endpoints anyone may call signed out, and why. */
    static final Map<String, String> PUBLIC = Map.of(
            "/login", "the sign-in page",
            "/error", "the container's error path: it answers whatever status the request already had");

    /**
     * Handlers that are not Cadre's and carry no method rule; the URL rule of the page chain (signed in, any role)
     * holds them. Anything else without a rule fails.
     */
    static final Map<String, String> FRAMEWORK = Map.of(
            "org.springdoc.", "the OpenAPI document and the Swagger UI: any signed-in user");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuthenticationProvider authenticationProvider;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    List<Endpoint> endpoints;

    @BeforeEach
    void endpoints() {
        endpoints = Endpoints.of(mapping);
    }

    @Test
    void everyEndpointCarriesARule() {
        List<String> without = new ArrayList<>();
        List<String> publicOutsideTheList = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String type = endpoint.handler().getBeanType().getName();
            if (endpoint.rule().isEmpty() && FRAMEWORK.keySet().stream().noneMatch(type::startsWith)) {
                without.add(endpoint.name() + " (" + endpoint.handler().getShortLogMessage() + ")");
            }
            if (endpoint.rule().filter(r -> r.contains("permitAll")).isPresent()
                    && !PUBLIC.containsKey(endpoint.pattern())) {
                publicOutsideTheList.add(endpoint.name());
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(200);
        assertThat(without).as("endpoints without a role rule (add the module's role meta-annotation)").isEmpty();
        assertThat(publicOutsideTheList).as("endpoints open to anyone that are not in the public list").isEmpty();
    }

    /** The check above can fail: a handler without a rule is seen as such, a meta-annotation is read through. */
    @Test
    void theRuleCheckSeesAMissingRule() throws Exception {
        assertThat(Endpoints.rule(Fixture.class.getDeclaredMethod("bare"), Fixture.class)).isEmpty();
        assertThat(Endpoints.rule(Fixture.class.getDeclaredMethod("ruled"), Fixture.class))
                .contains("hasRole('ADMIN')");
        assertThat(Endpoints.rule(Fixture.class.getDeclaredMethod("meta"), Fixture.class))
                .contains("hasAnyRole('ADMIN', 'SECRETARY')");
    }

    @Test
    void everyRoleGetsWhatTheRuleSaysOnEveryEndpoint() throws Exception {
        Map<Role, Authentication> users = signIn(new TestTree(organizations, members));
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> allowedOutcomes = new TreeMap<>();
        int calls = 0;
        int denials = 0;
        List<String> serverErrors = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String rule = endpoint.rule().orElse("isAuthenticated()");
            for (Role role : Role.values()) {
                Authentication user = users.get(role);
                boolean allowed = permits(rule, user);
                Outcome outcome = call(endpoint, user, Map.of());
                calls++;
                if (allowed && outcome.deniedByRule()) {
                    mismatches.add(role + " is refused " + endpoint.name() + " though " + rule + " lets it in");
                } else if (!allowed && !outcome.deniedByRule()) {
                    mismatches.add(role + " is not refused " + endpoint.name() + " by " + rule + ": " + outcome);
                } else if (!allowed && endpoint.api() && !outcome.problem()) {
                    mismatches.add(role + " gets a 403 without problem details from " + endpoint.name());
                }
                if (allowed) {
                    allowedOutcomes.merge(outcome.summary(), 1, Integer::sum);
                    if (outcome.status() >= 500 && !endpoint.pattern().equals("/error")) {
                        serverErrors.add(role + " " + endpoint.name() + ": " + outcome);
                    }
                } else {
                    denials++;
                }
            }
            if (!PUBLIC.containsKey(endpoint.pattern())) {
                Outcome outcome = call(endpoint, null, Map.of());
                calls++;
                if (!outcome.asksToSignIn(endpoint.api())) {
                    mismatches.add("nobody signed in is not asked to sign in by " + endpoint.name() + ": " + outcome);
                }
            }
        }
        log.info("Authorization matrix: {} endpoints x {} roles (+ signed out): {} calls, {} refused by the rule; "
                + "what allowed roles got: {}", endpoints.size(), Role.values().length, calls, denials,
                allowedOutcomes);
        log.info("Server errors of allowed roles with made-up input: {}", serverErrors);
        assertThat(mismatches).isEmpty();
        assertThat(denials).isGreaterThan(endpoints.size());
        assertThat(serverErrors).as("server errors on made-up input").isEmpty();
    }

    /** Names of path variables and parameters that carry an organization, and those that carry a member. */
    static final Set<String> ORGANIZATIONS = Set.of("organization", "organizationId", "root", "scope", "parentId");
    static final Set<String> MEMBERS = Set.of("member", "memberId", "subject");

    /**
     * Organization scope, on every endpoint that takes an organization or a member (in its path or its parameters)
     * and that a secretary, a member or a reviewer may call: the secretary of chapter A, a member of chapter A and
     * the reviewer of a body that comments on A, asking for chapter B or a member of B, are refused (403 or 404, as
     * the module answers). The same call by B's own secretary, member or reviewer is answered otherwise, so the refusal is the scope's and not the made-up request's. Ids of a cycle
     * are those of an open cycle of the tree's committee, so the evaluation pages get as far as the scope check.
     */
    @Test
    void aSecretaryMemberOrReviewerOfOneChapterIsRefusedTheOrganizationsAndMembersOfAnother() {
        TestTree tree = new TestTree(organizations, members);
        MemberId inA = tree.admit(tree.chapterA, "Nguyễn", "Văn", "Phạm Vi");
        MemberId inB = tree.admit(tree.chapterB, "Lê", "Thị", "Phạm Vi");
        String cardOfB = tree.prefix + "-2";
        UUID cycle = openCycle(tree);
        UUID bodyOfA = organizations.addCoordinatingBody(new AddCoordinatingBody("SA-" + tree.prefix,
                "Ban Dân vận " + tree.prefix, List.of(tree.chapterA.value())));
        UUID bodyOfB = organizations.addCoordinatingBody(new AddCoordinatingBody("SB-" + tree.prefix,
                "Ban Tổ chức " + tree.prefix, List.of(tree.chapterB.value())));
        Map<Role, List<Authentication>> pairs = Map.of(
                Role.SECRETARY, List.of(user(Role.SECRETARY, tree.chapterA.value(), null, null),
                        user(Role.SECRETARY, tree.chapterB.value(), null, null)),
                Role.MEMBER, List.of(user(Role.MEMBER, null, inA.value(), null),
                        user(Role.MEMBER, null, inB.value(), null)),
                Role.REVIEWER, List.of(user(Role.REVIEWER, null, null, bodyOfA),
                        user(Role.REVIEWER, null, null, bodyOfB)));
        List<String> holes = new ArrayList<>();
        List<String> proven = new ArrayList<>();
        List<String> refusedBeforeScope = new ArrayList<>();
        try {
            scope(inB, cardOfB, tree, cycle, pairs, holes, proven, refusedBeforeScope);
        } finally {
            jdbc.sql("DELETE FROM evaluation.cycle WHERE cycle_id = ?").param(cycle).update();
        }
        log.info("Organization scope: {} calls refused for scope where B's own caller is not: {}", proven.size(),
                proven);
        log.info("Organization scope: {} calls refused for another reason first (both callers alike): {}",
                refusedBeforeScope.size(), refusedBeforeScope);
        assertThat(holes).as("calls that reached another chapter's organization or member").isEmpty();
        assertThat(proven).hasSizeGreaterThan(80);
    }

    private void scope(MemberId inB, String cardOfB, TestTree tree, UUID cycle,
            Map<Role, List<Authentication>> pairs, List<String> holes, List<String> proven,
            List<String> refusedBeforeScope) {
        for (Endpoint endpoint : endpoints) {
            Map<String, String> values = scopedValues(endpoint, tree.chapterB.value(), inB.value(), cycle);
            if (endpoint.parameter("cardNumber").isPresent()) {
                values.put("cardNumber", cardOfB);
            }
            if (values.keySet().stream().noneMatch(n -> ORGANIZATIONS.contains(n) || MEMBERS.contains(n)
                    || n.equals("id") && !endpoint.pattern().contains("/cycles/{id}"))) {
                continue;
            }
            for (Map.Entry<Role, List<Authentication>> pair : pairs.entrySet()) {
                String rule = endpoint.rule().orElse("isAuthenticated()");
                if (!permits(rule, pair.getValue().get(0))) {
                    continue;
                }
                Outcome outsider = call(endpoint, pair.getValue().get(0), values);
                Outcome insider = call(endpoint, pair.getValue().get(1), values);
                String call = pair.getKey() + " of A " + endpoint.name() + " with B's ids";
                if (outsider.succeeded()) {
                    holes.add(call + ": " + outsider);
                } else if (outsider.refusedForScope() && !outsider.summary().equals(insider.summary())) {
                    proven.add(call);
                } else {
                    refusedBeforeScope.add(call + ": " + outsider.summary() + " (B's own: " + insider.summary() + ")");
                }
            }
        }
    }

    /** B's organization, member and the cycle for the variables and parameters that name one; none for others. */
    static Map<String, String> scopedValues(Endpoint endpoint, UUID organization, UUID member, UUID cycle) {
        Map<String, String> values = new java.util.HashMap<>();
        List<String> names = new ArrayList<>(endpoint.pathVariables());
        names.addAll(endpoint.parameters().keySet());
        ORGANIZATIONS.stream().filter(n -> endpoint.parameter(n).isPresent()).forEach(names::add);
        MEMBERS.stream().filter(n -> endpoint.parameter(n).isPresent()).forEach(names::add);
        for (String name : names) {
            if (ORGANIZATIONS.contains(name)) {
                values.put(name, organization.toString());
            } else if (MEMBERS.contains(name)) {
                values.put(name, member.toString());
            } else if (name.equals("cycle")) {
                values.put(name, cycle.toString());
            } else if (name.equals("id")) {
                String pattern = endpoint.pattern();
                if (pattern.contains("/organizations/{id}")) {
                    values.put(name, organization.toString());
                } else if (pattern.contains("/members/{id}")) {
                    values.put(name, member.toString());
                } else if (pattern.contains("/cycles/{id}")) {
                    values.put(name, cycle.toString());
                }
            }
        }
        return values;
    }

    /** An open 2017 cycle of the tree's committee, pinned to a stored pack version, as the cycles service stores it. */
    UUID openCycle(TestTree tree) {
        UUID cycle = UUID.randomUUID();
        Map<String, Object> pack = jdbc.sql("SELECT pack_id, version FROM ratingrules.pack_version "
                + "WHERE state = 'ACTIVE' ORDER BY pack_id, version LIMIT 1").query().singleRow();
        jdbc.sql("""
                INSERT INTO evaluation.cycle (cycle_id, year, scope_id, pack_id, pack_version, status, opened_on,
                    opened_by) VALUES (:id, 2017, :scope, :pack, :version, 'OPEN', now(), 'matrix')
                """).param("id", cycle).param("scope", tree.committee.value()).param("pack", pack.get("pack_id"))
                .param("version", pack.get("version")).update();
        return cycle;
    }

    /** A real user of one role with its links, as the identity module signs it in. */
    Authentication user(Role role, UUID organization, UUID member, UUID body) {
        String username = "sc-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(new NewUserAccount(username, TestUsers.PASSWORD, "Phạm vi " + role, Set.of(role),
                organization, member, body));
        return signIn(username);
    }

    // ---------------------------------------------------------------------------------------------- the calls

    /** What one call answered. */
    record Outcome(int status, Exception resolved, String contentType, String redirect, Exception thrown) {

        /** Refused by the method's rule: 403 raised by method security, not by a module's own refusal. */
        boolean deniedByRule() {
            return thrown == null && status == 403
                    && (resolved instanceof AccessDeniedException || resolved == null);
        }

        /** Done: a 2xx, or a page's redirect after a form that nothing refused. */
        boolean succeeded() {
            return thrown == null && (status >= 200 && status < 300 || status >= 300 && status < 400
                    && resolved == null);
        }

        /** Refused as out of the caller's scope: 403 or 404, or a page form's refusal of either outcome. */
        boolean refusedForScope() {
            if (resolved instanceof Refused refused) {
                return refused.reason().outcome() == org.cadre.platform.Refusal.Outcome.FORBIDDEN
                        || refused.reason().outcome() == org.cadre.platform.Refusal.Outcome.NOT_FOUND;
            }
            return thrown == null && (status == 403 || status == 404);
        }

        boolean problem() {
            return contentType != null && contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }

        boolean asksToSignIn(boolean api) {
            return api ? status == 401 && problem()
                    : status == 302 && redirect != null && redirect.endsWith("/login");
        }

        String summary() {
            if (thrown != null) {
                return "threw " + thrown.getClass().getSimpleName();
            }
            if (resolved instanceof Refused refused) {
                return status + " " + refused.reason().outcome();
            }
            return status + (resolved == null ? "" : " " + resolved.getClass().getSimpleName());
        }

        @Override
        public String toString() {
            return thrown != null ? "threw " + thrown
                    : status + (resolved == null ? "" : " " + resolved.getClass().getSimpleName() + ": "
                    + resolved.getMessage());
        }
    }

    /**
     * Calls the endpoint as the user (or nobody), with {@code values} for the path variables and parameters it
     * names and made-up ones for the rest, in a transaction rolled back afterwards.
     */
    Outcome call(Endpoint endpoint, Authentication user, Map<String, String> values) {
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            try {
                MvcResult result = mvc.perform(request(endpoint, user, values)).andReturn();
                return new Outcome(result.getResponse().getStatus(), result.getResolvedException(),
                        result.getResponse().getContentType(), result.getResponse().getRedirectedUrl(), null);
            } catch (Exception e) {
                return new Outcome(500, null, null, null, e);
            }
        });
    }

    AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, Authentication user,
            Map<String, String> values) {
        String path = endpoint.path(name -> values.getOrDefault(name, endpoint.parameter(name)
                .map(p -> Endpoints.text(p, name)).orElse("x")));
        AbstractMockHttpServletRequestBuilder<?> built;
        HttpMethod method = HttpMethod.valueOf(endpoint.method().name());
        if (endpoint.multipart() && method != HttpMethod.GET) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(method, path);
            endpoint.parts().forEach((name, p) -> multipart.file(Endpoints.file(p)
                    ? new MockMultipartFile(name, name.contains(".") ? name : "x.xlsx", "application/octet-stream",
                            new byte[] {1})
                    : new MockMultipartFile(name, "", MediaType.APPLICATION_JSON_VALUE,
                            Endpoints.json(p.getGenericParameterType()).getBytes(StandardCharsets.UTF_8))));
            built = multipart;
        } else {
            built = MockMvcRequestBuilders.request(method, path);
        }
        AbstractMockHttpServletRequestBuilder<?> request = built;
        endpoint.parameters().forEach((name, p) ->
                request.param(name, values.getOrDefault(name, Endpoints.text(p, name))));
        values.forEach((name, value) -> {
            if (!endpoint.pathVariables().contains(name) && !endpoint.parameters().containsKey(name)
                    && endpoint.parameter(name).isPresent()) {
                request.param(name, value);
            }
        });
        Optional<MethodParameter> body = endpoint.body();
        body.ifPresent(b -> request.contentType(MediaType.APPLICATION_JSON)
                .content(Endpoints.json(b.getGenericParameterType())));
        request.accept(endpoint.api() ? MediaType.APPLICATION_JSON_VALUE : "text/html,*/*;q=0.8");
        if (!endpoint.api()) {
            request.with(csrf());
        }
        if (user != null) {
            request.with(authentication(user));
        }
        return request;
    }

    // ---------------------------------------------------------------------------------------------- the users

    /**
     * One real user of each role, signed in through the login form, so each call carries the authentication the
     * identity module builds: the secretary of chapter A, a member of chapter A, a coordinating body's reviewer.
     */
    Map<Role, Authentication> signIn(TestTree tree) {
        MemberId member = tree.admit(tree.chapterA, "Nguyễn", "Văn", "Ma Trận");
        UUID body = organizations.addCoordinatingBody(new AddCoordinatingBody("MT-" + tree.prefix,
                "Ban Tuyên giáo " + tree.prefix, List.of(tree.chapterA.value())));
        Map<Role, Authentication> users = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String username = "mt-" + role.name().toLowerCase().replace('_', '-') + "-"
                    + UUID.randomUUID().toString().substring(0, 6);
            accounts.create(new NewUserAccount(username, TestUsers.PASSWORD, "Ma trận " + role, Set.of(role),
                    role == Role.SECRETARY ? tree.chapterA.value() : null,
                    role == Role.MEMBER ? member.value() : null, role == Role.REVIEWER ? body : null));
            users.put(role, signIn(username));
        }
        return users;
    }

    /** The authentication the sign-in form and HTTP basic get from the identity module's provider. */
    Authentication signIn(String username) {
        Authentication user = authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, TestUsers.PASSWORD));
        assertThat(user).as("signed in as " + username).isInstanceOf(CallerAuthentication.class);
        return user;
    }

    /** Whether the rule lets the user in, evaluated as method security evaluates it. */
    static boolean permits(String rule, Authentication user) {
        SecurityExpressionRoot<Object> root = new SecurityExpressionRoot<>(() -> user, null) {
        };
        Boolean permitted = new SpelExpressionParser().parseExpression(rule)
                .getValue(new StandardEvaluationContext(root), Boolean.class);
        return Boolean.TRUE.equals(permitted);
    }

    static Caller caller(Authentication user) {
        return ((CallerAuthentication) user).caller();
    }

    /** A handler without a rule, one with a rule, one with a role meta-annotation. */
    static class Fixture {

        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
        @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
        @interface Changes {
        }

        void bare() {
        }

        @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
        void ruled() {
        }

        @Changes
        void meta() {
        }
    }
}
