package org.cadre.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by Selenium with no
 * network look-ups. Where the packages are missing, browser tests are skipped with a message, unless
 * {@code CADRE_BROWSER_TESTS=required} (as in CI), where they fail.
 *
 * <p>One Chromium per language serves the test classes of a JVM one after the other (starting one costs a second or
 * two): {@link #close()} ends the test's session (the cookies of every site, the page) and the browser quits when the JVM
 * ends. A browser that no longer answers is replaced by a fresh one.
 */
public final class Browser implements AutoCloseable {

    private static final Map<String, Browser> OPEN = new HashMap<>();

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    public static synchronized Browser start(String language) {
        Browser open = OPEN.get(language);
        if (open != null && open.answers()) {
            return open;
        }
        if (open != null) {
            open.quit();
        }
        Browser started = launch(language);
        OPEN.put(language, started);
        if (OPEN.size() == 1) {
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitAll, "browser-quit"));
        }
        return started;
    }

    private static Browser launch(String language) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Browser tests need Debian's chromium and chromium-driver packages "
                    + "(apt-get install chromium chromium-driver)";
            if ("required".equals(System.getenv("CADRE_BROWSER_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("cadre-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=390,844",
                    "--user-data-dir=" + profile, "--lang=" + language);
            // the console's messages (a blocked inline style, a script error) for tests that read them
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of(
                            "XDG_CACHE_HOME", profile.resolve("cache").toString(),
                            "XDG_CONFIG_HOME", profile.resolve("config").toString()))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(profile, driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Asks for a page without a session and signs in on the login page it is sent to; the caller then waits for
     * what that page shows.
     */
    public void signInAt(String url, String username, String password) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** The console's errors since the last call (each call drains them). */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    /**
     * Ends this test's session: the next test starts signed out, with no language chosen, on a blank page, with an
     * empty console.
     */
    @Override
    public synchronized void close() {
        try {
            driver.get("about:blank");
            // every site's cookies, not only the current page's (which is all deleteAllCookies reaches)
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            // and its console: a refusal a test provoked on purpose is not the next test's error
            consoleErrors();
        } catch (WebDriverException e) {
            quit();
        }
    }

    private boolean answers() {
        try {
            driver.getCurrentUrl();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    private void quit() {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            // already gone: only its profile folder is left to remove
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private static synchronized void quitAll() {
        OPEN.values().forEach(Browser::quit);
        OPEN.clear();
    }
}
