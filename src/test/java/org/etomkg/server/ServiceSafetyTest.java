package org.etomkg.server;

import static org.etomkg.server.ApiClient.basic;
import static org.etomkg.server.ApiClient.encode;
import static org.etomkg.server.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Safe by default, as a client sees it: no SPARQL Update and no admin endpoints unless asked
 * for, and then only for a user with a password; no SERVICE; a timeout that stops a runaway
 * query, direct or named, while the server keeps answering; a limit on request bodies,
 * declared or chunked; CORS only for the origins configured; loopback unless told otherwise;
 * and one log line per request. Every server here runs with a 2 s timeout and a 64 KiB limit.
 */
class ServiceSafetyTest {
    static final long TIMEOUT_SECONDS = 2;
    static final double MARGIN_SECONDS = 5;
    static final int MAX_BODY = 64 * 1024;
    static final String USER = "alice";
    static final String PASSWORD = "a long passphrase";
    static final String DROP = "DROP ALL";
    static final String INSERT = "INSERT DATA { GRAPH <urn:etom-kg:test> { <urn:a> <urn:b> \"written\" } }";
    static final Pattern LOG_LINE = Pattern.compile("INFO requests - (\\S+) (\\S+) ([0-9]{3}) ([0-9]+) ms");

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static Path users;
    static EtomServer strict;      // the defaults, with a short timeout and a small body limit
    static EtomServer writable;    // --update --admin --users
    static EtomServer cors;        // --cors http://a.example
    static ApiClient api;
    static PrintStream originalErr;
    static final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void serve() throws IOException {
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
        store = KnowledgeStore.open(TestStores.built(tmp));
        users = tmp.resolve("users");
        Users.add(users, USER, PASSWORD);
        Path queries;
        try (Stream<Path> extra = Files.list(Path.of("src/test/resources/server/queries"))) {
            queries = TestStores.queriesWith(tmp.resolve("queries"), extra.map(Path::toAbsolutePath).toArray(Path[]::new));
        }
        ServerOptions base = ServerOptions.defaults().withPort(0).withTimeout(TIMEOUT_SECONDS).withMaxBody(MAX_BODY);
        strict = EtomServer.start(store, queries, TestStores.SHAPES, base);
        writable = EtomServer.start(store, queries, TestStores.SHAPES, base.withUpdate(true).withAdmin(true).withUsers(Users.load(users)));
        cors = EtomServer.start(store, queries, TestStores.SHAPES, base.withCors("http://a.example"));
        api = ApiClient.of(strict);
    }

    @AfterAll
    static void stop() {
        for (EtomServer s : new EtomServer[] {strict, writable, cors}) if (s != null) s.close();
        if (store != null) store.close();
        System.setErr(originalErr);
    }

    @Test
    void theDefaultsAreTheSafeOnes() {
        ServerOptions d = ServerOptions.defaults();
        assertEquals("127.0.0.1", d.host());
        assertTrue(d.loopbackOnly());
        assertEquals(10, d.timeoutSeconds());
        assertEquals(10L * 1024 * 1024, d.maxBodyBytes());
        assertFalse(d.update());
        assertFalse(d.admin());
        assertEquals(null, d.corsOrigins());
        assertTrue(d.users().isEmpty());
    }

    // ---- SPARQL Update ---------------------------------------------------------------------

    @Test
    void byDefaultThereIsNoUpdateEndpointAndNoOtherWayToUpdate() {
        long before = TestStores.quads(store);
        assertEquals(404, api.post("/etom/update", "application/sparql-update", INSERT).statusCode());
        assertEquals(404, api.post("/etom/update", "application/x-www-form-urlencoded", "update=" + encode(INSERT)).statusCode());
        assertEquals(404, api.get("/etom/update").statusCode());
        for (String path : List.of("/etom/sparql", "/etom/query", "/etom", "/etom/get", "/etom/shacl")) {
            int direct = api.post(path, "application/sparql-update", DROP).statusCode();
            int form = api.post(path, "application/x-www-form-urlencoded", "update=" + encode(DROP)).statusCode();
            assertTrue(direct >= 400 && direct < 500, path + " answered " + direct);
            assertTrue(form >= 400 && form < 500, path + " answered " + form);
        }
        try (RDFConnection conn = RDFConnection.connect(strict.baseUrl() + EtomServer.DATASET)) {
            HttpException e = assertThrows(HttpException.class, () -> conn.update(INSERT));
            assertTrue(e.getStatusCode() >= 400 && e.getStatusCode() < 500, "status " + e.getStatusCode());
        }
        assertEquals(before, TestStores.quads(store), "the store changed");
    }

