package org.etomkg.server;

import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.graph.Graph;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.etomkg.archimate.ArchimateExport;
import org.etomkg.archimate.ArchimateModel;
import org.etomkg.archimate.ExportScope;
import org.etomkg.archimate.ReferenceGraph;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the service describes itself and hands out its data, read back with RDF4J's parsers
 * (not Jena's) and Commons CSV: the SPARQL 1.1 Service Description on the query endpoints, the
 * VoID and DCAT description at {@code /.well-known/void}, the downloads of releases, of a stored
 * extension and of the whole store, and the Graph Store Protocol's {@code ?default}. Every
 * count is checked against the store itself.
 */
class PublicationTest {
    static final ValueFactory VF = SimpleValueFactory.getInstance();
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String ETOM = "https://w3id.org/etom-kg/ontology#";
    static final String NORDLICHT_GRAPH = "https://w3id.org/etom-kg/graph/extension/nordlicht";

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static EtomServer server;
    static String base;
    static HttpClient http;

    @BeforeAll
    static void serveAStoreWithAnExtension() throws IOException {
        store = KnowledgeStore.open(TestStores.built(tmp));
        // Stored as the API stores a conforming extension, without the validation this test is not about.
        new ExtensionStore(store).put("nordlicht", new ExtensionReport("https://nordlicht-telecom.example/etom/extension", "25.5", List.of(), null),
            ExtensionSamples.read(Path.of("examples/nordlicht-telecom.ttl")));
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0));
        base = server.baseUrl();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    // ---- ArchiMate ---------------------------------------------------------------------------

    @Test
    void theArchimateDownloadsAreWhatExportArchimateWritesFromTheFiles() throws Exception {
        ArchimateExport export = new ArchimateExport(TestStores.QUERIES);
        Graph files = ReferenceGraph.of(Path.of("ontology"), "25.5", false);
        HttpResponse<byte[]> release = get("/download/release/25.5.archimate.xml", null);
        assertEquals(200, release.statusCode());
        assertArrayEquals(archimate(export.model(files, ExportScope.of("25.5", "1-3", false), "eTOM 25.5")), release.body(),
            "the store's release exports as the shipped files do");
        HttpResponse<byte[]> deeper = get("/download/release/25.5.archimate.xml?levels=1-4", null);
        assertArrayEquals(archimate(export.model(files, ExportScope.of("25.5", "1-4", false), "eTOM 25.5")), deeper.body());

        Graph withExtension = GraphFactory.createDefaultGraph();
        files.find().forEach(withExtension::add);
        ExtensionSamples.read(Path.of("examples/nordlicht-telecom.ttl")).find().forEach(withExtension::add);
        HttpResponse<byte[]> extension = get("/download/extension/nordlicht.archimate.xml", null);
        assertEquals(200, extension.statusCode());
        String xml = new String(extension.body(), StandardCharsets.UTF_8);
        ArchimateModel expected = export.model(withExtension, ExportScope.of("25.5", "1-3", false), "eTOM 25.5 with nordlicht");
        for (var e : expected.elements()) assertTrue(xml.contains("identifier=\"" + e.id() + "\""), e.id() + " exported");
        assertEquals(expected.elements().size(), xml.split("<element ", -1).length - 1, "as many elements as from the file");

        assertEquals(404, get("/download/release/9.9.archimate.xml", null).statusCode());
        assertEquals(400, get("/download/release/25.5.archimate.xml?levels=3-1", null).statusCode());
    }

    private static byte[] archimate(ArchimateModel model) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ArchimateExport.write(model, out);
        return out.toByteArray();
    }

    // ---- service description ---------------------------------------------------------------

    @ParameterizedTest(name = "GET {0} without a query describes the endpoint")
    @ValueSource(strings = { "/etom/sparql", "/etom/query" })
    void aGetWithoutAQueryAnswersTheServiceDescription(String path) throws Exception {
        HttpResponse<byte[]> r = get(path, null);
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        Model sd = Rio.parse(new ByteArrayInputStream(r.body()), base, RDFFormat.TURTLE);

        IRI endpoint = VF.createIRI(base + path);
        Resource service = Models.subject(sd.filter(null, VF.createIRI(SD, "endpoint"), endpoint)).orElseThrow();
        assertTrue(sd.contains(service, RDF.TYPE, VF.createIRI(SD, "Service")));
        assertTrue(sd.contains(service, VF.createIRI(SD, "supportedLanguage"), VF.createIRI(SD, "SPARQL11Query")));
        assertTrue(sd.contains(service, VF.createIRI(SD, "feature"), VF.createIRI(SD, "UnionDefaultGraph")));
        assertFalse(sd.contains(null, VF.createIRI(SD, "feature"), VF.createIRI(SD, "BasicFederatedQuery")), "SERVICE is off");
        assertTrue(sd.contains(service, VF.createIRI(SD, "resultFormat"), VF.createIRI("http://www.w3.org/ns/formats/SPARQL_Results_JSON")));
        assertTrue(sd.contains(service, VF.createIRI(SD, "defaultEntailmentRegime"), VF.createIRI("http://www.w3.org/ns/entailment/Simple")));

        Resource dataset = Models.objectResource(sd.filter(service, VF.createIRI(SD, "defaultDataset"), null)).orElseThrow();
        assertTrue(Models.objectResource(sd.filter(dataset, VF.createIRI(SD, "defaultGraph"), null)).isPresent());
        Set<String> named = new HashSet<>();
        for (Value ng : sd.filter(dataset, VF.createIRI(SD, "namedGraph"), null).objects()) {
            String name = Models.objectIRI(sd.filter((Resource) ng, VF.createIRI(SD, "name"), null)).orElseThrow().stringValue();
            Resource graph = Models.objectResource(sd.filter((Resource) ng, VF.createIRI(SD, "graph"), null)).orElseThrow();
            assertTrue(sd.contains(graph, RDF.TYPE, VF.createIRI(VOID, "Dataset")));
            long triples = Models.objectLiteral(sd.filter(graph, VF.createIRI(VOID, "triples"), null)).orElseThrow().longValue();
            assertEquals(TestStores.triples(store, name), triples, name);
            named.add(name);
        }
        assertEquals(Set.copyOf(store.graphNames()), named);
        assertTrue(named.contains(NORDLICHT_GRAPH), "the stored extension is a graph of the dataset");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({ "application/ld+json, JSONLD", "application/rdf+xml, RDFXML", "application/n-triples, NTRIPLES", "text/turtle, TURTLE" })
    void theDescriptionsAreTheSameGraphInEveryFormat(String accept, String format) throws Exception {
        for (String path : List.of("/etom/sparql", "/.well-known/void")) {
            Model turtle = Rio.parse(new ByteArrayInputStream(get(path, "text/turtle").body()), base, RDFFormat.TURTLE);
            HttpResponse<byte[]> r = get(path, accept);
            assertEquals(200, r.statusCode());
            assertTrue(contentType(r).startsWith(accept), contentType(r));
            Model other = Rio.parse(new ByteArrayInputStream(r.body()), base, rio(format));
            assertTrue(Models.isomorphic(turtle, other), path + " as " + accept + " differs from its Turtle");
        }
    }

    @Test
    void theDescriptionNamesTheHostAndPortTheClientAsked() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /etom/sparql HTTP/1.1\r\nHost: etom.example.org:8443\r\nAccept: application/n-triples\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
            assertTrue(answer.contains("<http://etom.example.org:8443/etom/sparql> <" + SD + "endpoint> <http://etom.example.org:8443/etom/sparql>"), answer);
            assertFalse(answer.contains("127.0.0.1"), "the bound address leaks into the description");
        }
    }

    @Test
    void aGetWithAQueryStillRunsTheQuery() throws Exception {
        String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/etom-kg/graph/release/25.5> { ?s ?p ?o } }";
        HttpResponse<byte[]> r = get("/etom/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/csv"), contentType(r));
        assertEquals(List.of("n", Long.toString(TestStores.triples(store, "https://w3id.org/etom-kg/graph/release/25.5"))),
            new String(r.body(), StandardCharsets.UTF_8).lines().toList());
    }

    // ---- VoID and DCAT ---------------------------------------------------------------------

    @Test
    void theVoidDescriptionNamesTheEndpointTheGraphsTheirCountsAndTheDownloads() throws Exception {
        HttpResponse<byte[]> r = get("/.well-known/void", null);
        assertEquals(200, r.statusCode());
        Model v = Rio.parse(new ByteArrayInputStream(r.body()), base, RDFFormat.TURTLE);
        IRI dataset = VF.createIRI(base + "/.well-known/void#etom-kg");
        assertTrue(v.contains(dataset, RDF.TYPE, VF.createIRI(VOID, "Dataset")));
        assertTrue(v.contains(dataset, RDF.TYPE, VF.createIRI(DCAT, "Dataset")));
        assertTrue(v.contains(dataset, VF.createIRI(VOID, "sparqlEndpoint"), VF.createIRI(base + "/etom/sparql")));
        assertTrue(v.contains(dataset, VF.createIRI("http://purl.org/dc/terms/", "license"), VF.createIRI("https://www.apache.org/licenses/LICENSE-2.0")));
        assertEquals("https://w3id.org/etom-kg/", Models.objectLiteral(v.filter(dataset, VF.createIRI(VOID, "uriSpace"), null)).orElseThrow().stringValue());
        assertEquals(TestStores.quads(store), Models.objectLiteral(v.filter(dataset, VF.createIRI(VOID, "triples"), null)).orElseThrow().longValue());

        Set<String> subsets = new HashSet<>();
        for (Value s : v.filter(dataset, VF.createIRI(VOID, "subset"), null).objects()) {
            long triples = Models.objectLiteral(v.filter((Resource) s, VF.createIRI(VOID, "triples"), null)).orElseThrow().longValue();
            assertEquals(TestStores.triples(store, s.stringValue()), triples, s.stringValue());
            subsets.add(s.stringValue());
        }
        assertEquals(Set.copyOf(store.graphNames()), subsets);

        IRI release = VF.createIRI("https://w3id.org/etom-kg/graph/release/26.0");
        assertEquals("26.0", Models.objectLiteral(v.filter(release, VF.createIRI(DCAT, "version"), null)).map(Literal::stringValue).orElseThrow());
        Set<String> urls = new HashSet<>();
        for (Value d : v.filter(release, VF.createIRI(DCAT, "distribution"), null).objects()) {
            urls.add(Models.objectIRI(v.filter((Resource) d, VF.createIRI(DCAT, "downloadURL"), null)).orElseThrow().stringValue());
            assertTrue(Models.objectIRI(v.filter((Resource) d, VF.createIRI(DCAT, "mediaType"), null)).isPresent());
        }
        assertEquals(Set.of(".ttl", ".jsonld", ".nt", ".csv").stream().map(x -> base + "/download/release/26.0" + x).collect(java.util.stream.Collectors.toSet()), urls);
        assertTrue(v.contains(null, VF.createIRI(DCAT, "downloadURL"), VF.createIRI(base + "/download/extension/nordlicht.csv")));
        assertTrue(v.contains(dataset, VF.createIRI(VOID, "dataDump"), VF.createIRI(base + "/download/etom-kg.nq.gz")));
    }

    @Test
    void theLandingPageLinksTheDescription() throws Exception {
        HttpResponse<byte[]> r = get("/", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().allValues("Link").stream().anyMatch(l -> l.contains("</.well-known/void>") && l.contains("rel=\"describedby\"")),
            r.headers().toString());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("/.well-known/void"), "the page links the description");
    }

    // ---- downloads -------------------------------------------------------------------------

    @ParameterizedTest(name = "release 23.0.1 as {0}")
    @CsvSource({ "ttl, TURTLE, text/turtle", "jsonld, JSONLD, application/ld+json", "nt, NTRIPLES, application/n-triples" })
    void aReleaseDownloadsAsItsGraph(String suffix, String format, String mediaType) throws Exception {
        HttpResponse<byte[]> r = get("/download/release/23.0.1." + suffix, null);
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith(mediaType), contentType(r));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"etom-23.0.1." + suffix + "\""));
        Model m = Rio.parse(new ByteArrayInputStream(r.body()), base, rio(format));
        assertEquals(TestStores.triples(store, "https://w3id.org/etom-kg/graph/release/23.0.1"), m.size());
        assertEquals(processes("23.0.1"), m.filter(null, RDF.TYPE, VF.createIRI(ETOM, "ProcessElement")).size());
    }

    @Test
    void aReleaseDownloadsAsATableOfItsProcesses() throws Exception {
        String release = "26.0";
        HttpResponse<byte[]> r = get("/download/release/" + release + ".csv", null);
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/csv"), contentType(r));
        List<CSVRecord> rows = csv(r.body());
        assertEquals(List.of("identifier", "name", "level", "parent", "domain", "verticalGroups"), rows.get(0).toList());
        assertEquals(processes(release), rows.size() - 1);
        Set<String> ids = new HashSet<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertEquals(6, row.size(), row.toString());
            assertTrue(ids.add(row.get(0)), "one row per process: " + row.get(0));
        }
        CSVRecord orderHandling = rows.stream().filter(x -> x.get(0).equals("1.3.3")).findFirst().orElseThrow();
        assertEquals(List.of("1.3.3", "2", "1.3", "Customer"), List.of(orderHandling.get(0), orderHandling.get(2), orderHandling.get(3), orderHandling.get(4)));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\r\n"), "RFC 4180 ends lines with CRLF");
    }

    @ParameterizedTest(name = "the extension as {0}")
    @CsvSource({ "ttl, TURTLE", "jsonld, JSONLD", "nt, NTRIPLES" })
    void aStoredExtensionDownloadsAsItsGraph(String suffix, String format) throws Exception {
        HttpResponse<byte[]> r = get("/download/extension/nordlicht." + suffix, null);
        assertEquals(200, r.statusCode());
        Model m = Rio.parse(new ByteArrayInputStream(r.body()), base, rio(format));
        assertEquals(TestStores.triples(store, NORDLICHT_GRAPH), m.size());
        assertEquals(extensionProcesses(), m.filter(null, RDF.TYPE, VF.createIRI(ETOM, "ExtensionProcess")).size());
    }

    @Test
    void aStoredExtensionDownloadsAsATableOfItsOwnProcesses() throws Exception {
        HttpResponse<byte[]> r = get("/download/extension/nordlicht.csv", null);
        assertEquals(200, r.statusCode());
        List<CSVRecord> rows = csv(r.body());
        assertEquals(List.of("identifier", "name", "level", "parent", "reference", "domain", "verticalGroups"), rows.get(0).toList());
        assertEquals(extensionProcesses(), rows.size() - 1);
        CSVRecord first = rows.stream().filter(x -> x.get(0).equals("2.3.3.10.1")).findFirst().orElseThrow();
        assertEquals(List.of("2.3.3.10.1", "Capture Web Shop Order", "4", "1.3.3.10", "1.3.3.10", "Customer"), first.toList().subList(0, 6));
    }

    @Test
    void theWholeStoreDownloadsAsGzippedNQuads() throws Exception {
        HttpResponse<byte[]> r = get("/download/etom-kg.nq.gz", null);
        assertEquals(200, r.statusCode());
        assertEquals("application/gzip", contentType(r));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"etom-kg.nq.gz\""));
        long[] quads = { 0 };
        Set<String> graphs = new HashSet<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            Rio.createParser(RDFFormat.NQUADS).setRDFHandler(new AbstractRDFHandler() {
                @Override public void handleStatement(Statement st) {
                    quads[0]++;
                    graphs.add(st.getContext().stringValue());
                }
            }).parse(in, base);
        }
        assertEquals(TestStores.quads(store), quads[0]);
        assertEquals(Set.copyOf(store.graphNames()), graphs);
    }

    @Test
    void aHeadAnswersTheHeadersWithoutTheWork() throws Exception {
        HttpResponse<Void> dump = http.send(HttpRequest.newBuilder(URI.create(base + "/download/etom-kg.nq.gz"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, dump.statusCode());
        assertTrue(dump.headers().firstValue("Content-Disposition").orElse("").contains("etom-kg.nq.gz"));
        HttpResponse<Void> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/download/release/99.9.csv"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(404, missing.statusCode());
    }

    @ParameterizedTest(name = "404 for {0}")
    @ValueSource(strings = { "/download/release/99.9.ttl", "/download/release/26.0.xlsx", "/download/extension/nobody.csv",
        "/download/extension/nobody.ttl", "/download/", "/download/etom-kg.nq" })
    void whatDoesNotExistIsA404WithAMessage(String path) throws Exception {
        HttpResponse<byte[]> r = get(path, null);
        assertEquals(404, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"error\""));
    }

    // ---- the Graph Store Protocol's default graph ------------------------------------------

    @Test
    void theDefaultGraphIsTheUnionTheQueriesSee() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(base + "/etom/get?default"))
            .header("Accept", "application/n-triples").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        long triples;
        try (var lines = r.body()) {
            triples = lines.filter(l -> !l.isBlank()).count();
        }
        assertEquals(unionTriples(), triples);
    }

    @ParameterizedTest(name = "{0}?default")
    @ValueSource(strings = { "/etom/data", "/etom" })
    void theOtherGraphStoreReadsOfTheDefaultGraphAreTheUnionToo(String path) throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + path + "?default"))
            .header("Accept", "application/n-triples").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        try (InputStream in = r.body()) {
            assertTrue(in.readNBytes(1 << 16).length == 1 << 16, "the union, not the empty stored default graph");
        }
    }

    @Test
    void aNamedGraphIsStillReadAlone() throws Exception {
        HttpResponse<byte[]> r = get("/etom/get?graph=" + URLEncoder.encode(NORDLICHT_GRAPH, StandardCharsets.UTF_8), "text/turtle");
        assertEquals(200, r.statusCode());
        assertEquals(TestStores.triples(store, NORDLICHT_GRAPH), Rio.parse(new ByteArrayInputStream(r.body()), base, RDFFormat.TURTLE).size());
    }

    // ---- helpers ---------------------------------------------------------------------------

    static HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String contentType(HttpResponse<?> r) { return r.headers().firstValue("Content-Type").orElse(""); }

    static RDFFormat rio(String name) {
        return switch (name) {
            case "TURTLE" -> RDFFormat.TURTLE;
            case "JSONLD" -> RDFFormat.JSONLD;
            case "RDFXML" -> RDFFormat.RDFXML;
            case "NTRIPLES" -> RDFFormat.NTRIPLES;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static List<CSVRecord> csv(byte[] body) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(new String(body, StandardCharsets.UTF_8)), CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    /** The process elements of a release, counted in the store. */
    static long processes(String release) {
        return count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <https://w3id.org/etom-kg/graph/release/" + release
            + "> { ?e a <" + ETOM + "ProcessElement> } }");
    }

    static long extensionProcesses() {
        return count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <" + NORDLICHT_GRAPH + "> { ?e a <" + ETOM + "ExtensionProcess> } }");
    }

    /** The distinct triples of all graphs: the default graph every query sees. */
    static long unionTriples() {
        return count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    }

    static long count(String query) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.datasetGraph())).query(query).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }
}
