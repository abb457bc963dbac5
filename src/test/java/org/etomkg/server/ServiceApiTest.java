package org.etomkg.server;

import static org.etomkg.server.ApiClient.contentType;
import static org.etomkg.server.ApiClient.encode;
import static org.etomkg.server.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.bpmn.BpmnImport;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The named-query API, its OpenAPI description and the health check, as a client sees them:
 * a real service on a free loopback port over a store built from {@code ontology/}, spoken to
 * with {@link java.net.http.HttpClient} and Jena's remote connection.
 */
class ServiceApiTest {
    static final Pattern PARAM = Pattern.compile("#\\s*@param\\s+(\\w+)\\s+(\\w+)(?:\\s*=\\s*(\\S+))?\\s*(.*)");
    static final Pattern TITLE = Pattern.compile("#\\s*@title\\s+(.+)");

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static EtomServer server;
    static ApiClient api;

    @BeforeAll
    static void serve() {
        store = KnowledgeStore.open(TestStores.built(tmp));
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0));
        api = ApiClient.of(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    // ---- POST /api/import/bpmn -------------------------------------------------------------

    static final String EXAMPLE_MODEL = "examples/bpmn/fjordlys-order-to-activation.bpmn";

    @Test
    void importBpmnDraftsTheModelWithEachActivitysParentAndSuggestionsAndHonoursAChosenParent() throws IOException {
        String model = Files.readString(Path.of(EXAMPLE_MODEL));
        String at = "/api/import/bpmn?release=25.5&name=fjordlys-o2a&file=o2a.bpmn";
        HttpResponse<String> r = api.post(at, "application/xml", model);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode draft = json(r);
        JsonNode activities = draft.path("activities");
        assertEquals(10, activities.size(), r.body());
        List<String> suggested = new ArrayList<>();
        for (JsonNode a : activities) {
            assertEquals("o2a.bpmn", a.path("file").asText());
            assertEquals(5, a.path("suggestions").size(), a.toString());
            assertFalse(a.path("parent").path("name").asText().isBlank(), a.toString());
            if (a.path("suggested").asBoolean()) suggested.add(a.path("id").asText());
        }
        assertEquals(List.of("Task_Decompose", "Task_Port", "Task_Activate", "Task_Billing"), suggested);
        JsonNode visit = find(activities, "Task_Visit");
        assertEquals("1.5.5.7", visit.path("parent").path("identifier").asText());
        assertEquals("model", visit.path("source").asText());
        assertTrue(draft.path("turtle").asText().contains("skos:editorialNote"), "suggested parents are marked in the draft");
        assertEquals(200, api.post("/api/validate", "text/turtle", draft.path("turtle").asText()).statusCode(), "the draft reads as an extension");

        // The architect moves billing under a process of their choice: it is stated now, and the draft follows.
        HttpResponse<String> changed = api.post(at + "&" + encode("parent.o2a.bpmn#Task_Billing") + "=1.3.3.10", "application/xml", model);
        assertEquals(200, changed.statusCode(), changed.body());
        JsonNode billing = find(json(changed).path("activities"), "Task_Billing");
        assertEquals("1.3.3.10", billing.path("parent").path("identifier").asText());
        assertEquals("chosen", billing.path("source").asText());
        assertFalse(billing.path("suggested").asBoolean());
        assertTrue(json(changed).path("turtle").asText().contains("2.3.3.10."), "a process of the CSP under the chosen parent");

        HttpResponse<String> unknown = api.post(at + "&" + encode("parent.o2a.bpmn#Task_Billing") + "=1.9.9", "application/xml", model);
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(json(api.get("/api/openapi.json")).path("paths").has("/api/import/bpmn"), "described in the OpenAPI document");
    }

    @Test
    void aDraftOpensAgainForMappingAndAChosenParentRenumbersTheActivity() throws IOException {
        String model = Files.readString(Path.of(EXAMPLE_MODEL));
        String turtle = json(api.post("/api/import/bpmn?release=25.5&name=fjordlys-o2a&file=o2a.bpmn", "application/xml", model)).path("turtle").asText();
        HttpResponse<String> r = api.post("/api/mapping/draft", "text/turtle", turtle);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode draft = json(r);
        assertEquals("25.5", draft.path("release").asText(), "the release the draft extends");
        JsonNode activities = draft.path("activities");
        assertEquals(10, activities.size(), r.body());
        Set<String> suggested = new TreeSet<>();
        for (JsonNode a : activities) if (a.path("suggested").asBoolean()) suggested.add(a.path("id").asText());
        assertEquals(Set.of("Task_Decompose", "Task_Port", "Task_Activate", "Task_Billing"), suggested, "the draft's review notes");
        JsonNode port = find(activities, "Task_Port");
        assertEquals("o2a.bpmn", port.path("file").asText());
        assertEquals("suggested", port.path("source").asText());
        assertEquals(5, port.path("suggestions").size(), port.toString());
        assertFalse(port.path("lane").asText().isBlank(), "the unit Responsible: " + port);
        String was = port.path("parent").path("identifier").asText();
        assertFalse(was.equals("1.5.4.7"), was);

        // The architect puts the port reservation under number portability: renumbered there, statements and all.
        HttpResponse<String> moved = api.post("/api/mapping/draft?" + encode("parent.o2a.bpmn#Task_Port") + "=1.5.4.7", "text/turtle", turtle);
        assertEquals(200, moved.statusCode(), moved.body());
        JsonNode after = find(json(moved).path("activities"), "Task_Port");
        assertEquals("1.5.4.7", after.path("parent").path("identifier").asText());
        assertEquals("chosen", after.path("source").asText());
        String t = json(moved).path("turtle").asText();
        assertTrue(t.contains("skos:notation \"2.5.4.7.1\"") && t.contains("ext:raci-2.5.4.7.1-r"), t);
        assertFalse(t.contains("2" + was.substring(1) + ".1"), "nothing left under the old number: " + t);
        JsonNode report = json(api.post("/api/validate?release=25.5", "text/turtle", t));
        assertTrue(report.path("conforms").asBoolean(), report.toString());

        assertEquals(400, api.post("/api/mapping/draft?" + encode("parent.o2a.bpmn#Task_Port") + "=1.9.9", "text/turtle", turtle).statusCode());
        assertEquals(400, api.post("/api/mapping/draft", "text/turtle", "<a> <b> <c> .").statusCode(), "not a draft");
        assertEquals(404, api.get("/api/mapping/draft?extension=no-such-draft").statusCode());
        assertTrue(json(api.get("/api/openapi.json")).path("paths").has("/api/mapping/draft"), "described in the OpenAPI document");
    }

    @Test
    void importBpmnTakesSeveralModelsAsTheFilePartsOfAForm() {
        String second = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
            + "<process id=\"P\" name=\"Trouble to resolve\"><task id=\"Task_Ticket\" name=\"Open a trouble ticket\"/></process></definitions>";
        String boundary = "etomkg" + System.nanoTime();
        StringBuilder form = new StringBuilder();
        for (String[] part : List.of(new String[] { "o2a.bpmn", readExample() }, new String[] { "t2r.bpmn", second }))
            form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"model\"; filename=\"").append(part[0])
                .append("\"\r\nContent-Type: application/xml\r\n\r\n").append(part[1]).append("\r\n");
        form.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> r = api.post("/api/import/bpmn?name=two&release=25.5&" + encode("parent.t2r.bpmn#Task_Ticket") + "=1.3.6",
            "multipart/form-data; boundary=" + boundary, form.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode activities = json(r).path("activities");
        assertEquals(11, activities.size(), r.body());
        JsonNode ticket = find(activities, "Task_Ticket");
        assertEquals("t2r.bpmn", ticket.path("file").asText());
        assertEquals("1.3.6", ticket.path("parent").path("identifier").asText());
        assertEquals("chosen", ticket.path("source").asText());
    }

    private static String readExample() {
        try {
            return Files.readString(Path.of(EXAMPLE_MODEL));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void importBpmnOfABrokenModelIs400NamingTheFileAndElementAndStoresNothing() {
        String before = api.get("/api/extensions").body();
        String broken = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
            + "<process id=\"P\"><task id=\"Task_A\" name=\"Take the order\"/><task id=\"Task_B\" name=\"Ship it\"/>"
            + "<sequenceFlow id=\"Flow_Lost\" targetRef=\"Task_B\"/></process></definitions>";
        HttpResponse<String> r = api.post("/api/import/bpmn?name=broken&file=lost.bpmn", "application/xml", broken);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("lost.bpmn") && r.body().contains("Flow_Lost"), r.body());
        assertFalse(r.body().contains("etom-kg-bpmn-"), "no server path in the message: " + r.body());
        assertEquals(400, api.post("/api/import/bpmn?name=x", "application/xml", "not xml").statusCode());
        assertEquals(400, api.post("/api/import/bpmn?name=x&file=..%2Fescape.bpmn", "application/xml", broken).statusCode());
        StringBuilder huge = new StringBuilder("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\"><process id=\"P\">");
        for (int i = 0; i <= BpmnImport.MAX_MAPPED; i++) huge.append("<task id=\"T").append(i).append("\" name=\"1.3.3.10 Take order ").append(i).append("\"/>");
        HttpResponse<String> tooMany = api.post("/api/import/bpmn?name=x", "application/xml", huge.append("</process></definitions>").toString());
        assertEquals(400, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("split the model"), tooMany.body());
        assertEquals(413, api.post("/api/import/bpmn?name=x", "application/xml", " ".repeat(11 << 20)).statusCode(), "the server's body limit holds");
        assertEquals(before, api.get("/api/extensions").body(), "nothing stored");
    }

    private static JsonNode find(JsonNode activities, String id) {
        for (JsonNode a : activities) if (a.path("id").asText().equals(id)) return a;
        throw new AssertionError("no activity " + id + " in " + activities);
    }

    // ---- GET /api/suggest ------------------------------------------------------------------

    @Test
    void suggestRanksParentsOfTheLatestReleaseWithReasonsInTheActivitysWords() throws IOException {
        HttpResponse<String> r = api.get("/api/suggest?text=" + encode("Chase unpaid invoices") + "&context=Collections&limit=3");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/json"), contentType(r));
        JsonNode answer = json(r);
        assertEquals("26.0", answer.path("release").asText(), "the latest release in the store by default");
        JsonNode list = answer.path("suggestions");
        assertEquals(3, list.size(), r.body());
        JsonNode top = list.get(0);
        assertTrue(top.path("identifier").asText().startsWith("1.3.10.3"), "debt collection first: " + r.body());
        assertTrue(top.path("matched").toString().contains("\"invoices\""), "the activity's own word, not a stem: " + top);
        assertTrue(top.path("reason").asText().contains("level " + top.path("level").asInt()), top.toString());
        assertTrue(list.get(0).path("score").asDouble() >= list.get(1).path("score").asDouble(), r.body());
        double meaning = top.path("meaning").asDouble(-1);
        assertTrue(meaning > 0.3 && meaning <= 1, "unpaid invoices and overdue invoice follow-up are close in meaning: " + top);
        assertTrue(top.path("reason").asText().contains(String.format(java.util.Locale.ROOT, "meaning %.2f", meaning)), top.toString());

        JsonNode older = json(api.get("/api/suggest?text=" + encode("Chase unpaid invoices") + "&release=25.5"));
        assertEquals("25.5", older.path("release").asText());
    }

    @Test
    void suggestRefusesAMissingTextABadLimitAndAnUnknownRelease() {
        assertEquals(400, api.get("/api/suggest").statusCode());
        assertEquals(400, api.get("/api/suggest?text=%20").statusCode());
        assertEquals(400, api.get("/api/suggest?text=bill&limit=0").statusCode());
        assertEquals(400, api.get("/api/suggest?text=bill&limit=x").statusCode());
        HttpResponse<String> r = api.get("/api/suggest?text=bill&release=9.9");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("unknown release"), r.body());
        assertTrue(json(api.get("/api/openapi.json")).path("paths").has("/api/suggest"), "described in the OpenAPI document");
    }

    // ---- GET /api/queries ------------------------------------------------------------------

    @Test
    void listsEveryQueryFileWithItsTitleAndParameters() throws IOException {
        HttpResponse<String> r = api.get("/api/queries");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/json"), contentType(r));
        Map<String, JsonNode> listed = new TreeMap<>();
        for (JsonNode q : json(r)) listed.put(q.path("name").asText(), q);

        Map<String, List<String[]>> files = queryHeaders();
        assertEquals(files.keySet(), listed.keySet(), "the list differs from queries/*.rq");
        for (var e : files.entrySet()) {
            JsonNode q = listed.get(e.getKey());
            assertFalse(q.path("title").asText().isBlank(), e.getKey() + " has no title");
            assertEquals(title(e.getKey()), q.path("title").asText());
            assertTrue(q.has("description"), e.getKey());
            assertEquals("/api/queries/" + e.getKey(), q.path("href").asText());
            List<String[]> declared = e.getValue();
            JsonNode params = q.path("parameters");
            assertEquals(declared.size(), params.size(), e.getKey() + ": " + params);
            for (int i = 0; i < declared.size(); i++) {
                String[] d = declared.get(i);
                JsonNode p = params.get(i);
                assertEquals(d[0], p.path("name").asText(), e.getKey());
                assertEquals(d[1], p.path("type").asText(), e.getKey() + " " + d[0]);
                assertEquals(d[2] == null, p.path("required").asBoolean(), e.getKey() + " " + d[0]);
                if (d[2] != null) assertEquals(d[2], p.path("default").asText(), e.getKey() + " " + d[0]);
                assertEquals(d[3], p.path("description").asText(), e.getKey() + " " + d[0]);
            }
        }
        assertTrue(listed.containsKey("release-summary") && listed.containsKey("path-to-root"), listed.keySet().toString());
    }

    // ---- GET /api/queries/{name} -----------------------------------------------------------

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
        "application/sparql-results+json | application/sparql-results+json",
        "application/json                | application/sparql-results+json",
        "text/csv                        | text/csv",
        "text/tab-separated-values       | text/tab-separated-values",
        "'*/*'                           | application/sparql-results+json",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | application/sparql-results+json",
    })
    void releaseSummaryAnswersInTheFormatAsked(String accept, String expected) {
        HttpResponse<String> r = api.get("/api/queries/release-summary?release=25.5", "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith(expected), contentType(r));
        Map<String, String> perLevel = new TreeMap<>();
        for (QuerySolution s : rows(expected, r.body())) perLevel.put(lexical(s.get("level")), lexical(s.get("count")));
        assertEquals("120", perLevel.get("2"), "release 25.5 has 120 level 2 processes: " + perLevel);
        assertTrue(Set.of("1", "2", "3", "4", "5", "6", "7").containsAll(perLevel.keySet()), perLevel.toString());
        assertTrue(perLevel.containsKey("1") && perLevel.containsKey("3"), perLevel.toString());
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
        "text/csv;q=0.2, application/sparql-results+json    | application/sparql-results+json",
        "application/sparql-results+json;q=0.5, text/csv    | text/csv",
        "text/tab-separated-values;q=0.9, text/csv;q=0.8    | text/tab-separated-values",
        "application/sparql-results+xml, text/*;q=0.1       | text/csv",
        "TEXT/CSV                                           | text/csv",
        "'*/*, text/tab-separated-values'                   | text/tab-separated-values",
    })
    void acceptIsWeighedByQuality(String accept, String expected) {
        HttpResponse<String> r = api.get("/api/queries/release-summary?release=25.5", "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith(expected), contentType(r));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), r.headers().map().toString());
        assertEquals("120", rows(expected, r.body()).stream().filter(s -> lexical(s.get("level")).equals("2"))
            .map(s -> lexical(s.get("count"))).findFirst().orElse(null));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/sparql-results+xml", "text/turtle", "text/csv;q=0", "image/png, application/xml"})
    void anAnswerNoneOfWhoseFormatsIsAcceptableIs406(String accept) {
        HttpResponse<String> r = api.get("/api/queries/release-summary?release=25.5", "Accept", accept);
        assertEquals(406, r.statusCode(), r.body());
        assertTrue(json(r).path("error").asText().contains("text/csv"), r.body());
    }

    @Test
    void noAcceptHeaderMeansSparqlJson() {
        HttpResponse<String> r = api.get("/api/queries/release-summary?release=25.5");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/sparql-results+json"), contentType(r));
        assertEquals(List.of("level", "count"), vars(json(r)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/sparql-results+json", "text/csv", "text/tab-separated-values"})
    void aNamedQueryAnswersWhatTheSameSparqlAnswersAtTheEndpoint(String format) {
        // the same SPARQL, with the parameters substituted, sent straight to /etom/sparql by Jena's remote connection
        String text = readQuery("path-to-root");
        List<Map<String, String>> direct = new ArrayList<>();
        try (RDFConnection conn = RDFConnectionRemote.service(server.baseUrl() + EtomServer.DATASET).queryEndpoint("sparql").build();
             QueryExecution qe = conn.newQuery().query(text)
                 .substitution("id", org.apache.jena.rdf.model.ResourceFactory.createPlainLiteral("1.3.3.10.2"))
                 .substitution("release", org.apache.jena.rdf.model.ResourceFactory.createPlainLiteral("25.5")).build()) {
            qe.execSelect().forEachRemaining(s -> direct.add(lexicalRow(s)));
        }
        assertEquals(List.of("1.3", "1.3.3", "1.3.3.10", "1.3.3.10.2"), direct.stream().map(m -> m.get("identifier")).toList());

        HttpResponse<String> r = api.get("/api/queries/path-to-root?id=1.3.3.10.2&release=25.5", "Accept", format);
        assertEquals(200, r.statusCode(), r.body());
        List<Map<String, String>> viaApi = rows(format, r.body()).stream().map(ServiceApiTest::lexicalRow).toList();
        assertEquals(direct, viaApi);
    }

    @Test
    void jenasRemoteConnectionReadsTheNamedQueryAnswer() {
        // a SPARQL JSON answer that Jena's own result reader accepts, typed as the store has it
        HttpResponse<String> r = api.get("/api/queries/release-summary?release=25.5", "Accept", "application/sparql-results+json");
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        long total = 0;
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            assertEquals("http://www.w3.org/2001/XMLSchema#integer", s.getLiteral("count").getDatatypeURI());
            total += s.getLiteral("count").getLong();
        }
        try (RDFConnection conn = RDFConnection.queryConnect(server.queryEndpoint());
             QueryExecution qe = conn.query("""
                 PREFIX etom: <https://w3id.org/etom-kg/ontology#>
                 PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                 SELECT (COUNT(?e) AS ?n) WHERE { ?e a etom:ProcessElement ; skos:inScheme/etom:version "25.5" }""")) {
            assertEquals(qe.execSelect().next().getLiteral("n").getLong(), total);
        }
    }

    @Test
    void defaultsApplyWhenAnOptionalParameterIsLeftOut() {
        HttpResponse<String> withDefault = api.get("/api/queries/release-summary", "Accept", "text/csv");
        HttpResponse<String> explicit = api.get("/api/queries/release-summary?release=26.0", "Accept", "text/csv");
        assertEquals(200, withDefault.statusCode(), withDefault.body());
        assertEquals(explicit.body(), withDefault.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // path and query                                      | words the message must hold
        "/api/queries/path-to-root                              | needs parameter 'id', identifier",
        "/api/queries/path-to-root?release=25.5                 | needs parameter 'id'",
        "/api/queries/map-cell?domain=Resource                  | needs parameter 'group', string",
        "/api/queries/release-summary?release=latest            | parameter 'release', release, 'latest', not a release number",
        "/api/queries/release-summary?release=25.5.            | parameter 'release', not a release number",
        "/api/queries/path-to-root?id=order-handling            | parameter 'id', identifier, 'order-handling', not an eTOM process identifier",
        "/api/queries/path-to-root?id=1.3.x                     | parameter 'id', not an eTOM process identifier",
        "/api/queries/release-summary?level=2                   | no parameter 'level', release",
        "/api/queries/release-summary?release=25.5&release=26.0 | 'release', more than once",
    })
    void aMissingOrIllTypedParameterIs400WithAClearMessage(String pathAndQuery, String words) {
        HttpResponse<String> r = api.get(pathAndQuery, "Accept", "text/csv");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/json"), contentType(r));
        JsonNode problem = json(r);
        assertEquals(400, problem.path("status").asInt());
        String message = problem.path("error").asText();
        for (String w : words.split(",")) assertTrue(message.contains(w.strip()), "'" + message + "' lacks '" + w.strip() + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/queries/..%2F..%2Fpom.xml", "/api/queries/%2e%2e/%2e%2e/pom", "/api/queries/checks%2Fhygiene",
        "/api/queries/..%5C..%5Cpom"})
    void aPathOutsideTheQueriesFolderIsNeverRead(String path) {
        HttpResponse<String> r = api.get(path);
        assertTrue(r.statusCode() == 400 || r.statusCode() == 404, r.statusCode() + " " + r.body());
        assertFalse(r.body().contains("<project") || r.body().contains("SELECT"), r.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/queries/no-such-query", "/api/queries/releases.rq", "/api/queries/checks",
        "/api/queries/", "/api/nothing-here", "/api"})
    void anUnknownQueryOrResourceIs404(String path) {
        HttpResponse<String> r = api.get(path);
        assertEquals(404, r.statusCode(), r.body());
    }

    @Test
    void theMessageOfAnUnknownQueryPointsAtTheList() {
        HttpResponse<String> r = api.get("/api/queries/no-such-query");
        assertTrue(json(r).path("error").asText().contains("no named query 'no-such-query'"), r.body());
        assertTrue(json(r).path("error").asText().contains("/api/queries"), r.body());
    }

    @Test
    void writingToAQueryIsNotAllowed() {
        HttpResponse<String> r = api.post("/api/queries/release-summary", "application/sparql-query", "DROP ALL");
        assertTrue(r.statusCode() == 404 || r.statusCode() == 405, r.statusCode() + " " + r.body());
    }

    // ---- injection -------------------------------------------------------------------------

    /** Values that would change the query if they were spliced into its text. */
    static final List<String> HOSTILE = List.of(
        "order\"",
        "order' ",
        "\") } UNION { ?element ?p ?name . BIND(\"x\" AS ?identifier) BIND(1 AS ?level) } #",
        "x\" ) ) } UNION { ?element <http://www.w3.org/2000/01/rdf-schema#label> ?name } #",
        "} UNION {",
        "{ ?s ?p ?o }",
        "\" || true || \"",
        "\"))) } ; DROP ALL ; #",
        "DROP ALL",
        "\"\"\" . } DROP ALL { \"\"\"",
        "order # comment",
        "order\n} UNION { ?element ?p ?name }\n#",
        "order\r\nDROP ALL",
        "\\\" } UNION { ?s ?p ?o } #",
        "%22%7D");

    @Test
    void hostileStringValuesAreInert() {
        long before = TestStores.quads(store);
        HttpResponse<String> honest = api.get("/api/queries/search?release=25.5&text=" + encode("customer order"), "Accept", "text/csv");
        assertEquals(200, honest.statusCode(), honest.body());
        assertTrue(honest.body().lines().count() > 1, "the honest search finds nothing: " + honest.body());
        for (String value : HOSTILE) {
            HttpResponse<String> r = api.get("/api/queries/search?release=25.5&text=" + encode(value), "Accept", "text/csv");
            assertEquals(200, r.statusCode(), value + ": " + r.body());
            List<String> lines = r.body().lines().toList();
            assertEquals("identifier,name,level,score,match,path,marked", lines.get(0), value);
            // only the value's letters and digits are searched for: the rest can neither add a row nor fail the query
            String words = value.replaceAll("[^\\p{L}\\p{N}]+", " ");
            assertEquals(api.get("/api/queries/search?release=25.5&text=" + encode(words), "Accept", "text/csv").body(), r.body(),
                "the value " + value + " changed the answer");

            HttpResponse<String> cell = api.get("/api/queries/map-cell?release=25.5&domain=" + encode(value) + "&group=" + encode(value),
                "Accept", "text/csv");
            assertEquals(200, cell.statusCode(), value + ": " + cell.body());
            assertEquals(1, cell.body().lines().count(), "the value " + value + " changed the answer: " + cell.body());
        }
        assertEquals(before, TestStores.quads(store), "the store changed");
    }

    @Test
    void hostileValuesOfTypedParametersAre400AndChangeNothing() {
        long before = TestStores.quads(store);
        for (String value : HOSTILE) {
            for (String path : List.of("/api/queries/path-to-root?release=25.5&id=", "/api/queries/release-summary?release=")) {
                HttpResponse<String> r = api.get(path + encode(value), "Accept", "text/csv");
                assertEquals(400, r.statusCode(), path + value + ": " + r.body());
                assertTrue(json(r).path("error").asText().contains("is not valid"), r.body());
            }
        }
        assertEquals(before, TestStores.quads(store), "the store changed");
        assertEquals(200, api.get("/api/health").statusCode());
    }

    @Test
    void aValueIsBoundAsATermNotAsText() {
        // 1.3.3.10.2 is a real identifier; with a trailing quote and comment it is not one, and is refused, not truncated
        assertEquals(200, api.get("/api/queries/process?id=1.3.3.10.2").statusCode());
        assertEquals(400, api.get("/api/queries/process?id=" + encode("1.3.3.10.2\" #")).statusCode());
        // a search for the exact label of a process finds that process first, and a quote added to it is just a character
        HttpResponse<String> exact = api.get("/api/queries/search?release=25.5&text=" + encode("Change Customer Order"), "Accept", "text/csv");
        HttpResponse<String> quoted = api.get("/api/queries/search?release=25.5&text=" + encode("Change Customer Order\""), "Accept", "text/csv");
        assertTrue(exact.body().lines().skip(1).findFirst().orElse("").startsWith("1.3.3.10.2,Change Customer Order,"), exact.body());
        assertEquals(200, quoted.statusCode(), quoted.body());
        assertEquals(exact.body(), quoted.body());
    }

    // ---- GET /api/openapi.json -------------------------------------------------------------

    @Test
    void openApiIsAValidOpenApi3Document() {
        HttpResponse<String> r = api.get("/api/openapi.json");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("application/json"), contentType(r));
        List<String> problems = OpenApiCheck.problems(json(r));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void openApiHasOnePathPerQueryWithTheParametersOfItsHeader() throws IOException {
        JsonNode doc = json(api.get("/api/openapi.json"));
        Map<String, List<String[]>> files = queryHeaders();
        Set<String> queryPaths = new TreeSet<>();
        doc.path("paths").fieldNames().forEachRemaining(p -> {
            if (p.startsWith("/api/queries/") && !p.contains("{")) queryPaths.add(p.substring("/api/queries/".length()));
        });
        assertEquals(files.keySet(), queryPaths);
        Set<String> operationIds = new HashSet<>();
        for (var e : files.entrySet()) {
            JsonNode get = doc.path("paths").path("/api/queries/" + e.getKey()).path("get");
            assertEquals(title(e.getKey()), get.path("summary").asText());
            assertTrue(operationIds.add(get.path("operationId").asText()), "duplicate operationId " + get.path("operationId"));
            JsonNode params = get.path("parameters");
            assertEquals(e.getValue().size(), params.size(), e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                String[] d = e.getValue().get(i);
                JsonNode p = params.get(i);
                assertEquals(d[0], p.path("name").asText());
                assertEquals("query", p.path("in").asText());
                assertEquals(d[2] == null, p.path("required").asBoolean(), e.getKey() + " " + d[0]);
                assertEquals(d[1].equals("integer") ? "integer" : "string", p.path("schema").path("type").asText());
                if (d[2] != null) assertEquals(d[2], p.path("schema").path("default").asText());
                assertEquals(d[3], p.path("description").asText());
                String pattern = p.path("schema").path("pattern").asText(null);
                if (pattern != null && d[2] != null)
                    assertTrue(d[2].matches(pattern), e.getKey() + ": default " + d[2] + " fails its own pattern " + pattern);
            }
            Set<String> types = new TreeSet<>();
            get.path("responses").path("200").path("content").fieldNames().forEachRemaining(types::add);
            assertEquals(Set.of("application/sparql-results+json", "text/csv", "text/tab-separated-values"), types);
            assertTrue(get.path("responses").has("400"), e.getKey());
        }
        for (String other : List.of("/api/queries", "/api/health", "/api/validate", "/api/extensions", "/api/extensions/{name}"))
            assertTrue(doc.path("paths").has(other), other);
    }

    @Test
    void everyPathOfTheDescriptionAnswers() {
        JsonNode doc = json(api.get("/api/openapi.json"));
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            JsonNode get = doc.path("paths").path(path).path("get");
            if (get.isMissingNode() || path.contains("{") || get.has("security")) continue;   // a signed-in GET is tested with its user
            StringBuilder query = new StringBuilder();
            boolean guessed = false;
            for (JsonNode p : doc.path("paths").path(path).path("get").path("parameters")) {
                if (!p.path("required").asBoolean()) continue;
                String value = example(p.path("name").asText(), p.path("schema").path("type").asText());
                guessed |= value == null;
                query.append(query.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=')
                    .append(encode(value == null ? "1" : value));
            }
            HttpResponse<String> r = api.get(path + query);
            // a parameter this test has no example for may be refused with a 400, or a 404 where the description names one
            // (a stored extension's name: the test store holds none)
            if (guessed) assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || (r.statusCode() == 404 && get.path("responses").has("404")),
                path + query + ": " + r.statusCode() + " " + r.body());
            else assertEquals(200, r.statusCode(), path + query + ": " + r.body());
        }
    }

    // ---- GET /api/health -------------------------------------------------------------------

    @Test
    void healthIs200WhenTheDatasetAnswers() {
        HttpResponse<String> r = api.get("/api/health");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ok", json(r).path("status").asText());
    }

    @Test
    void healthIs503OverAnEmptyStore() {
        try (KnowledgeStore empty = KnowledgeStore.open(tmp.resolve("empty"));
             EtomServer s = EtomServer.start(empty, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0))) {
            HttpResponse<String> r = ApiClient.of(s).get("/api/health");
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("empty", json(r).path("status").asText());
        }
    }

    @Test
    void healthIs503WhenTheStoreUnderTheServerIsClosed() {
        KnowledgeStore small = KnowledgeStore.open(tmp.resolve("small"));
        Graph g = GraphFactory.createDefaultGraph();
        g.add(Triple.create(NodeFactory.createURI("urn:a"), NodeFactory.createURI("urn:b"), NodeFactory.createLiteralString("c")));
        small.replaceGraph("urn:graph", g);
        try (EtomServer s = EtomServer.start(small, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0))) {
            ApiClient client = ApiClient.of(s);
            assertEquals(200, client.get("/api/health").statusCode());
            small.close();   // expels the dataset: it can no longer answer a query
            HttpResponse<String> r = client.get("/api/health");
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("down", json(r).path("status").asText());
            // the server itself keeps answering what does not need the dataset
            assertEquals(200, client.get("/api/queries").statusCode());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Each query file's parameters as [name, type, default or null, description], read from its header. */
    static Map<String, List<String[]>> queryHeaders() throws IOException {
        Map<String, List<String[]>> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(TestStores.QUERIES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                List<String[]> params = new ArrayList<>();
                for (String line : Files.readAllLines(f)) {
                    Matcher m = PARAM.matcher(line.strip());
                    if (m.matches()) params.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4).strip()});
                }
                out.put(f.getFileName().toString().replaceFirst("\\.rq$", ""), params);
            }
        }
        return out;
    }

    static String title(String query) {
        for (String line : readQuery(query).lines().toList()) {
            Matcher m = TITLE.matcher(line.strip());
            if (m.matches()) return m.group(1).strip();
        }
        return null;
    }

    static String readQuery(String name) {
        try {
            return Files.readString(TestStores.QUERIES.resolve(name + ".rq"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A value for a required parameter of the shipped queries; null for one this test does not know. */
    private static String example(String parameter, String type) {
        return switch (parameter) {
            case "id" -> "1.3.3";
            case "text" -> "order";
            case "flow" -> "Order-to-Payment";
            case "domain" -> "Resource";
            case "group" -> "Assurance";
            case "release", "from", "to" -> "25.5";
            default -> type.equals("integer") ? "1" : null;
        };
    }

    /** The rows of a result in one of the three formats, read with Jena's own result readers. */
    static List<QuerySolution> rows(String mediaType, String body) {
        var lang = switch (mediaType) {
            case "text/csv" -> ResultSetLang.RS_CSV;
            case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
            default -> ResultSetLang.RS_JSON;
        };
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
        List<QuerySolution> out = new ArrayList<>();
        rs.forEachRemaining(out::add);
        return out;
    }

    static List<String> vars(JsonNode sparqlJson) {
        List<String> out = new ArrayList<>();
        sparqlJson.path("head").path("vars").forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The lexical form (CSV drops datatypes and languages; the comparison is on what every format keeps). */
    static String lexical(RDFNode n) {
        assertNotNull(n);
        Node node = n.asNode();
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.isURI() ? node.getURI() : node.toString();
    }

    static Map<String, String> lexicalRow(QuerySolution s) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Iterator<String> it = s.varNames(); it.hasNext(); ) {
            String v = it.next();
            row.put(v, lexical(s.get(v)));
        }
        return new TreeMap<>(row);
    }
}