    @Test
    void withUpdateTheEndpointNeedsAUser() {
        ApiClient w = ApiClient.of(writable);
        long before = TestStores.quads(store);
        assertEquals(401, w.post("/etom/update", "application/sparql-update", INSERT).statusCode());
        assertEquals(401, w.post("/etom/update", "application/sparql-update", INSERT, "Authorization", basic(USER, "wrong password")).statusCode());
        assertEquals(401, w.post("/etom/update", "application/x-www-form-urlencoded", "update=" + encode(INSERT)).statusCode());
        // the other doors of the dataset stay shut without a user
        for (String path : List.of("/etom", "/etom/sparql", "/etom/query", "/etom/get", "/etom/shacl", "/etom/", "/etom/update/")) {
            int direct = w.post(path, "application/sparql-update", INSERT).statusCode();
            int form = w.post(path, "application/x-www-form-urlencoded", "update=" + encode(INSERT)).statusCode();
            assertTrue(direct >= 400 && direct < 500, path + " answered " + direct);
            assertTrue(form >= 400 && form < 500, path + " answered " + form);
        }
        try (RDFConnection anonymous = RDFConnectionRemote.service(writable.baseUrl() + EtomServer.DATASET).updateEndpoint("update").build()) {
            HttpException e = assertThrows(HttpException.class, () -> anonymous.update(INSERT));
            assertEquals(401, e.getStatusCode());
        }
        assertEquals(before, TestStores.quads(store), "an unauthenticated update changed the store");

        HttpClient withUser = HttpClient.newBuilder().authenticator(new Authenticator() {
            @Override protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(USER, PASSWORD.toCharArray());
            }
        }).build();
        try (RDFConnection conn = RDFConnectionRemote.service(writable.baseUrl() + EtomServer.DATASET).updateEndpoint("update")
                .queryEndpoint("sparql").httpClient(withUser).build()) {
            conn.update(INSERT);
            assertEquals(before + 1, TestStores.quads(store));
            try (QueryExecution qe = conn.query("ASK { GRAPH <urn:etom-kg:test> { <urn:a> <urn:b> \"written\" } }")) {
                assertTrue(qe.execAsk());
            }
            conn.update("DROP GRAPH <urn:etom-kg:test>");
        }
        assertEquals(before, TestStores.quads(store));
        HttpResponse<String> r = w.post("/etom/update", "application/sparql-update", "CLEAR SILENT GRAPH <urn:etom-kg:none>",
            "Authorization", basic(USER, PASSWORD));
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
    }

    @Test
    void aRefusedWriteLeavesTheConnectionUsableForTheNextRequest() {
        // Fuseki answers these with an error without reading the body; unless the body is read after all,
        // the connection is closed after the answer without a word, and the next POST on it gets nothing
        String[][] refused = {
            {"/etom/query", "application/sparql-update", DROP}, {"/etom/query", "application/x-www-form-urlencoded", "update=" + encode(DROP)},
            {"/etom/sparql", "application/sparql-update", DROP}, {"/etom/sparql", "application/x-www-form-urlencoded", "update=" + encode(DROP)},
            {"/etom", "application/sparql-update", DROP}, {"/etom", "application/x-www-form-urlencoded", "update=" + encode(DROP)},
            {"/etom/get", "application/sparql-update", DROP}, {"/etom/get", "text/turtle", "<http://example.org/a> <http://example.org/b> 1 ."},
            {"/etom/shacl", "application/sparql-update", DROP}, {"/api/validate", "application/pdf", DROP}};
        ApiClient one = new ApiClient(HttpClient.newHttpClient(), strict.baseUrl());   // one client: one kept-alive connection
        List<String> lost = new ArrayList<>();
        for (int round = 0; round < 10; round++)
            for (String[] a : refused)
                for (String[] b : refused)
                    for (String[] r : List.of(a, b)) {
                        try {
                            int status = one.post(r[0], r[1], r[2]).statusCode();
                            assertTrue(status >= 400 && status < 500, r[0] + " " + r[1] + " answered " + status);
                        } catch (UncheckedIOException e) {
                            lost.add(r[0] + " " + r[1] + " after " + a[0] + " " + a[1] + ": " + e.getMessage());
                        }
                    }
        assertTrue(lost.isEmpty(), lost.size() + " of 2000 requests got no answer, such as " + lost.stream().limit(3).toList());
    }

    // ---- admin endpoints -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/$/stats", "/$/stats/etom", "/$/ping", "/$/metrics", "/$/server", "/$/status", "/$/datasets", "/$/tasks",
        "/$/compact/etom", "/$/backup/etom", "/$/reload"})
    void adminEndpointsAre404ByDefault(String path) {
        assertEquals(404, api.get(path).statusCode(), path);
        assertEquals(404, api.post(path, "application/x-www-form-urlencoded", "").statusCode(), "POST " + path);
    }

    @Test
    void withAdminTheEndpointsNeedAUser() {
        ApiClient w = ApiClient.of(writable);
        for (String path : List.of("/$/stats", "/$/stats/etom", "/$/ping", "/$/metrics")) {
            HttpResponse<String> anonymous = w.get(path);
            assertEquals(401, anonymous.statusCode(), path + ": " + anonymous.body());
            assertEquals(401, w.get(path, "Authorization", basic(USER, "wrong password")).statusCode(), path);
            HttpResponse<String> r = w.get(path, "Authorization", basic(USER, PASSWORD));
            assertEquals(200, r.statusCode(), path + ": " + r.body());
        }
        assertTrue(json(w.get("/$/stats", "Authorization", basic(USER, PASSWORD))).path("datasets").has("/etom"));
        long before = TestStores.quads(store);
        assertEquals(401, w.post("/$/compact/etom", "application/x-www-form-urlencoded", "").statusCode());
        assertEquals(before, TestStores.quads(store));
    }

    // ---- SERVICE ---------------------------------------------------------------------------

    @Test
    void serviceIsRefusedDirectAndNamedAndContactsNothing() throws Exception {
        try (Trap trap = new Trap()) {
            for (String q : List.of("SELECT * WHERE { SERVICE <" + trap.url() + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { SERVICE SILENT <" + trap.url() + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { BIND (<" + trap.url() + "> AS ?e) SERVICE ?e { ?s ?p ?o } }")) {
                HttpResponse<String> r = api.get("/etom/sparql?query=" + encode(q), "Accept", "text/csv");
                // refused outright, or (SILENT) the one empty solution of a SERVICE that failed
                assertTrue(r.statusCode() >= 400 || r.body().lines().skip(1).allMatch(l -> l.equals(",,")), q + " answered " + r.statusCode() + ": " + r.body());
            }
            HttpResponse<String> named = api.get("/api/queries/federated?endpoint=" + encode(trap.url()), "Accept", "text/csv");
            assertTrue(named.statusCode() >= 400 && named.statusCode() < 500, "named SERVICE answered " + named.statusCode() + ": " + named.body());
            assertTrue(json(named).path("error").asText().contains("SERVICE"), named.body());
            HttpResponse<String> fixed = api.get("/api/queries/federated-fixed", "Accept", "text/csv");
            assertTrue(fixed.statusCode() >= 400 && fixed.statusCode() < 500, "named SERVICE answered " + fixed.statusCode() + ": " + fixed.body());
            Thread.sleep(300);
            assertEquals(0, trap.contacts(), "the server called the SERVICE endpoint");
        }
        assertEquals(200, api.get("/api/health").statusCode());
    }

    // ---- values bound as terms ----------------------------------------------------------------

    @Test
    void anIriParameterIsBoundAsAnIriAndAHostileOneIsRefused() {
        HttpResponse<String> real = api.get("/api/queries/labels-of?thing=" + encode("https://w3id.org/etom-kg/release/25.5/process/1.3.3.10"),
            "Accept", "text/csv");
        assertEquals(200, real.statusCode(), real.body());
        assertEquals(2, real.body().lines().count(), real.body());
        long before = TestStores.quads(store);
        for (String hostile : List.of("https://w3id.org/etom-kg/release/25.5/process/1.3.3.10> } UNION { ?thing ?p ?name } #",
                "urn:x> . ?thing ?p ?name . #", "<urn:x>", "urn:x\u003E", "urn:x\n} DROP ALL {", "not an iri", "")) {
            HttpResponse<String> r = api.get("/api/queries/labels-of?thing=" + encode(hostile), "Accept", "text/csv");
            if (r.statusCode() == 200) assertEquals(1, r.body().lines().count(), hostile + " changed the answer: " + r.body());
            else assertEquals(400, r.statusCode(), hostile + ": " + r.body());
        }
        assertEquals(before, TestStores.quads(store));
    }

    @Test
    void aBrokenQueryFileIsTheServersFaultNotTheClients() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("broken-queries"));
        Files.copy(TestStores.QUERIES.resolve("releases.rq"), dir.resolve("releases.rq"));
        Files.writeString(dir.resolve("broken.rq"), "# @title Broken\nSELECT ?x WHERE { ?x ?p }\n");
        try (EtomServer s = EtomServer.start(store, dir, TestStores.SHAPES,
                ServerOptions.defaults().withPort(0).withTimeout(TIMEOUT_SECONDS).withMaxBody(MAX_BODY))) {
            ApiClient c = ApiClient.of(s);
            for (String path : List.of("/api/queries", "/api/openapi.json", "/api/queries/broken")) {
                HttpResponse<String> r = c.get(path);
                assertEquals(500, r.statusCode(), path + ": " + r.body());
                assertTrue(json(r).path("error").asText().contains("broken.rq:2:"), path + ": " + r.body());
            }
            assertEquals(200, c.get("/api/queries/releases").statusCode());
            assertEquals(200, c.get("/api/health").statusCode());
        }
    }

    // ---- timeouts --------------------------------------------------------------------------

    static final String PARENT = "<https://w3id.org/etom-kg/ontology#parent>";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY DESC(STR(?c)) ?f LIMIT 1",
        "SELECT ?c (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c ORDER BY DESC(?n) LIMIT 1",
        "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f BIND (CONCAT(STR(?c), STR(?f)) AS ?x) }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a (" + PARENT + "|^" + PARENT + ")* ?b }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x>|!<urn:x>)* ?b }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER (REGEX(CONCAT(STR(?c), STR(?f)), \"^(a|aa)+$\")) }",
        "ASK { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER (STR(?c) = CONCAT(STR(?f), STR(?i), \"!\")) }",
    })
    void aPathologicalQueryIsStoppedWithinTheTimeoutAndTheServerAnswersAfterwards(String query) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = api.get("/etom/sparql?query=" + encode(query), "Accept", "text/csv");
        } catch (UncheckedIOException cut) {
            r = null;   // the answer had begun and was cut off: stopped too
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(r == null || r.statusCode() >= 400, "the pathological query answered " + r.statusCode() + ": " + r.body());
        assertTrue(seconds < TIMEOUT_SECONDS + MARGIN_SECONDS, "stopped only after " + seconds + " s");
        assertServerAnswers();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/csv", "application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values"})
    void aStreamingCrossProductIsCutOffAtTheTimeoutAndTheClientCanTell(String accept) {
        // the answer has begun (200) when the timeout strikes: the client must see a broken answer, never a short one that looks whole
        long start = System.nanoTime();
        String outcome;
        try {
            HttpResponse<String> r = api.get("/etom/sparql?query=" + encode("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"), "Accept", accept);
            outcome = r.statusCode() >= 400 ? "refused" : "answered " + r.statusCode() + " with " + r.body().length() + " characters";
        } catch (UncheckedIOException cut) {
            outcome = "cut";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(outcome.equals("cut") || outcome.equals("refused"), "the client got what looks like a whole answer: " + outcome);
        assertTrue(seconds < TIMEOUT_SECONDS + MARGIN_SECONDS, "cut off only after " + seconds + " s");
        assertServerAnswers();
    }

    @Test
    void aPathologicalNamedQueryIsStoppedWithinTheTimeoutWithAClearMessage() {
        long start = System.nanoTime();
        HttpResponse<String> r = api.get("/api/queries/runaway", "Accept", "text/csv");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(json(r).path("error").asText().contains("timeout of 2 s"), r.body());
        assertTrue(seconds < TIMEOUT_SECONDS + MARGIN_SECONDS, "stopped only after " + seconds + " s");
        assertServerAnswers();
    }

    @Test
    void theServerAnswersWhileRunawayQueriesRun() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> runaways = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runaways.add(api.http().sendAsync(api.request("/api/queries/runaway").GET().build(), HttpResponse.BodyHandlers.ofString()));
            runaways.add(api.http().sendAsync(api.request("/etom/sparql?query=" + encode("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300);
        HttpResponse<String> health = api.get("/api/health");
        assertEquals(200, health.statusCode(), health.body());
        HttpResponse<String> summary = api.get("/api/queries/release-summary?release=25.5", "Accept", "text/csv");
        assertEquals(200, summary.statusCode(), summary.body());
        for (var f : runaways) assertTrue(f.get(TIMEOUT_SECONDS + 20, TimeUnit.SECONDS).statusCode() >= 400);
    }

    // ---- request bodies --------------------------------------------------------------------

    @Test
    void aBodyOverTheLimitIs413WithContentLengthOrChunked() throws IOException {
        String extension = Files.readString(ExtensionSamples.SMALL_VALID);
        String big = padded(extension, 100 * 1024);
        String query = padded("SELECT * WHERE { ?s ?p ?o } LIMIT 1", 100 * 1024);
        long before = TestStores.quads(store);
        String auth = basic(USER, PASSWORD);
        ApiClient w = ApiClient.of(writable);
        record Case(ApiClient client, String method, String path, String type, String body, String... headers) {}
        List<Case> cases = List.of(
            new Case(api, "POST", "/api/validate", "text/turtle", big),
            new Case(w, "PUT", "/api/extensions/big", "text/turtle", big, "Authorization", auth),
            new Case(api, "POST", "/etom/sparql", "application/sparql-query", query),
            new Case(api, "POST", "/etom/sparql", "application/x-www-form-urlencoded", "query=" + encode(query)),
            new Case(api, "POST", "/etom/shacl?graph=default", "text/turtle", big),
            new Case(w, "POST", "/etom/update", "application/sparql-update", padded(INSERT, 100 * 1024), "Authorization", auth));
        for (Case c : cases) {
            for (boolean chunked : List.of(false, true)) {
                byte[] bytes = c.body().getBytes(StandardCharsets.UTF_8);
                HttpRequest.BodyPublisher body = chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                    : HttpRequest.BodyPublishers.ofByteArray(bytes);
                HttpRequest.Builder b = c.client().request(c.path()).header("Content-Type", c.type()).method(c.method(), body);
                if (c.headers().length > 0) b.headers(c.headers());
                HttpResponse<String> r = c.client().send(b);
                String what = c.method() + " " + c.path() + " " + c.type() + (chunked ? " chunked" : " with Content-Length");
                assertEquals(413, r.statusCode(), what + ": " + r.body());
                assertTrue(json(r).path("error").asText().contains("limit of " + MAX_BODY), what + ": " + r.body());
            }
        }
        // without a user, a big write is refused unread: who may write is settled first
        for (boolean chunked : List.of(false, true)) {
            byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = w.send(w.request("/api/extensions/big").header("Content-Type", "text/turtle").PUT(chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)) : HttpRequest.BodyPublishers.ofByteArray(bytes)));
            assertEquals(401, r.statusCode(), r.body());
        }
        assertEquals(before, TestStores.quads(store), "a body over the limit changed the store");
        assertEquals(404, api.get("/api/extensions/big").statusCode());
        assertServerAnswers();
    }

    @Test
    void aBodyUnderTheLimitIsAcceptedChunkedOrNot() throws IOException {
        byte[] bytes = padded(Files.readString(ExtensionSamples.SMALL_VALID), 60 * 1024).getBytes(StandardCharsets.UTF_8);
        for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(bytes),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))) {
            HttpResponse<String> r = api.send(api.request("/api/validate").header("Content-Type", "text/turtle").POST(body));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(json(r).path("conforms").asBoolean(), r.body());
        }
        // a chunked query or form under the limit reaches Fuseki whole
        String query = padded("SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/etom-kg/release/25.5/process/1.3.3.10> ?p ?o }", 60 * 1024);
        for (String[] form : List.of(new String[] {"application/sparql-query", query},
                new String[] {"application/x-www-form-urlencoded", "query=" + encode(query)})) {
            byte[] b = form[1].getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = api.send(api.request("/etom/sparql").header("Content-Type", form[0]).header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(b))));
            assertEquals(200, r.statusCode(), form[0] + ": " + r.body());
            assertTrue(Long.parseLong(r.body().lines().toList().get(1).strip()) > 3, r.body());
        }
    }

    // ---- CORS ------------------------------------------------------------------------------

    @Test
    void withoutCorsConfiguredNoOriginIsAllowed() {
        for (String path : List.of("/api/health", "/api/queries", "/etom/sparql?query=" + encode("ASK {}"))) {
            HttpResponse<String> r = api.get(path, "Origin", "http://a.example");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path + ": " + r.headers().map());
            HttpResponse<String> preflight = preflight(api, path, "http://a.example");
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path + ": " + preflight.headers().map());
        }
    }

    @Test
    void withCorsOnlyTheConfiguredOriginIsAllowed() {
        ApiClient c = ApiClient.of(cors);
        HttpResponse<String> allowed = c.get("/api/health", "Origin", "http://a.example");
        assertEquals(200, allowed.statusCode());
        assertEquals("http://a.example", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(allowed.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), allowed.headers().map().toString());
        HttpResponse<String> sparql = c.get("/etom/sparql?query=" + encode("ASK {}"), "Origin", "http://a.example");
        assertEquals("http://a.example", sparql.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        for (String other : List.of("http://b.example", "http://a.example.evil.example", "https://a.example", "null")) {
            HttpResponse<String> r = c.get("/api/health", "Origin", other);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), r.headers().map().toString());
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other + ": " + r.headers().map());
            HttpResponse<String> p = preflight(c, "/api/extensions/x", other);
            assertTrue(p.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other + ": " + p.headers().map());
        }

        HttpResponse<String> preflight = preflight(c, "/api/extensions/x", "http://a.example");
        assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, preflight.statusCode() + " " + preflight.body());
        assertEquals("http://a.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"), preflight.headers().map().toString());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("authorization"));
        // a preflight stores nothing and needs no user; the write itself still does
        assertEquals(401, c.put("/api/extensions/x", "text/turtle", "<urn:a> <urn:b> <urn:c> .", "Origin", "http://a.example").statusCode());
    }

    // ---- the request log -------------------------------------------------------------------

    @Test
    void everyRequestGetsOneLogLineWithMethodPathStatusAndTime() throws Exception {
        String marker = "log-" + System.nanoTime();
        ApiClient w = ApiClient.of(writable);
        api.get("/api/queries/release-summary?release=25.5&secret=" + marker);
        api.get("/api/queries/" + marker);
        w.put("/api/extensions/" + marker, "text/turtle", "<urn:a> <urn:b> <urn:c> .");
        api.post("/api/validate?" + marker, "text/turtle", padded("", 100 * 1024));
        api.get("/etom/sparql?query=" + encode("ASK { <urn:" + marker + "> ?p ?o }"));
        api.get("/api/queries/runaway?x=" + marker);
        api.get("/api//queries/" + marker);   // refused by Jetty before any filter runs
        api.get("/no-such-page-" + marker);

        // paths that hold the marker were requested once; the others may have been requested by other tests too
        assertLogged("GET", "/api/queries/release-summary", "400", false);
        assertLogged("GET", "/api/queries/" + marker, "404", true);
        assertLogged("PUT", "/api/extensions/" + marker, "401", true);
        assertLogged("POST", "/api/validate", "413", false);
        assertLogged("GET", "/etom/sparql", "200", false);
        assertLogged("GET", "/api//queries/" + marker, "400", true);
        assertLogged("GET", "/no-such-page-" + marker, "404", true);
        List<Matcher> runaway = assertLogged("GET", "/api/queries/runaway", "503", false);
        assertTrue(runaway.stream().anyMatch(m -> Long.parseLong(m.group(4)) >= TIMEOUT_SECONDS * 1000 - 100), runaway.toString());
        assertFalse(logText().contains(marker + "&") || logText().contains("secret=" + marker), "the query string was logged");
    }

    // ---- where it listens ------------------------------------------------------------------

    @Test
    void byDefaultItIsNotReachableOnTheMachinesOtherAddresses() {
        List<InetAddress> others = nonLoopbackAddresses();
        assumeFalse(others.isEmpty(), "this machine has no address but loopback");
        for (InetAddress a : others) assertFalse(reachable(a, strict.port()), "the default server answers on " + a.getHostAddress());
        assertTrue(reachable(InetAddress.getLoopbackAddress(), strict.port()));
    }

    @Test
    void withHostItListensThereAndSaysSo() {
        List<InetAddress> others = nonLoopbackAddresses();
        assumeFalse(others.isEmpty(), "this machine has no address but loopback");
        InetAddress other = others.get(0);
        try (EtomServer s = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES,
                ServerOptions.defaults().withPort(0).withTimeout(TIMEOUT_SECONDS).withHost(other.getHostAddress()))) {
            assertTrue(reachable(other, s.port()), "not listening on " + other);
            assertFalse(reachable(InetAddress.getLoopbackAddress(), s.port()), "listening on loopback too");
            assertEquals("http://" + other.getHostAddress() + ":" + s.port(), s.baseUrl());
            assertEquals(200, ApiClient.of(s).get("/api/health").statusCode());
            try (RDFConnection conn = RDFConnection.queryConnect(s.queryEndpoint()); QueryExecution qe = conn.query("ASK { ?s ?p ?o }")) {
                assertTrue(qe.execAsk());
            }
        }
        try (EtomServer any = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES,
                ServerOptions.defaults().withPort(0).withTimeout(TIMEOUT_SECONDS).withHost("0.0.0.0"))) {
            assertTrue(reachable(other, any.port()));
            assertTrue(reachable(InetAddress.getLoopbackAddress(), any.port()));
            assertEquals(200, ApiClient.of(any).get("/api/health").statusCode());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void assertServerAnswers() {
        HttpResponse<String> health = api.get("/api/health");
        assertEquals(200, health.statusCode(), health.body());
        HttpResponse<String> ask = api.get("/etom/sparql?query=" + encode("ASK { ?s ?p ?o }"), "Accept", "text/csv");
        assertEquals(200, ask.statusCode(), ask.body());
    }

    private static HttpResponse<String> preflight(ApiClient client, String path, String origin) {
        return client.send(client.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin).header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "authorization, content-type"));
    }

    /** A body of at least {@code size} bytes: the text, then Turtle and SPARQL comment lines. */
    private static String padded(String text, int size) {
        StringBuilder b = new StringBuilder(text).append('\n');
        while (b.length() < size) b.append("# ").append("padding ".repeat(12)).append('\n');
        return b.toString();
    }

    private static String logText() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * The log lines of requests with this method, path and status, once at least one is there (the
     * line is written after the answer is sent); exactly one when {@code once}.
     */
    private static List<Matcher> assertLogged(String method, String path, String status, boolean once) throws InterruptedException {
        List<Matcher> lines = new ArrayList<>();
        for (int i = 0; i < 50 && lines.isEmpty(); i++) {
            if (i > 0) Thread.sleep(100);
            for (String line : logText().lines().toList()) {
                Matcher m = LOG_LINE.matcher(line);
                if (m.find() && m.group(1).equals(method) && m.group(2).equals(path) && m.group(3).equals(status)) lines.add(m);
            }
        }
        String what = method + " " + path + " " + status;
        if (once) assertEquals(1, lines.size(), what + " logged " + lines.size() + " times:\n" + logText());
        else assertFalse(lines.isEmpty(), what + " was not logged:\n" + logText());
        return lines;
    }

    private static List<InetAddress> nonLoopbackAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces()))
                if (nic.isUp() && !nic.isLoopback())
                    for (InetAddress a : Collections.list(nic.getInetAddresses()))
                        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) out.add(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies what the server logs to stderr into a buffer the test reads, and on to the real stderr. */
    private static final class Tee extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream out, ByteArrayOutputStream copy) { this.out = out; this.copy = copy; }

        @Override public void write(int b) throws IOException {
            synchronized (copy) { copy.write(b); }
            out.write(b);
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            synchronized (copy) { copy.write(b, off, len); }
            out.write(b, off, len);
        }

        @Override public void flush() throws IOException { out.flush(); }
    }

    /** A loopback socket that counts who connects: a SERVICE endpoint that must never be called. */
    private static final class Trap implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger contacts = new AtomicInteger();

        Trap() throws IOException {
            Thread listener = new Thread(() -> {
                try {
                    socket.setSoTimeout(200);
                    while (!socket.isClosed()) {
                        try (Socket s = socket.accept()) { contacts.incrementAndGet(); } catch (SocketTimeoutException ignored) { /* listen on */ }
                    }
                } catch (IOException closed) { /* done */ }
            }, "service-trap");
            listener.setDaemon(true);
            listener.start();
        }

        String url() { return "http://127.0.0.1:" + socket.getLocalPort() + "/sparql"; }

        int contacts() { return contacts.get(); }

        @Override public void close() throws IOException { socket.close(); }
    }
}
