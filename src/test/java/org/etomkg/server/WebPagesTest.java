package org.etomkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the web page stands on, over HTTP: the pages at their permalinks and their scripts from
 * the jar (nothing from elsewhere, nothing outside the web folder), the sign-in check, and a
 * stored extension's report against its own release or another.
 */
class WebPagesTest {
    static final String USER = "carol";
    static final String PASSWORD = "a web page passphrase";

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static EtomServer server;
    static ApiClient api;

    @BeforeAll
    static void serve() throws IOException {
        store = KnowledgeStore.open(TestStores.built(tmp));
        Path users = tmp.resolve("users");
        Users.add(users, USER, PASSWORD);
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES,
            ServerOptions.defaults().withPort(0).withUsers(Users.load(users)));
        api = ApiClient.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void everyPermalinkAnswersTheAppPage() {
        for (String path : new String[] { "/", "/map", "/map?release=25.5", "/search?q=order", "/validate", "/mapping", "/process/26.0/1.4.5", "/process/23.0.1/1.3.3.3",
                "/releases/26.0", "/releases/25.5/domains/1.5", "/releases/24.0/groups/operations-readiness-and-support" }) {
            HttpResponse<String> r = api.get(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(ApiClient.contentType(r).startsWith("text/html"), path);
            assertTrue(r.body().contains("<script type=\"module\" src=\"/static/app.js\"></script>"), path);
        }
    }

    @Test
    void pathsThatAreNoPageOrReachOutsideTheWebFolderAreNotServed() {
        for (String path : new String[] { "/process/26.0", "/process/x/1.2", "/static/", "/static/..%2Findex.html",
                "/static/%2E%2E/index.html", "/static/vendor/../../index.html", "/static/does-not-exist.js", "/maps",
                "/releases/", "/releases/26.0/domains/", "/releases/26.0/groups/Assurance", "/releases/26.0/other/x" }) {
            int status = api.get(path).statusCode();
            // Jetty itself refuses an encoded dot-dot segment as ambiguous (400); the rest are ours (404).
            assertTrue(status == 404 || status == 400, path + ": " + status);
        }
    }

    /** Follows every import from the app's entry module: each is served from the jar, none from another host. */
    @Test
    void everyModuleThePageImportsIsServedFromTheJar() {
        Pattern imports = Pattern.compile("(?:import|from)\\s*[\"']([^\"']+)[\"']");
        Deque<String> todo = new ArrayDeque<>(Set.of("/static/app.js"));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String path = todo.pop();
            if (!seen.add(path)) continue;
            HttpResponse<String> r = api.get(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(ApiClient.contentType(r).startsWith("text/javascript"), path);
            Matcher m = imports.matcher(r.body());
            while (m.find()) {
                String target = m.group(1);
                assertFalse(target.matches("(?i)(https?:)?//.*"), path + " imports from another host: " + target);
                todo.push("/static/" + target.replaceFirst("^\\./", ""));
            }
        }
        assertTrue(seen.size() >= 10, "the app's modules: " + seen);
        assertEquals(200, api.get("/static/etom.css").statusCode());
    }

    @Test
    void signingInChecksThePasswordWithoutTheBrowsersDialogForThePage() {
        HttpResponse<String> plain = api.get("/api/session");
        assertEquals(401, plain.statusCode());
        assertTrue(plain.headers().firstValue("WWW-Authenticate").isPresent(), "a plain client is challenged");
        HttpResponse<String> page = api.get("/api/session", "X-Requested-With", "etom-kg", "Authorization", ApiClient.basic(USER, "wrong"));
        assertEquals(401, page.statusCode());
        assertTrue(page.headers().firstValue("WWW-Authenticate").isEmpty(), "the page's own form asks, not the browser");
        HttpResponse<String> ok = api.get("/api/session", "X-Requested-With", "etom-kg", "Authorization", ApiClient.basic(USER, PASSWORD));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(USER, ApiClient.json(ok).get("user").asText());
    }

    @Test
    void aStoredExtensionIsReportedAgainstItsOwnReleaseOrAnother() throws IOException {
        assertEquals(404, api.get("/api/extensions/web-report/report").statusCode());
        assertEquals(400, api.get("/api/extensions/bad%20name/report").statusCode());
        String example = Files.readString(Path.of("examples/nordlicht-telecom.ttl"));
        HttpResponse<String> put = api.put("/api/extensions/web-report", "text/turtle", example, "Authorization", ApiClient.basic(USER, PASSWORD));
        assertEquals(201, put.statusCode(), put.body());
        try {
            JsonNode own = ApiClient.json(api.get("/api/extensions/web-report/report"));
            assertTrue(own.get("conforms").asBoolean());
            assertEquals("25.5", own.get("release").asText());
            assertEquals(0, own.get("findings").size());
            // Against 26.0 the references into 25.5 name another release: each is a violation with its fix.
            JsonNode other = ApiClient.json(api.get("/api/extensions/web-report/report?release=26.0"));
            assertFalse(other.get("conforms").asBoolean());
            assertEquals("26.0", other.get("release").asText());
            assertTrue(other.get("violations").asInt() > 0);
            for (JsonNode f : other.get("findings")) assertTrue(f.get("message").asText().contains("Fix"), f.toString());
        } finally {
            api.delete("/api/extensions/web-report", "Authorization", ApiClient.basic(USER, PASSWORD));
        }
    }
}
