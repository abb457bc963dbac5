package org.etomkg.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium, driven through Debian's chromedriver, for the web page's tests.
 * Start one per test class and close it in {@code @AfterAll}:
 *
 * <pre>
 * static Browser browser = Browser.start(server.baseUrl());
 * browser.open("/map"); browser.waitFor("svg"); browser.screenshot("map");
 * assertEquals(List.of(), browser.consoleErrors());
 * browser.close();
 * </pre>
 *
 * The browser reaches 127.0.0.1 only: every other host name resolves to nothing, so a page that
 * needs the network fails its tests here as it would fail a CSP behind a closed network.
 * Paths come from {@code -Detomkg.chromium} and {@code -Detomkg.chromedriver} (default
 * {@code /usr/bin/...}); Selenium Manager is never asked, since it would try to download.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("etomkg.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("etomkg.chromedriver", "/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * Selenium carries DevTools bindings for newer Chromes than Debian ships and warns at every start;
     * these tests never open Selenium's DevTools connection (emulation goes through chromedriver, {@link #emulate}). Held here because java.util.logging keeps loggers weakly.
     */
    private static final Logger CDP_VERSION = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    /** Console entries read so far: chromedriver hands each entry out once, so they are kept here. */
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts chromium against {@code baseUrl} (such as {@code http://127.0.0.1:PORT}). Fails the
     * test, never skips it, when chromium or chromedriver is missing or cannot start: CI installs them.
     */
    public static Browser start(String baseUrl) {
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER))
            if (!Files.isExecutable(Path.of(exe)))
                Assertions.fail(exe + " is missing: the web page's tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver, as .ci/run does)");
        Path profile;
        try {
            profile = Files.createTempDirectory("etomkg-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            // The machine's network is closed and the page must not need one: keep Chromium's own traffic off.
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-proxy-server",
            // Every host but loopback fails to resolve, so a request the page makes elsewhere fails visibly.
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--user-data-dir=" + profile, "--window-size=1600,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);

        // chromedriver's own log holds chromium's reasons when it will not start.
        Path driverLog = buildDir().resolve("chromedriver.log");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().withLogFile(driverLog.toFile()).build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(15));
            return new Browser(baseUrl.replaceAll("/+$", ""), profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            return Assertions.fail("chromium did not start (" + CHROMIUM + " through " + CHROMEDRIVER + ", log in " + driverLog
                + "): " + e.getMessage(), e);
        }
    }

    public WebDriver driver() { return driver; }

    /** Draws the pages that follow as a phone of that size shows them (the viewport, its meta tag honoured), until {@link #desktop()}. */
    public void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the window's own size (1600 by 1000). */
    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    public JavascriptExecutor js() { return driver; }

    public String baseUrl() { return baseUrl; }

    /**
     * Goes to {@code baseUrl + path} and waits for the load event. Starts a new console record:
     * {@link #consoleErrors()} afterwards speaks about this page.
     */
    public Browser open(String path) {
        readConsole();
        console.clear();
        driver.get(baseUrl + path);
        return this;
    }

    /** The first element matching {@code css}, once it is on the page and visible. */
    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** The text of the first element matching {@code css}, once it is visible and its text is not blank. */
    public String text(String css) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            if (found.isEmpty() || !found.get(0).isDisplayed()) return null;
            String t = found.get(0).getText();
            return t.isBlank() ? null : t;
        });
    }

    /** Waits until {@code condition} returns something other than null or false, and returns it. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        // A condition that reads an element the page redraws meanwhile is asked again, not failed.
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Every element matching {@code css} now, without waiting. */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Saves the window as {@code BUILD/screenshots/NAME.png} (BUILD is {@code target} unless -Detomkg.build says otherwise). */
    public Path screenshot(String name) {
        Path dir = buildDir().resolve("screenshots");
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Emulates a CSS media type ({@code "print"}, or {@code ""} for the screen) and a colour scheme
     * ({@code "dark"}, {@code "light"}, or {@code ""} for the machine's) for this tab until called again,
     * through chromedriver's DevTools command (Emulation.setEmulatedMedia).
     */
    public void emulate(String media, String colorScheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media,
            "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    /** Sets the window so that the page's viewport is {@code width} by {@code height} CSS pixels. */
    public void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Number inner = (Number) driver.executeScript("return window.innerWidth");
        Number innerH = (Number) driver.executeScript("return window.innerHeight");
        if (inner.intValue() != width || innerH.intValue() != height)
            driver.manage().window().setSize(new Dimension(2 * width - inner.intValue(), 2 * height - innerH.intValue()));
    }

    /** The page printed to PDF on {@code widthCm} by {@code heightCm} paper, with backgrounds, as chromium's print does. */
    public byte[] printToPdf(double widthCm, double heightCm) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(heightCm, widthCm));
        options.setBackground(true);
        return java.util.Base64.getDecoder().decode(driver.print(options).getContent());
    }

    /** Everything the console said since the last {@link #open(String)}: messages, script errors, failed requests. */
    public List<LogEntry> console() {
        readConsole();
        return List.copyOf(console);
    }

    /** The SEVERE console entries (script errors, failed requests, 4xx/5xx answers) since the last {@link #open(String)}. */
    public List<String> consoleErrors() {
        return console().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(e -> e.getMessage()).toList();
    }

    private void readConsole() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
    }

    /** Quits chromium and chromedriver and removes the profile; safe to call twice and after a failed test. */
    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // The browser may already be gone (a crash is what the test reports); the driver service still stops below.
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    /** The build folder: the parent of {@code test-classes}, so that -Detomkg.build is honoured without surefire passing it on. */
    static Path buildDir() {
        try {
            Path classes = Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover temporary profile is harmless; chromium may still be writing to it as it exits.
        }
    }
}
