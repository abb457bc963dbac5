package org.etomkg.server;

import static org.etomkg.server.ApiClient.basic;
import static org.etomkg.server.ApiClient.contentType;
import static org.etomkg.server.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.extension.ExtensionScaffold;
import org.etomkg.extension.ExtensionSkos;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Extensions over HTTP: POST /api/validate in every RDF syntax, storing nothing; PUT, GET,
 * DELETE and the list of /api/extensions, with writes behind a user and password; a
 * non-conforming or unreadable extension leaves the earlier version in place; and readers
 * see the old extension or the new one while it is replaced, never half of one.
 */
class ExtensionApiTest {
    static final String USER = "alice";
    static final String PASSWORD = "a long passphrase";
    static final String AUTH = basic(USER, PASSWORD);

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static EtomServer server;
    static ApiClient api;
    static String smallValid;

    @BeforeAll
    static void serve() throws IOException {
        store = KnowledgeStore.open(TestStores.built(tmp));
        Path users = tmp.resolve("users");
        Users.add(users, USER, PASSWORD);
        Users.add(users, "bob", "another long passphrase");
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES,
            ServerOptions.defaults().withPort(0).withUsers(Users.load(users)));
        api = ApiClient.of(server);
        smallValid = Files.readString(ExtensionSamples.SMALL_VALID);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    @AfterEach
    void removeStoredExtensions() {
        for (ExtensionStore.Entry e : new ExtensionStore(store).list()) new ExtensionStore(store).delete(e.name());
    }

    // ---- POST /api/validate ----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text/turtle, TURTLE", "application/n-triples, NTRIPLES", "application/rdf+xml, RDFXML", "application/ld+json, JSONLD"})
    void validatesAConformingExtensionInEverySyntaxAndStoresNothing(String mediaType, String format) throws Exception {
        String body = ExtensionSamples.write(ExtensionSamples.read(ExtensionSamples.SMALL_VALID),
            (RDFFormat) RDFFormat.class.getField(format).get(null));
        long before = TestStores.quads(store);
        HttpResponse<String> r = api.post("/api/validate", mediaType + ";charset=utf-8", body);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/json"), contentType(r));
        JsonNode report = json(r);
        assertTrue(report.path("conforms").asBoolean(), r.body());
        assertEquals(0, report.path("violations").asInt());
        assertEquals("25.5", report.path("release").asText());
        assertEquals("https://nordlicht-telecom.example/etom/extension", report.path("extension").asText());
        assertEquals(before, TestStores.quads(store), "validating stored something");
        assertEquals(0, json(api.get("/api/extensions")).size());
    }

    @Test
    void aNonConformingExtensionGetsAReportThatSaysWhatIsWrong() throws IOException {
        long before = TestStores.quads(store);
        HttpResponse<String> r = api.post("/api/validate", "text/turtle", Files.readString(ExtensionSamples.NON_CONFORMING));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = json(r);
        assertFalse(report.path("conforms").asBoolean());
        assertTrue(report.path("violations").asInt() > 0);
        assertEquals(report.path("violations").asInt() + report.path("warnings").asInt(), countSeverities(report));
        Set<String> rules = new TreeSet<>();
        for (JsonNode f : report.path("findings")) {
            rules.add(f.path("rule").asText());
            assertFalse(f.path("message").asText().isBlank(), f.toString());
            assertFalse(f.path("process").asText().isBlank(), f.toString());
            assertTrue(f.path("message").asText().contains("Fix:"), f.toString());
        }
        assertTrue(rules.contains("R05-Definition"), rules.toString());
        assertTrue(rules.contains("R03-Numbering"), rules.toString());
        assertEquals(before, TestStores.quads(store));
    }

