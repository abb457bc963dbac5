package org.etomkg.server;

import static org.etomkg.server.ApiClient.basic;
import static org.etomkg.server.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.etomkg.extension.hostile.HostileExtensions;
import org.etomkg.hostile.ConnectionTrap;
import org.etomkg.hostile.HostileInputs;
import org.etomkg.hostile.HostileInputs.Expect;
import org.etomkg.hostile.HostileInputs.HostileInput;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus sent to a running service, as validations (no sign-in needed) and as
 * signed-in stores: every file gets a status under 500 with a JSON answer and no stack trace,
 * a refused store changes nothing, nothing reaches the network, and health answers all along.
 * The duplicates at scale (one identifier on thousands of processes, thousands of labels or
 * parents) are validated within the server's budget and reported in a handful of findings.
 */
class HostileUploadTest {
    static final String USER = "alice";
    static final String PASSWORD = "a long passphrase";

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static EtomServer server;
    static ApiClient api;
    static ConnectionTrap trap;
    static List<HostileInput> corpus;
    static Thread healthWatch;
    static final List<String> healthProblems = Collections.synchronizedList(new ArrayList<>());
    static volatile boolean watching = true;

    @BeforeAll
    static void start() throws IOException {
        store = KnowledgeStore.open(TestStores.built(tmp));
        Path users = tmp.resolve("users");
        Users.add(users, USER, PASSWORD);
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0).withUsers(Users.load(users)));
        api = ApiClient.of(server);
        trap = new ConnectionTrap();
        corpus = HostileInputs.corpus(tmp.resolve("corpus"), trap);
        healthWatch = new Thread(() -> {
            while (watching) {
                try {
                    HttpResponse<String> r = api.send(api.request("/api/health").timeout(Duration.ofSeconds(5)).GET());
                    if (r.statusCode() != 200) healthProblems.add("health answered " + r.statusCode() + ": " + r.body());
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    healthProblems.add("health did not answer: " + e);
                }
            }
        }, "health watch");
        healthWatch.start();
    }

    @AfterAll
    static void stop() throws Exception {
        watching = false;
        if (healthWatch != null) healthWatch.join(10_000);
        if (trap != null) trap.close();
        if (server != null) server.close();
        if (store != null) store.close();
    }

    static HttpResponse<String> send(String method, String path, HostileInput in, String... headers) {
        HttpRequest.Builder b = api.request(path).header("Content-Type", in.mediaType());
        if (headers.length > 0) b.headers(headers);
        try {
            return api.send(b.method(method, HttpRequest.BodyPublishers.ofFile(in.file())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertAnsweredInWords(String what, HttpResponse<String> r) {
        assertTrue(r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.body());
        assertTrue(ApiClient.contentType(r).startsWith("application/json"), what + ": not JSON: " + r.body());
        json(r);
        for (String sign : List.of("Exception", "\tat ", "at org.", "at java."))
            assertFalse(r.body().contains(sign), what + " shows a stack trace: " + r.body());
    }

    @TestFactory
    Stream<DynamicTest> eachHostileFileIsAnsweredInWordsAndStoresNothing() {
        return corpus.stream().sorted(Comparator.comparing(HostileInput::name)).map(in -> dynamicTest(in.name(), () -> {
            HttpResponse<String> validate = send("POST", "/api/validate", in);
            assertAnsweredInWords("POST " + in.name(), validate);
            if (in.expect() == Expect.REFUSED) assertEquals(400, validate.statusCode(), validate.body());
            if (in.expect() == Expect.TOO_LARGE) assertEquals(413, validate.statusCode(), validate.body());

            long before = TestStores.quads(store);
            String name = "hostile-" + in.name().replaceAll("[^A-Za-z0-9-]", "-");
            HttpResponse<String> put = send("PUT", "/api/extensions/" + name, in, "Authorization", basic(USER, PASSWORD));
            assertAnsweredInWords("PUT " + in.name(), put);
            if (put.statusCode() >= 400) {
                assertEquals(before, TestStores.quads(store), "a refused " + in.name() + " changed the store");
                assertEquals(404, api.get("/api/extensions/" + name).statusCode());
            } else {
                assertEquals(204, api.delete("/api/extensions/" + name, "Authorization", basic(USER, PASSWORD)).statusCode());
            }
            assertEquals(List.of(), trap.contacts(), in.name() + " made the server reach out");
        }));
    }

    record AtScale(String name, Supplier<Graph> extension) {}

    @TestFactory
    Stream<DynamicTest> duplicatesAtScaleAreValidatedWithinTheBudgetInAFewFindings() {
        return Stream.of(
                new AtScale("5,000 processes sharing one identifier", () -> HostileExtensions.sameIdentifier(5_000)),
                new AtScale("10,000 siblings with one name", () -> HostileExtensions.sameNamedSiblings(10_000)),
                new AtScale("50,000 labels on one process", () -> HostileExtensions.manyLabels(50_000)),
                new AtScale("20,000 parents of one process", () -> HostileExtensions.manyParents(20_000)),
                new AtScale("an identifier of 2,000 parts", () -> HostileExtensions.longIdentifier(2_000)))
            .map(c -> dynamicTest(c.name(), () -> {
                String body = ExtensionSamples.write(c.extension().get(), RDFFormat.TURTLE_BLOCKS);
                // Each case on a connection of its own: on a busy CI run a reused pooled connection once gave no answer at all
                // (not reproduced since); what is tested here is the answer to the content, not the reuse of a connection.
                HttpResponse<String> r = ApiClient.of(server).post("/api/validate", "text/turtle", body);
                assertAnsweredInWords(c.name(), r);
                if (r.statusCode() == 200) {
                    assertFalse(json(r).path("conforms").asBoolean(), r.body().substring(0, Math.min(500, r.body().length())));
                    assertTrue(json(r).path("findings").size() <= 20, c.name() + ": " + json(r).path("findings").size() + " findings");
                }
            }));
    }

    @Test
    void aLabelOfFiveThousandLettersIsStoredAndFound() {
        String body = ExtensionSamples.write(HostileExtensions.longLabel(5_000), RDFFormat.TURTLE_BLOCKS);
        HttpResponse<String> put = api.put("/api/extensions/long-label", "text/turtle", body, "Authorization", basic(USER, PASSWORD));
        assertEquals(201, put.statusCode(), put.body());
        HttpResponse<String> found = api.get("/api/queries/search?text=" + ApiClient.encode("L".repeat(20)) + "&release=25.5", "Accept", "text/csv");
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().lines().count() > 1, "the long label is not found by its start: " + found.body());
        assertEquals(204, api.delete("/api/extensions/long-label", "Authorization", basic(USER, PASSWORD)).statusCode());
    }

    @Test
    void healthAnsweredThroughout() {
        assertEquals(200, api.get("/api/health").statusCode());
        assertEquals(List.of(), healthProblems);
    }
}
