package org.etomkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreContents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SPARQL endpoint as a client sees it: a real Fuseki on a free loopback port over a store
 * built from the real ontology files, spoken to with {@link HttpClient} and with Jena's remote
 * connection. It answers queries in every standard format, refuses every way of writing, does
 * not run SERVICE, stops a runaway query and keeps answering.
 */
class SparqlServerTest {
    static final String RELEASE_25_5_GRAPH = "https://w3id.org/etom-kg/graph/release/25.5";
    static final String COUNT_25_5 = """
        PREFIX etom: <https://w3id.org/etom-kg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
          ?e a etom:ProcessElement ; skos:inScheme/etom:version "25.5" ; etom:level ?level .
          FILTER (?level > 1)
        }""";
    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @TempDir static Path tmp;
    static Path data;
    static KnowledgeStore store;
    static EtomServer server;
    static String dataset;
    static HttpClient http;

    @BeforeAll
    static void serveABuiltStore() throws IOException {
        data = TestStores.built(tmp);
        copyTree(data.resolve("store"), tmp.resolve("copy").resolve("store"));   // for the server with a short timeout
        store = KnowledgeStore.open(data);
        server = EtomServer.start(store, Path.of("queries"), Path.of("shapes"), ServerOptions.defaults().withPort(0).withTimeout(60));
        dataset = "http://127.0.0.1:" + server.port() + EtomServer.DATASET;
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void listensOnAFreeLoopbackPort() throws IOException {
        assertTrue(server.port() > 0);
        assertEquals(dataset + "/sparql", server.queryEndpoint());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            assertTrue(s.isConnected());
        }
    }

