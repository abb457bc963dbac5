package org.etomkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page in a real browser, first steps: the landing page loads cleanly, a missing static
 * file is a 404, and the harness itself keeps the page off every host but the server.
 */
class WebSmokeTest {
    @TempDir static Path tmp;
    static WebServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = WebServer.start(tmp);
        browser = Browser.start(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            if (server != null) server.close();
        }
    }

    @Test
    void theLandingPageLoadsWithoutConsoleErrors() {
        browser.open("/");
        browser.waitFor("body");
        String title = browser.driver().getTitle();
        assertTrue(title.contains("etom-kg"), "title: " + title);
        Path shot = browser.screenshot("landing");
        assertTrue(Files.isRegularFile(shot), shot.toString());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aMissingStaticFileIsNotFound() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/static/does-not-exist.js")))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode(), r.body());
    }

    /** no-cors, so that only the network could stop the request: with it the fetch would resolve (opaque). */
    static final String FETCH = "const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {mode: 'no-cors', cache: 'no-store'})"
        + ".then(r => done('reached ' + r.type + ' ' + r.status), e => done('failed: ' + e));";

    @Test
    void thePageCannotReachAnotherHost() {
        browser.open("/");
        // The same fetch reaches the server itself, so a failure below is the blocked host, not a broken fetch.
        Object own = browser.js().executeAsyncScript(FETCH, server.url("/api/health"));
        assertTrue(String.valueOf(own).startsWith("reached"), "fetch from the server itself: " + own);

        Object other = browser.js().executeAsyncScript(FETCH, "http://example.com/");
        assertTrue(String.valueOf(other).startsWith("failed"), "fetch from example.com: " + other);
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.stream().anyMatch(m -> m.contains("example.com") && m.contains("ERR_NAME_NOT_RESOLVED")),
            "the console should name the host that did not resolve: " + errors);
    }
}