    @Test
    void withAcceptTurtleTheReportIsAShaclValidationReport() throws IOException {
        HttpResponse<String> json = api.post("/api/validate", "text/turtle", Files.readString(ExtensionSamples.NON_CONFORMING));
        HttpResponse<String> r = api.post("/api/validate", "text/turtle", Files.readString(ExtensionSamples.NON_CONFORMING),
            "Accept", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        Model report = ModelFactory.createModelForGraph(ExtensionSamples.parse(r.body(), Lang.TURTLE));
        List<Resource> reports = report.listSubjectsWithProperty(RDF.type, report.createResource(SHACL.ValidationReport.getURI())).toList();
        assertEquals(1, reports.size(), r.body());
        Resource top = reports.get(0);
        assertFalse(top.getProperty(report.createProperty(SHACL.conforms.getURI())).getBoolean());
        int results = top.listProperties(report.createProperty(SHACL.result.getURI())).toList().size();
        assertEquals(json(json).path("findings").size(), results, "the Turtle and JSON reports differ");

        HttpResponse<String> ok = api.post("/api/validate", "text/turtle", smallValid, "Accept", "text/turtle");
        Model conforming = ModelFactory.createModelForGraph(ExtensionSamples.parse(ok.body(), Lang.TURTLE));
        assertTrue(conforming.listObjectsOfProperty(conforming.createProperty(SHACL.conforms.getURI())).next().asLiteral().getBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "text/turtle           | 4 | @prefix etom: <https://w3id.org/etom-kg/ontology#> .\\n\\n\\n<http://example.org/a> etom:level 4 4 .\\n",
        "application/n-triples | 3 | <http://example.org/a> <http://example.org/b> <http://example.org/c> .\\n<http://example.org/a> <http://example.org/b> \"c\" .\\n<http://example.org/a> <http://example.org/b> <http://example.org/c .\\n",
        "application/rdf+xml   | 4 | <?xml version=\"1.0\"?>\\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\\n  <rdf:Description rdf:about=\"http://example.org/a\">\\n    <rdf:type rdf:resource=\"http://example.org/b\"></rdf:Description>\\n</rdf:RDF>\\n",
        "application/ld+json   | 4 | {\\n  \"@id\": \"http://example.org/a\",\\n  \"http://example.org/b\": [ \"c\" \\n}\\n",
    })
    void aSyntaxErrorIs400NamingTheLine(String mediaType, int line, String body) {
        long before = TestStores.quads(store);
        HttpResponse<String> r = api.post("/api/validate", mediaType, body.replace("\\n", "\n"));
        assertEquals(400, r.statusCode(), r.body());
        String message = json(r).path("error").asText();
        assertTrue(message.startsWith("request body:" + line + ":") || message.contains("line " + line)
            || message.contains("line: " + line) || message.contains(":" + line + ":"), "no line " + line + " in: " + message);
        assertFalse(message.contains("etom-kg-upload-"), "the message names a temporary file: " + message);
        assertEquals(before, TestStores.quads(store));
    }

    @Test
    void anUnsupportedOrMissingContentTypeIs400ListingTheSupportedOnes() {
        HttpResponse<String> r = api.post("/api/validate", "application/pdf", smallValid);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(json(r).path("error").asText().contains("text/turtle"), r.body());
        HttpResponse<String> none = api.send(api.request("/api/validate").POST(java.net.http.HttpRequest.BodyPublishers.ofString(smallValid)));
        assertEquals(400, none.statusCode(), none.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet | this is not a zip file",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet | PK\u0003\u0004 truncated",
        "text/csv                                                          | \u0000\u0001 nothing like the template",
        "application/ld+json                                               | [1, 2, 3]",
        "application/rdf+xml                                               | not xml at all",
    })
    void anUnreadableSpreadsheetOrDocumentIs400NotAServerError(String mediaType, String body) {
        long before = TestStores.quads(store);
        HttpResponse<String> r = api.post("/api/validate", mediaType, body);
        assertEquals(400, r.statusCode(), r.body());
        assertFalse(json(r).path("error").asText().isBlank(), r.body());
        assertFalse(json(r).path("error").asText().contains("etom-kg-upload-"), r.body());
        HttpResponse<String> put = api.put("/api/extensions/unreadable", mediaType, body, "Authorization", AUTH);
        assertEquals(400, put.statusCode(), put.body());
        assertEquals(before, TestStores.quads(store));
    }

    @Test
    void anExtensionWithoutAReleaseOrWithAnUnknownOneIs400() {
        HttpResponse<String> noRelease = api.post("/api/validate", "text/turtle", "<http://example.org/a> <http://example.org/b> <http://example.org/c> .");
        assertEquals(400, noRelease.statusCode(), noRelease.body());
        assertTrue(json(noRelease).path("error").asText().contains("names no release"), noRelease.body());
        HttpResponse<String> unknown = api.post("/api/validate?release=99.9", "text/turtle", smallValid);
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(json(unknown).path("error").asText().contains("unknown release '99.9'"), unknown.body());
    }

    @Test
    void validatingNeedsNoUserButAWrongMethodIsRefused() {
        assertEquals(200, api.post("/api/validate", "text/turtle", smallValid).statusCode());
        HttpResponse<String> get = api.get("/api/validate");
        assertTrue(get.statusCode() == 404 || get.statusCode() == 405, get.statusCode() + " " + get.body());
    }

    // ---- PUT, GET, DELETE /api/extensions/{name} -------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "wrong password", "unknown user", "empty password", "not basic", "not base64", "no colon"})
    void writingWithoutRightCredentialsIs401AndChangesNothing(String how) {
        String[] headers = switch (how) {
            case "none" -> new String[0];
            case "wrong password" -> new String[] {"Authorization", basic(USER, "a wrong passphrase")};
            case "unknown user" -> new String[] {"Authorization", basic("mallory", PASSWORD)};
            case "empty password" -> new String[] {"Authorization", basic(USER, "")};
            case "not basic" -> new String[] {"Authorization", "Bearer " + PASSWORD};
            case "not base64" -> new String[] {"Authorization", "Basic ###"};
            default -> new String[] {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(USER.getBytes())};
        };
        assertEquals(201, api.put("/api/extensions/kept", "text/turtle", smallValid, "Authorization", AUTH).statusCode());
        long before = TestStores.quads(store);
        HttpResponse<String> put = api.put("/api/extensions/nordlicht", "text/turtle", smallValid, headers);
        assertEquals(401, put.statusCode(), put.body());
        assertTrue(put.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), put.headers().toString());
        assertTrue(json(put).path("error").asText().contains("user name and password"), put.body());
        HttpResponse<String> delete = api.delete("/api/extensions/kept", headers);
        assertEquals(401, delete.statusCode(), delete.body());
        assertEquals(before, TestStores.quads(store), "an unauthenticated write changed the store");
        assertEquals(404, api.get("/api/extensions/nordlicht").statusCode());
        assertEquals(200, api.get("/api/extensions/kept").statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/extensions;a=b/sneaky", "/api/extensions/sneaky;a=b", "/api/%65xtensions/sneaky", "/api//extensions/sneaky",
        "/api/./extensions/sneaky", "/api/x/../extensions/sneaky", "/api/extensions/./sneaky", "/API/extensions/sneaky",
        "/api/extensions%2Fsneaky", "/api/extensions/sneaky/", "//api/extensions/sneaky"})
    void noSpellingOfThePathGetsAWritePastTheUserCheck(String path) {
        long before = TestStores.quads(store);
        HttpResponse<String> put = api.send(api.request(path).header("Content-Type", "text/turtle")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(smallValid)));
        assertTrue(put.statusCode() >= 400 && put.statusCode() < 500, path + " answered " + put.statusCode() + ": " + put.body());
        assertEquals(before, TestStores.quads(store), path + " stored something without a user");
        assertEquals(0, json(api.get("/api/extensions")).size());
    }

    @Test
    void aServerWithoutUsersRefusesEveryWriteAndSaysWhy() {
        try (EtomServer noUsers = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0))) {
            HttpResponse<String> r = ApiClient.of(noUsers).put("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", AUTH);
            assertEquals(401, r.statusCode(), r.body());
            assertTrue(json(r).path("error").asText().contains("--users"), r.body());
        }
        assertEquals(404, api.get("/api/extensions/nordlicht").statusCode());
    }

    @Test
    void theDataFoldersKeyStoresAnExtensionAndNothingElse() {
        LocalKey key = LocalKey.generate();
        try (EtomServer keyed = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0).withLocalKey(key))) {
            ApiClient client = ApiClient.of(keyed);
            HttpResponse<String> wrong = client.put("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", "Bearer " + key.value() + "x");
            assertEquals(401, wrong.statusCode(), wrong.body());
            assertEquals(404, client.get("/api/extensions/nordlicht").statusCode(), "a wrong key stores nothing");
            HttpResponse<String> stored = client.put("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", "Bearer " + key.value());
            assertEquals(201, stored.statusCode(), stored.body());
            assertEquals(200, client.get("/api/extensions/nordlicht").statusCode());
            // The key opens the extensions, not the sign-in that the web page's writes use.
            assertEquals(401, client.get("/api/session", "Authorization", "Bearer " + key.value()).statusCode());
            assertEquals(204, client.delete("/api/extensions/nordlicht", "Authorization", "Bearer " + key.value()).statusCode());
        }
        // Without a key, a Bearer token is no credential at all.
        assertEquals(401, api.put("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", "Bearer " + "x".repeat(43)).statusCode());
    }

    @Test
    void theQualityChecksRunInTheServerAndAreRunAgainAfterAWrite() {
        HttpResponse<String> before = api.get("/api/checks");
        assertEquals(200, before.statusCode(), before.body());
        JsonNode report = json(before);
        assertTrue(report.path("releases").toString().contains("\"26.0\""), before.body());
        assertTrue(report.path("findings").size() > 0, "the shipped data has its source quirks as warnings");
        for (JsonNode f : report.path("findings")) {
            assertEquals("WARN", f.path("severity").asText(), f.toString());
            assertTrue(f.path("values").has("release") || !f.path("check").asText().startsWith("skos-"), f.toString());
        }
        assertEquals(before.body(), api.get("/api/checks").body(), "the same store gives the same answer");
        // A write is a new state of the store: a conforming extension that names two of its processes alike
        // (under different parents, which the shapes allow) is one more overlapping-labels warning.
        String twoAlike = smallValid + "nl:2.3.3.18.1 a etom:ExtensionProcess ; skos:inScheme nl:extension ; skos:notation \"2.3.3.18.1\" ; "
            + "etom:level 4 ; rdfs:label \"Check Basket\"@en ; skos:definition \"Checks it again.\"@en ; etom:parent p:1.3.3.18 .\n";
        HttpResponse<String> put = api.put("/api/extensions/nordlicht", "text/turtle", twoAlike, "Authorization", AUTH);
        assertEquals(201, put.statusCode(), put.body());
        HttpResponse<String> after = api.get("/api/checks");
        assertEquals(200, after.statusCode(), after.body());
        assertEquals(report.path("findings").size() + 1, json(after).path("findings").size(), after.body());
        assertTrue(after.body().contains("https://nordlicht-telecom.example/etom/extension"), "the finding names the extension's scheme");
    }

    @Test
    void anExtensionWhoseHeaderIsAlsoAnOntologyIsValidatedAndStoredAsItCame(@TempDir Path dir) throws IOException {
        // The form ./etom-kg new-extension writes and Protégé saves: the header is an owl:Ontology importing its release.
        Path file = new ExtensionScaffold(TestStores.ONTOLOGY).write(dir.resolve("acme"),
            new ExtensionScaffold.Request("25.5", "Acme process model", "https://acme.example/etom/", Optional.of("Acme"))).get(0);
        String body = Files.readString(file);
        HttpResponse<String> checked = api.post("/api/validate", "text/turtle", body);
        assertEquals(200, checked.statusCode(), checked.body());
        assertEquals(0, json(checked).path("violations").asInt() + json(checked).path("warnings").asInt(), checked.body());

        HttpResponse<String> put = api.put("/api/extensions/acme", "text/turtle", body, "Authorization", AUTH);
        assertEquals(201, put.statusCode(), put.body());
        assertTrue(storedGraph("acme").contains(NodeFactory.createURI("https://acme.example/etom/extension"), OWL2.imports.asNode(),
            NodeFactory.createURI("https://w3id.org/etom-kg/graph/release/25.5")), "the import is stored with the extension");
    }

    @Test
    void putStoresGetReturnsDeleteRemoves() {
        Graph sent = ExtensionSamples.read(ExtensionSamples.SMALL_VALID);
        HttpResponse<String> first = api.put("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", AUTH);
        assertEquals(201, first.statusCode(), first.body());
        assertTrue(json(first).path("conforms").asBoolean(), first.body());
        assertTrue(storedGraph("nordlicht").isIsomorphicWith(ExtensionSkos.withDerived(sent)), "the stored graph differs from the one sent with its SKOS statements");

        HttpResponse<String> get = api.get("/api/extensions/nordlicht");
        assertEquals(200, get.statusCode(), get.body());
        assertTrue(contentType(get).startsWith("text/turtle"), contentType(get));
        Graph served = ExtensionSamples.parse(get.body(), Lang.TURTLE);
        assertTrue(served.isIsomorphicWith(storedGraph("nordlicht")), "GET differs from the stored graph");
        assertTrue(served.isIsomorphicWith(ExtensionSkos.withDerived(sent)));

        String bigger = ExtensionSamples.generated(5, "v2");
        HttpResponse<String> replace = api.put("/api/extensions/nordlicht", "text/turtle", bigger, "Authorization", AUTH);
        assertEquals(200, replace.statusCode(), replace.body());
        assertTrue(storedGraph("nordlicht").isIsomorphicWith(ExtensionSkos.withDerived(ExtensionSamples.parse(bigger, Lang.TURTLE))), "not replaced");
        assertTrue(ExtensionSamples.parse(api.get("/api/extensions/nordlicht").body(), Lang.TURTLE)
            .isIsomorphicWith(ExtensionSkos.withDerived(ExtensionSamples.parse(bigger, Lang.TURTLE))));

        HttpResponse<String> delete = api.delete("/api/extensions/nordlicht", "Authorization", AUTH);
        assertEquals(204, delete.statusCode(), delete.body());
        assertTrue(delete.body().isEmpty(), delete.body());
        assertEquals(0, TestStores.triples(store, ExtensionStore.graphOf("nordlicht")));
        HttpResponse<String> gone = api.get("/api/extensions/nordlicht");
        assertEquals(404, gone.statusCode(), gone.body());
        assertTrue(json(gone).path("error").asText().contains("nordlicht"), gone.body());
        assertEquals(404, api.delete("/api/extensions/nordlicht", "Authorization", AUTH).statusCode());
    }

    @Test
    void putAcceptsEverySyntaxAndCanAnswerInTurtle() throws Exception {
        Graph sent = ExtensionSamples.read(ExtensionSamples.SMALL_VALID);
        HttpResponse<String> r = api.put("/api/extensions/as-json-ld", "application/ld+json", ExtensionSamples.write(sent, RDFFormat.JSONLD),
            "Authorization", AUTH, "Accept", "text/turtle");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        ExtensionSamples.parse(r.body(), Lang.TURTLE);   // the report parses
        HttpResponse<String> x = api.put("/api/extensions/as-rdf-xml", "application/rdf+xml", ExtensionSamples.write(sent, RDFFormat.RDFXML),
            "Authorization", AUTH);
        assertEquals(201, x.statusCode(), x.body());
        assertTrue(storedGraph("as-json-ld").isIsomorphicWith(ExtensionSkos.withDerived(sent)));
        assertTrue(storedGraph("as-rdf-xml").isIsomorphicWith(ExtensionSkos.withDerived(sent)));
    }

    @Test
    void aNonConformingVersionIs422WithTheReportAndTheEarlierVersionStays() throws IOException {
        assertEquals(201, api.put("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", AUTH).statusCode());
        Graph earlier = storedGraph("nordlicht");
        String storedAt = json(api.get("/api/extensions")).get(0).path("storedAt").asText();

        HttpResponse<String> r = api.put("/api/extensions/nordlicht", "text/turtle", Files.readString(ExtensionSamples.NON_CONFORMING),
            "Authorization", AUTH);
        assertEquals(422, r.statusCode(), r.body());
        JsonNode report = json(r);
        assertFalse(report.path("conforms").asBoolean());
        assertTrue(report.path("findings").size() > 0, r.body());
        assertTrue(storedGraph("nordlicht").isIsomorphicWith(earlier), "the earlier version was changed");
        assertTrue(ExtensionSamples.parse(api.get("/api/extensions/nordlicht").body(), Lang.TURTLE).isIsomorphicWith(earlier));
        assertEquals(storedAt, json(api.get("/api/extensions")).get(0).path("storedAt").asText());

        HttpResponse<String> turtle = api.put("/api/extensions/nordlicht", "text/turtle", Files.readString(ExtensionSamples.NON_CONFORMING),
            "Authorization", AUTH, "Accept", "text/turtle");
        assertEquals(422, turtle.statusCode());
        assertTrue(turtle.body().contains("ValidationReport"), turtle.body());

        HttpResponse<String> broken = api.put("/api/extensions/nordlicht", "text/turtle", smallValid.replace(" .\n", " ;\n"),
            "Authorization", AUTH);
        assertEquals(400, broken.statusCode(), broken.body());
        assertTrue(storedGraph("nordlicht").isIsomorphicWith(earlier), "an unreadable version changed the stored one");

        HttpResponse<String> neverStored = api.put("/api/extensions/other", "text/turtle", Files.readString(ExtensionSamples.NON_CONFORMING),
            "Authorization", AUTH);
        assertEquals(422, neverStored.statusCode());
        assertEquals(404, api.get("/api/extensions/other").statusCode());
        assertEquals(0, TestStores.triples(store, ExtensionStore.graphOf("other")));
    }

    @Test
    void theListShowsEveryStoredExtensionWithItsStatus() {
        assertEquals(0, json(api.get("/api/extensions")).size());
        assertEquals(201, api.put("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", AUTH).statusCode());
        assertEquals(201, api.put("/api/extensions/nordlicht-2", "text/turtle", ExtensionSamples.generated(3, "b"),
            "Authorization", basic("bob", "another long passphrase")).statusCode());
        HttpResponse<String> r = api.get("/api/extensions");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("application/json"));
        JsonNode list = json(r);
        assertEquals(2, list.size(), r.body());
        List<String> names = new ArrayList<>();
        for (JsonNode e : list) {
            names.add(e.path("name").asText());
            assertEquals("conforms", e.path("status").asText());
            assertEquals("25.5", e.path("release").asText());
            assertEquals("https://nordlicht-telecom.example/etom/extension", e.path("header").asText());
            assertEquals("/api/extensions/" + e.path("name").asText(), e.path("href").asText());
            assertTrue(e.path("warnings").isNumber());
            assertTrue(java.time.Instant.parse(e.path("storedAt").asText()).isBefore(java.time.Instant.now().plusSeconds(1)));
        }
        assertEquals(List.of("nordlicht", "nordlicht-2"), names);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-starts-with-a-dash", "has%20space", "%C3%A9t%C3%A9", "a%3Bb", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anUnusableNameIs400(String name) {
        HttpResponse<String> r = api.put("/api/extensions/" + name, "text/turtle", smallValid, "Authorization", AUTH);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(json(r).path("error").asText().contains("not a usable extension name"), r.body());
        assertEquals(0, json(api.get("/api/extensions")).size());
    }

    @Test
    void anotherMethodIs405WithAllow() {
        HttpResponse<String> r = api.post("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", AUTH);
        assertEquals(405, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Allow").orElse("").contains("PUT"));
        HttpResponse<String> anonymous = api.post("/api/extensions/nordlicht", "text/turtle", smallValid);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
    }

    @Test
    void theStoredExtensionIsQueryableAtTheEndpoint() {
        assertEquals(201, api.put("/api/extensions/nordlicht", "text/turtle", smallValid, "Authorization", AUTH).statusCode());
        try (RDFConnection conn = RDFConnection.queryConnect(server.queryEndpoint());
             QueryExecution qe = conn.query("PREFIX etom: <https://w3id.org/etom-kg/ontology#> "
                 + "SELECT (COUNT(?p) AS ?n) WHERE { ?p a etom:ExtensionProcess ; etom:parent+ ?ref . ?ref etom:level 3 }")) {
            assertEquals(2, qe.execSelect().next().getLiteral("n").getLong());
        }
    }

    // ---- reads while an extension is replaced ----------------------------------------------

    @Test
    void readersSeeTheOldOrTheNewVersionNeverHalfWhileItIsReplaced() throws Exception {
        String small = ExtensionSamples.generated(3, "small");
        String large = ExtensionSamples.generated(60, "large");
        long smallSize = ExtensionSkos.withDerived(ExtensionSamples.parse(small, Lang.TURTLE)).size();
        long largeSize = ExtensionSkos.withDerived(ExtensionSamples.parse(large, Lang.TURTLE)).size();
        assertEquals(201, api.put("/api/extensions/swapped", "text/turtle", small, "Authorization", AUTH).statusCode());

        String count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + ExtensionStore.graphOf("swapped") + "> { ?s ?p ?o } }";
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger putsInFlight = new AtomicInteger();
        AtomicLong readsDuringPuts = new AtomicLong();
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try (RDFConnection conn = RDFConnection.queryConnect(server.queryEndpoint())) {
                    while (writing.get()) {
                        boolean during = putsInFlight.get() > 0;
                        try (QueryExecution qe = conn.query(count)) {
                            seen.add(qe.execSelect().next().getLiteral("n").getLong());
                        }
                        if (during && putsInFlight.get() > 0) readsDuringPuts.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "reader-" + i);
            readers.add(t);
            t.start();
        }
        Thread apiReader = new Thread(() -> {
            try {
                while (writing.get()) {
                    HttpResponse<String> r = api.get("/api/extensions/swapped");
                    if (r.statusCode() != 200) throw new AssertionError("GET answered " + r.statusCode() + ": " + r.body());
                    seen.add(ExtensionSamples.parse(r.body(), Lang.TURTLE).size() * 1_000_000L);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "api-reader");
        apiReader.start();
        try {
            for (int round = 0; round < 6; round++) {
                for (String version : List.of(large, small)) {
                    putsInFlight.incrementAndGet();
                    try {
                        HttpResponse<String> r = api.put("/api/extensions/swapped", "text/turtle", version, "Authorization", AUTH);
                        assertEquals(200, r.statusCode(), r.body());
                    } finally {
                        putsInFlight.decrementAndGet();
                    }
                }
            }
        } finally {
            writing.set(false);
            for (Thread t : readers) t.join(30_000);
            apiReader.join(30_000);
        }
        assertTrue(failures.isEmpty(), "a reader failed: " + failures);
        Set<Long> allowed = Set.of(smallSize, largeSize, smallSize * 1_000_000L, largeSize * 1_000_000L);
        Set<Long> distinct = new TreeSet<>(seen);
        assertTrue(allowed.containsAll(distinct), "readers saw sizes " + distinct + "; only " + smallSize + " and " + largeSize + " are whole");
        assertTrue(distinct.contains(largeSize) || distinct.contains(largeSize * 1_000_000L), "no reader saw the large version: " + distinct);
        assertTrue(readsDuringPuts.get() > 0, "no read completed while a PUT was in flight");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static Graph storedGraph(String name) {
        Node g = NodeFactory.createURI(ExtensionStore.graphOf(name));
        return Txn.calculateRead(store.datasetGraph(), () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            store.datasetGraph().find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> copy.add(q.asTriple()));
            return copy;
        });
    }

    private static int countSeverities(JsonNode report) {
        int n = 0;
        for (JsonNode f : report.path("findings")) if (!f.path("severity").asText().equals("Info")) n++;
        return n;
    }
}
