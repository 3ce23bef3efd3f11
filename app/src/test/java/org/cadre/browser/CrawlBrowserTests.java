package org.cadre.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Role;
import org.cadre.support.Browser;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page a role can reach, in both languages, at phone width: signs in as each role (with the scope a real user of
 * that role has: a secretary their grassroots organization, a member their own record, a coordinating body its
 * organizations), follows the links of every page it reaches, and fails on an error status, an untranslated message
 * key, a console error (a blocked inline style or script included) or a page wider than the screen. Pages of one shape
 * (a member, an organization) are visited once per role and language, so the crawl stays short.
 */
@CadreTest
class CrawlBrowserTests {

    /** UUIDs and numbers in a path: pages that differ only there are the same page to the crawl. */
    private static final Pattern VARIABLE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+");
    private static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?[^?\\s<>\"]+\\?\\?");
    private static final int PAGES_PER_ROUND = 30;

    /** The pages visited, written to target/crawl.txt for a reader of a failure. */
    private final List<String> log = new ArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRoleReachesOnlyHealthyTranslatedPagesThatFitAPhone() throws Exception {
        UUID grassroots = jdbc.sql("SELECT id FROM organizations.organization WHERE kind = 'GRASSROOTS_COMMITTEE' "
                + "ORDER BY code LIMIT 1").query(UUID.class).single();
        UUID member = jdbc.sql("""
                SELECT p.member_id FROM organizations.membership_period p
                JOIN organizations.organization o ON o.id = p.organization_id
                WHERE o.parent_id = ? AND p.valid_to IS NULL ORDER BY p.member_id LIMIT 1""")
                .param(grassroots).query(UUID.class).single();
        UUID body = organizations.coordinatingBodies().get(0).id();
        List<String> users = List.of(
                user(Set.of(Role.ADMIN), null, null, null),
                user(Set.of(Role.RULE_ADMIN), null, null, null),
                user(Set.of(Role.EVALUATOR), null, null, null),
                user(Set.of(Role.SECRETARY), grassroots, member, null),
                user(Set.of(Role.MEMBER), null, member, null),
                user(Set.of(Role.REVIEWER), null, null, body));

        List<String> problems = new ArrayList<>();
        log.clear();
        int visited = 0;
        for (String language : List.of("vi", "en")) {
            for (String username : users) {
                try (Browser browser = Browser.start(language)) {
                    visited += crawl(browser, username, language, problems);
                }
            }
        }
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "crawl.txt"), log);
        assertThat(visited).as("pages visited").isGreaterThan(40);
        assertThat(problems).as("problems found on %d pages", visited).isEmpty();
    }

    private int crawl(Browser browser, String username, String language, List<String> problems) throws Exception {
        WebDriver page = browser.driver();
        browser.signInAt(base() + "/?lang=" + language, username, TestUsers.PASSWORD);
        new WebDriverWait(page, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("nav.main-nav")));
        // the sign-in page's console counts too: a favicon or a style it misses is what every user meets first
        browser.consoleErrors().forEach(error -> problems.add(language + " " + username + " sign-in: console: "
                + error));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < PAGES_PER_ROUND) {
            String path = queue.poll();
            if (!seen.add(shape(path))) {
                continue;
            }
            visited++;
            String where = language + " " + username + " " + path;
            long started = System.nanoTime();
            int status = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Cookie", cookies(page)).header("Accept-Language", language).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 400) {
                problems.add(where + ": status " + status);
                continue;
            }
            page.get(base() + path);
            String source = page.getPageSource();
            UNTRANSLATED.matcher(source).results().map(m -> m.group()).distinct()
                    .forEach(key -> problems.add(where + ": untranslated " + key));
            browser.consoleErrors().forEach(error -> problems.add(where + ": console: " + error));
            Long overflow = (Long) browser.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (overflow != null && overflow > 0) {
                problems.add(where + ": " + overflow + " px wider than the screen");
            }
            log.add(where + " " + (System.nanoTime() - started) / 1_000_000 + " ms");
            // one call for every link of the page (a tree page holds hundreds)
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) browser.driver().executeScript(
                    "return Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href'));");
            for (String href : hrefs) {
                String next = internal(href);
                if (next != null && !seen.contains(shape(next))) {
                    queue.add(next);
                }
            }
        }
        return visited;
    }

    /** A link the crawl follows: same site, a page (not a download, the API, signing out or the language switch). */
    private static String internal(String href) {
        if (href == null || href.isBlank() || href.startsWith("#") || href.startsWith("mailto:")
                || href.startsWith("http") || href.startsWith("//") || href.startsWith("javascript:")) {
            return null;
        }
        String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        if (!path.startsWith("/") || path.startsWith("/logout") || path.startsWith("/api/")
                || path.startsWith("/actuator") || path.contains("lang=") || path.contains(".xlsx")
                || path.contains(".csv") || path.contains("format=") || path.contains("/webjars/") || path.contains("/css/")
                || path.contains("/js/")) {
            return null;
        }
        return path;
    }

    /** The page's shape: its path with identifiers and numbers replaced, and its parameters' names. */
    private static String shape(String path) {
        String[] parts = path.split("\\?", 2);
        String query = parts.length < 2 ? "" : "?" + List.of(parts[1].split("&")).stream()
                .map(p -> p.split("=", 2)[0]).sorted().collect(Collectors.joining("&"));
        return VARIABLE.matcher(parts[0]).replaceAll("_") + query;
    }

    private static String cookies(WebDriver page) {
        return page.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private String user(Set<Role> roles, UUID organization, UUID member, UUID body) {
        String username = "crawl-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(username, TestUsers.PASSWORD, "Người dùng " + username, roles,
                organization, member, body));
        return username;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