    @Test
    void isNotReachableOnTheMachinesOtherAddresses() throws IOException {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces()))
            if (nic.isUp() && !nic.isLoopback())
                for (InetAddress a : Collections.list(nic.getInetAddresses()))
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) others.add(a);
        assumeFalse(others.isEmpty(), "this machine has no address but loopback");
        for (InetAddress a : others) {
            try (Socket s = new Socket()) {
                assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(a, server.port()), 2000),
                    "the server answers on " + a.getHostAddress());
            }
        }
    }

    // ---- queries ---------------------------------------------------------------------------

    @ParameterizedTest(name = "GET with Accept: {0}")
    @CsvSource({
        "application/sparql-results+json, application/sparql-results+json",
        "application/sparql-results+xml, application/sparql-results+xml",
        "text/csv, text/csv",
        "text/tab-separated-values, text/tab-separated-values",
    })
    void getAnswersInTheFormatAsked(String accept, String contentType) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(dataset + "/sparql?query=" + encode(COUNT_25_5)))
            .header("Accept", accept).GET());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(contentType), r.headers().toString());
        assertEquals(2893, countIn(contentType, r.body()));
    }

    @Test
    void postAnswersAQueryAsBodyOrAsAForm() throws Exception {
        HttpResponse<String> direct = send(HttpRequest.newBuilder(URI.create(dataset + "/sparql"))
            .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
            .POST(HttpRequest.BodyPublishers.ofString(COUNT_25_5)));
        assertEquals(200, direct.statusCode(), direct.body());
        assertEquals(2893, countIn("application/sparql-results+json", direct.body()));

        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(dataset + "/sparql"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + encode(COUNT_25_5))));
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(2893, countIn("text/csv", form.body()));
    }

    @Test
    void jenasRemoteConnectionGetsTheSameCountAsTheStoreItself() {
        long local = Txn.calculateRead(store.datasetGraph(), () -> {
            try (RDFConnection conn = store.connect(); QueryExecution qe = conn.query(COUNT_25_5)) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
        assertEquals(2893, local);
        try (RDFConnection remote = RDFConnection.queryConnect(server.queryEndpoint()); QueryExecution qe = remote.query(COUNT_25_5)) {
            assertEquals(local, qe.execSelect().next().getLiteral("n").getLong());
        }
    }

    @Test
    void graphStoreProtocolReadsARelease() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(dataset + "/get?graph=" + encode(RELEASE_25_5_GRAPH)))
            .header("Accept", "text/turtle").GET());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph served = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).parse(served);
        boolean same = Txn.calculateRead(store.datasetGraph(),
            () -> store.datasetGraph().getGraph(NodeFactory.createURI(RELEASE_25_5_GRAPH)).isIsomorphicWith(served));
        assertTrue(same, "the served graph differs from the stored one");

        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(dataset + "/get?graph=" + encode("urn:no-such-graph")))
            .header("Accept", "text/turtle").GET());
        assertEquals(404, missing.statusCode());
    }

    // ---- safe by default -------------------------------------------------------------------

    @Test
    void everyWayOfWritingIsRefused() throws Exception {
        long before = quads();
        String drop = "DROP ALL";
        String insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }";
        List<HttpRequest.Builder> writes = List.of(
            post("/update", "application/sparql-update", drop),
            post("/update", "application/x-www-form-urlencoded", "update=" + encode(insert)),
            post("/sparql", "application/sparql-update", drop),
            post("/sparql", "application/x-www-form-urlencoded", "update=" + encode(drop)),
            post("", "application/sparql-update", insert),
            post("", "application/x-www-form-urlencoded", "update=" + encode(drop)),
            post("/data?graph=" + encode("urn:x"), "text/turtle", "<urn:a> <urn:b> <urn:c> ."),
            post("/get?graph=" + encode("urn:x"), "text/turtle", "<urn:a> <urn:b> <urn:c> ."),
            HttpRequest.newBuilder(URI.create(dataset + "/get?graph=" + encode(RELEASE_25_5_GRAPH)))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")),
            HttpRequest.newBuilder(URI.create(dataset + "/get?graph=" + encode(RELEASE_25_5_GRAPH))).DELETE(),
            HttpRequest.newBuilder(URI.create(dataset + "?graph=" + encode(RELEASE_25_5_GRAPH))).DELETE());
        for (HttpRequest.Builder w : writes) {
            HttpResponse<String> r = send(w);
            String what = r.request().method() + " " + r.request().uri();
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.body());
        }
        try (RDFConnection conn = RDFConnection.connect(dataset)) {
            HttpException e = assertThrows(HttpException.class, () -> conn.update(drop));
            assertTrue(e.getStatusCode() >= 400 && e.getStatusCode() < 500, "status " + e.getStatusCode());
        }
        assertEquals(before, quads(), "the store changed");
        try (RDFConnection remote = RDFConnection.queryConnect(server.queryEndpoint()); QueryExecution qe = remote.query(COUNT_25_5)) {
            assertEquals(2893, qe.execSelect().next().getLiteral("n").getLong());
        }
    }

    @Test
    void serviceIsRefusedAndContactsNothing() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger contacts = new AtomicInteger();
            Thread listener = new Thread(() -> {
                try {
                    trap.setSoTimeout(200);
                    while (!trap.isClosed()) {
                        try (Socket s = trap.accept()) { contacts.incrementAndGet(); } catch (SocketTimeoutException ignored) { /* keep listening */ }
                    }
                } catch (IOException closed) { /* the test is over */ }
            });
            listener.setDaemon(true);
            listener.start();

            String trapUrl = "http://127.0.0.1:" + trap.getLocalPort() + "/sparql";
            for (String q : List.of(
                    "SELECT * WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                    "SELECT * WHERE { BIND (<" + trapUrl + "> AS ?endpoint) SERVICE ?endpoint { ?s ?p ?o } }")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(dataset + "/sparql?query=" + encode(q))).header("Accept", "text/csv").GET());
                assertTrue(r.statusCode() >= 400, q + " answered " + r.statusCode() + ": " + r.body());
            }
            HttpResponse<String> silent = send(HttpRequest.newBuilder(URI.create(dataset + "/sparql?query="
                + encode("SELECT * WHERE { SERVICE SILENT <" + trapUrl + "> { ?s ?p ?o } }"))).header("Accept", "text/csv").GET());
            assertTrue(silent.statusCode() >= 400 || silent.body().lines().count() <= 2, "SERVICE SILENT answered " + silent.body());
            Thread.sleep(300);
            assertEquals(0, contacts.get(), "the server called the SERVICE endpoint");
        }
    }

    @Test
    void aRunawayQueryIsStoppedAndTheServerAnswersAfterwards() throws Exception {
        try (KnowledgeStore copy = KnowledgeStore.open(tmp.resolve("copy"));
             EtomServer strict = EtomServer.start(copy, Path.of("queries"), Path.of("shapes"), ServerOptions.defaults().withPort(0).withTimeout(2))) {
            String endpoint = strict.queryEndpoint();
            long start = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + encode(RUNAWAY)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).GET());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(r.statusCode() >= 400, "the runaway query answered " + r.statusCode() + ": " + r.body());
            assertTrue(seconds < 30, "stopped only after " + seconds + " s");

            HttpResponse<String> after = send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + encode("ASK { ?s ?p ?o }")))
                .header("Accept", "text/csv").GET());
            assertEquals(200, after.statusCode(), after.body());
            assertTrue(after.body().strip().endsWith("true"), after.body());
        }
        // the server with the long timeout is unaffected
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.queryEndpoint() + "?query=" + encode(COUNT_25_5)))
            .header("Accept", "text/csv").GET());
        assertEquals(200, r.statusCode());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(dataset + path)).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The single value ?n of a one-row result, read in the result's own format. */
    private static long countIn(String contentType, String body) throws IOException {
        switch (contentType) {
            case "application/sparql-results+json" -> {
                JsonNode json = new ObjectMapper().readTree(body);
                assertEquals("n", json.path("head").path("vars").get(0).asText());
                JsonNode bindings = json.path("results").path("bindings");
                assertEquals(1, bindings.size());
                assertEquals("http://www.w3.org/2001/XMLSchema#integer", bindings.get(0).path("n").path("datatype").asText());
                return bindings.get(0).path("n").path("value").asLong();
            }
            case "application/sparql-results+xml" -> {
                assertTrue(body.contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"), body);
                assertTrue(body.contains("<variable name=\"n\"/>"), body);
                String literal = body.replaceAll("(?s).*<binding name=\"n\">\\s*<literal[^>]*>([0-9]+)</literal>.*", "$1");
                return Long.parseLong(literal);
            }
            case "text/csv" -> {
                List<String> lines = body.lines().toList();
                assertEquals(List.of("n"), List.of(lines.get(0)));
                assertEquals(2, lines.size());
                return Long.parseLong(lines.get(1));
            }
            case "text/tab-separated-values" -> {
                List<String> lines = body.lines().toList();
                assertEquals("?n", lines.get(0));
                assertEquals(2, lines.size());
                return Long.parseLong(lines.get(1));
            }
            default -> throw new IllegalArgumentException(contentType);
        }
    }

    private static long quads() {
        return StoreContents.quads(store);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
