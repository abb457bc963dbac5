package org.etomkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of IRI we mint dereferences on a real server: a 303 by {@code Accept} to a
 * document, the document in each RDF syntax read back with RDF4J Rio (not Jena) is one graph,
 * the very graph {@code DESCRIBE} gives on {@code /etom/sparql}; the page for people; 404s.
 */
class LinkedDataTest {
    static final String BASE = MintedIris.BASE;
    /** The four RDF syntaxes: media type, suffix, RDF4J's format. */
    record Syntax(String mediaType, String suffix, RDFFormat format) {}
    static final List<Syntax> SYNTAXES = List.of(
        new Syntax("text/turtle", "ttl", RDFFormat.TURTLE),
        new Syntax("application/ld+json", "jsonld", RDFFormat.JSONLD),
        new Syntax("application/rdf+xml", "rdf", RDFFormat.RDFXML),
        new Syntax("application/n-triples", "nt", RDFFormat.NTRIPLES));

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static EtomServer server;
    static HttpClient http;

    @BeforeAll
    static void serve() {
        store = MintedIris.storeWithExtension(tmp);
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0).withTimeout(60));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();   // follows no redirect: the 303s are checked
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    static Stream<MintedIris.Kind> kinds() { return MintedIris.KINDS.stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachSyntaxGivesTheGraphDescribeGivesOnTheEndpoint(MintedIris.Kind kind) {
        Model described = parse(describe(kind.describe()), RDFFormat.TURTLE);
        assertFalse(described.isEmpty(), kind.describe());
        for (Syntax s : SYNTAXES) {
            HttpResponse<String> see = get(kind.path(), "Accept", s.mediaType());
            assertEquals(303, see.statusCode(), kind.path() + " as " + s.mediaType());
            assertEquals(kind.path() + "." + s.suffix(), URI.create(see.headers().firstValue("Location").orElseThrow()).getPath());
            assertEquals("Accept", see.headers().firstValue("Vary").orElse(""));
            HttpResponse<String> doc = get(kind.path() + "." + s.suffix());
            assertEquals(200, doc.statusCode(), doc.body());
            assertEquals(s.mediaType(), doc.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            Model read = parse(doc.body(), s.format());
            assertTrue(Models.isomorphic(described, read), kind.path() + "." + s.suffix() + " is not what DESCRIBE gives: "
                + read.size() + " statements against " + described.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void peopleAreSentToAPage(MintedIris.Kind kind) {
        HttpResponse<String> see = get(kind.path(), "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(303, see.statusCode());
        String location = URI.create(see.headers().firstValue("Location").orElseThrow()).getPath();
        // A process's and a release's people go to the web app's page; everything else to its description page.
        assertEquals(kind.path().startsWith("/release/26.0/process/") ? "/process/26.0/1.4.5"
            : kind.path().equals("/release/26.0") ? "/releases/26.0" : kind.path() + ".html", location);
        HttpResponse<String> page = get(location);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void theDescriptionNamesWhatItLinksTo() {
        Model m = parse(get("/release/26.0/process/1.4.5.ttl").body(), RDFFormat.TURTLE);
        assertTrue(m.contains(Values.iri(BASE + "release/26.0/process/1.4"), RDFS.LABEL, null), "the parent's label");
        assertTrue(m.contains(Values.iri(BASE + "release/26.0"), RDFS.LABEL, null), "the scheme's label");
        assertTrue(m.contains(Values.iri(BASE + "release/26.0/process/1.4.5"), RDFS.LABEL, Values.literal("Service Activation Management", "en")));
    }

    @Test
    void theOntologyDocumentDescribesItsHashTermsAndAnchorsThemInItsPage() {
        Model doc = parse(get("/ontology.ttl").body(), RDFFormat.TURTLE);
        for (String term : MintedIris.ONTOLOGY_TERMS) {
            Model one = parse(describe("DESCRIBE <" + BASE + "ontology#" + term + ">"), RDFFormat.TURTLE);
            assertFalse(one.isEmpty(), term);
            for (Statement st : one)
                if (!st.getSubject().isBNode() && !st.getObject().isBNode()) assertTrue(doc.contains(st), term + ": " + st);
        }
        String page = get("/ontology.html").body();
        for (String term : MintedIris.ONTOLOGY_TERMS) assertTrue(page.contains("id=\"" + term + "\""), term);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/shapes, extension.ttl", "/shapes/file, extension-file.ttl" })
    void theShapesIrisAnswerWithTheirFiles(String path, String file) throws IOException {
        Model expected;
        try (var in = java.nio.file.Files.newInputStream(TestStores.SHAPES.resolve(file))) {
            expected = Rio.parse(in, "", RDFFormat.TURTLE);
        }
        for (Syntax s : SYNTAXES) {
            HttpResponse<String> see = get(path, "Accept", s.mediaType());
            assertEquals(303, see.statusCode());
            assertEquals(path + "." + s.suffix(), URI.create(see.headers().firstValue("Location").orElseThrow()).getPath());
            HttpResponse<String> doc = get(path + "." + s.suffix());
            assertEquals(200, doc.statusCode(), doc.body());
            assertTrue(Models.isomorphic(expected, parse(doc.body(), s.format())), path + "." + s.suffix());
        }
        HttpResponse<String> html = get(path + ".html");
        assertTrue(html.statusCode() == 200 || html.statusCode() == 303 && html.headers().firstValue("Location").orElseThrow().endsWith("/releases/26.0"),
            path + ".html: " + html.statusCode());
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
        "text/turtle;q=0.5, application/ld+json                     | /release/26.0.jsonld",
        "text/html;q=0.1, application/rdf+xml;q=0.9, text/turtle;q=0.2 | /release/26.0.rdf",
        "application/n-triples, text/turtle;q=0.9                   | /release/26.0.nt",
        "*/*                                                        | /releases/26.0",
        "text/*                                                     | /releases/26.0",
    })
    void qValuesAreWeighed(String accept, String location) {
        HttpResponse<String> see = get("/release/26.0", "Accept", accept);
        assertEquals(303, see.statusCode());
        assertEquals(location, URI.create(see.headers().firstValue("Location").orElseThrow()).getPath());
    }

    @Test
    void aSyntaxWeDoNotOfferIs406() {
        assertEquals(406, get("/release/26.0", "Accept", "image/png").statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/release/26.0/process/9.9.9", "/release/26.0/process/9.9.9.ttl", "/release/99.0", "/oda-component/TMFC999",
        "/extension/nobody", "/extension/nordlicht/process/2.9.9", "/sid/26.0/be/0000", "/graph/nothing",
    })
    void whatTheStoreDoesNotHoldIs404(String path) {
        HttpResponse<String> rdf = get(path, "Accept", "text/turtle");
        assertEquals(404, rdf.statusCode());
        assertTrue(rdf.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), rdf.body());
        assertTrue(rdf.body().startsWith("Not found"), rdf.body());
        HttpResponse<String> html = get(path, "Accept", "text/html");
        assertEquals(404, html.statusCode());
        // a document's suffix names its syntax: the 404 of a .ttl is text, whatever Accept says
        assertTrue(path.endsWith(".ttl") ? html.body().startsWith("Not found") : html.body().contains("<h1>Not found</h1>"), html.body());
    }

    @Test
    void aProcessPageForAnIdentifierNoReleaseHasIs404() {
        HttpResponse<String> none = get("/process/26.0/9.9.9");
        assertEquals(404, none.statusCode());
        assertTrue(none.body().contains("No release has a process 9.9.9"), none.body());
        HttpResponse<String> elsewhere = get("/process/23.5/1.12");
        assertEquals(404, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("href=\"/process/26.0/1.12\""), "points to the releases that have it: " + elsewhere.body());
        HttpResponse<String> held = get("/process/26.0/1.4.5");
        assertEquals(200, held.statusCode());
        assertTrue(held.headers().firstValue("Link").orElse("").contains("/release/26.0/process/1.4.5.ttl"));
        // A stored extension's process has a page in the release it extends, and only there.
        assertEquals(200, get("/process/25.5/2.3.3.10.5").statusCode());
        assertEquals(404, get("/process/26.0/2.3.3.10.5").statusCode());
        assertEquals(404, get("/process/25.5/2.3.3.10.99").statusCode());
    }

    @Test
    void theEndpointsDescribeHasTheLabelsToo() {
        Model m = parse(describe("DESCRIBE <" + BASE + "release/26.0/process/1.4.5>"), RDFFormat.TURTLE);
        assertTrue(m.contains(Values.iri(BASE + "release/26.0/process/1.4"), RDFS.LABEL, null));
    }

    // ---- helpers ---------------------------------------------------------------------------

    static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) b.headers(headers);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A DESCRIBE sent to the SPARQL endpoint, answered in Turtle. */
    static String describe(String query) {
        HttpResponse<String> r = get("/etom/sparql?query=" + ApiClient.encode(query), "Accept", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static Model parse(String text, RDFFormat format) {
        try {
            return Rio.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "", format);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
