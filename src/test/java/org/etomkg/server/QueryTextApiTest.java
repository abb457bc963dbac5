package org.etomkg.server;

import static org.etomkg.server.ApiClient.contentType;
import static org.etomkg.server.ApiClient.encode;
import static org.etomkg.server.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/queries/{name}/sparql}: a named query as SPARQL text for the editor at
 * {@code /sparql}. The text keeps the file's header, parses with Jena, and, sent to
 * {@code /etom/sparql}, answers the same rows as the named query itself.
 */
class QueryTextApiTest {
    /** A value for each required parameter of the shipped queries, by name. */
    static final Map<String, String> EXAMPLES = Map.of("id", "1.3.3", "text", "order", "domain", "Resource",
        "group", "Assurance", "flow", "Order-to-Payment");

    @TempDir static java.nio.file.Path tmp;
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

    @Test
    void everyNamedQueryAsTextAnswersWhatTheNamedQueryAnswers() {
        JsonNode list = json(api.get("/api/queries"));
        assertTrue(list.size() > 10, list.toString());
        int withRows = 0;
        for (JsonNode q : list) {
            String name = q.path("name").asText();
            StringBuilder params = new StringBuilder();
            boolean unbound = false;
            for (JsonNode p : q.path("parameters"))
                if (p.path("required").asBoolean()) {
                    String v = EXAMPLES.get(p.path("name").asText());
                    if (v == null) { unbound = true; continue; }
                    params.append(params.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=').append(encode(v));
                }
            HttpResponse<String> t = api.get("/api/queries/" + name + "/sparql" + params);
            assertEquals(200, t.statusCode(), name + ": " + t.body());
            assertTrue(contentType(t).startsWith("application/sparql-query"), contentType(t));
            assertTrue(t.body().startsWith("# @title " + q.path("title").asText()), name + " keeps its header:\n" + t.body());
            Query parsed = QueryFactory.create(t.body());
            if (unbound) {   // a parameter this test has no value for: the text still parses and says what to bind
                assertTrue(t.body().contains("\n# bind ?"), name + ":\n" + t.body());
                continue;
            }
            for (JsonNode p : q.path("parameters"))
                assertFalse(java.util.regex.Pattern.compile("\\?" + p.path("name").asText() + "\\b").matcher(parsed.getQueryPattern().toString()).find(),
                    name + ": ?" + p.path("name").asText() + " is still a variable:\n" + t.body());

            List<String> direct = sorted(runAtEndpoint(t.body()));
            HttpResponse<String> r = api.get("/api/queries/" + name + params, "Accept", "application/sparql-results+json");
            assertEquals(200, r.statusCode(), name + ": " + r.body());
            List<String> viaApi = sorted(ServiceApiTest.rows("application/sparql-results+json", r.body()));
            assertEquals(viaApi, direct, name);
            if (!direct.isEmpty()) withRows++;
        }
        assertTrue(withRows > list.size() / 2, "most queries answer rows with the example values: " + withRows);
    }

    @Test
    void givenValuesAreBoundAndSayWhereTheyCameFrom() {
        HttpResponse<String> t = api.get("/api/queries/path-to-root/sparql?id=1.3.3.10.2&release=25.5");
        assertEquals(200, t.statusCode(), t.body());
        assertTrue(t.body().contains("# ?id = \"1.3.3.10.2\"\n"), t.body());
        assertTrue(t.body().contains("# ?release = \"25.5\"\n"), t.body());
        List<String> ids = runAtEndpoint(t.body()).stream().map(s -> s.getLiteral("identifier").getLexicalForm()).toList();
        assertEquals(List.of("1.3", "1.3.3", "1.3.3.10", "1.3.3.10.2"), ids);

        HttpResponse<String> d = api.get("/api/queries/release-summary/sparql");
        assertTrue(d.body().contains("# ?release = \"26.0\" (the default)\n"), d.body());
    }

    @Test
    void aRequiredParameterWithoutAValueStaysAVariableWithACommentSayingWhatToBind() {
        HttpResponse<String> t = api.get("/api/queries/search/sparql");
        assertEquals(200, t.statusCode(), t.body());
        assertTrue(t.body().contains("# bind ?text (string) before running: Words of the name"), t.body());
        Query parsed = QueryFactory.create(t.body());
        assertTrue(parsed.getQueryPattern().toString().contains("?text"), t.body());
        assertFalse(parsed.getQueryPattern().toString().matches("(?s).*\\?release\\b.*"), "the default release is bound:\n" + t.body());
    }

    @Test
    void anUnknownQueryIs404AndABadValueIs400AsProblemJson() {
        HttpResponse<String> r = api.get("/api/queries/no-such-query/sparql");
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(404, json(r).path("status").asInt());
        assertTrue(json(r).path("error").asText().contains("no-such-query"), r.body());

        HttpResponse<String> bad = api.get("/api/queries/path-to-root/sparql?id=not-an-id");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(400, json(bad).path("status").asInt());

        HttpResponse<String> unknown = api.get("/api/queries/path-to-root/sparql?colour=red");
        assertEquals(400, unknown.statusCode(), unknown.body());
    }

    @Test
    void theOpenApiDescriptionHasTheRoute() {
        JsonNode doc = json(api.get("/api/openapi.json"));
        JsonNode get = doc.path("paths").path("/api/queries/{name}/sparql").path("get");
        assertTrue(get.path("responses").path("200").path("content").has("application/sparql-query"), get.toString());
        assertTrue(OpenApiCheck.problems(doc).isEmpty(), OpenApiCheck.problems(doc).toString());
    }

    private static List<QuerySolution> runAtEndpoint(String text) {
        List<QuerySolution> out = new ArrayList<>();
        try (RDFConnection conn = RDFConnectionRemote.service(server.baseUrl() + EtomServer.DATASET).queryEndpoint("sparql").build();
             QueryExecution qe = conn.query(text)) {
            qe.execSelect().forEachRemaining(out::add);
        }
        return out;
    }

    /** Each row as its variables and terms, sorted, so ties in ORDER BY do not matter. */
    private static List<String> sorted(List<QuerySolution> rows) {
        List<String> out = new ArrayList<>();
        for (QuerySolution s : rows) {
            Map<String, String> row = new TreeMap<>();
            s.varNames().forEachRemaining(v -> row.put(v, s.get(v).toString()));
            out.add(row.toString());
        }
        out.sort(null);
        return out;
    }
}
