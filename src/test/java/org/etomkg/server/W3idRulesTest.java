package org.etomkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The redirect rules for w3id.org ({@code docs/w3id/.htaccess}), applied to one IRI of every
 * kind we mint, as a browser and as an RDF client ask for it, send each to a URL that a real
 * server answers with 200 (after its 303, if any) in the media type asked for.
 */
class W3idRulesTest {
    static final Path HTACCESS = Path.of("docs/w3id/.htaccess").toAbsolutePath();
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static EtomServer server;
    static HttpClient http;
    static RewriteRules rules;

    @BeforeAll
    static void serve() throws IOException {
        rules = RewriteRules.read(HTACCESS);
        store = MintedIris.storeWithExtension(tmp);
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0).withTimeout(60));
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    /** The IRIs of ours (an extension's processes are in their CSP's namespace), with the meta-model's hash terms, the entry ontology and the shapes. */
    static Stream<String> iris() {
        List<String> out = new ArrayList<>();
        for (MintedIris.Kind k : MintedIris.KINDS) if (!k.path().startsWith("/extension/")) out.add(MintedIris.BASE + k.w3idPath());
        for (String term : MintedIris.ONTOLOGY_TERMS) out.add(MintedIris.BASE + "ontology#" + term);
        out.add(MintedIris.BASE + "etom");
        out.add(MintedIris.BASE + "shapes#mentioned");
        out.add(MintedIris.BASE + "shapes/file");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iris")
    void aBrowserIsSentToAPage(String iri) {
        HttpResponse<String> r = follow(iri, BROWSER, 303);
        assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.uri().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iris")
    void anRdfClientIsSentToTheTurtle(String iri) {
        HttpResponse<String> r = follow(iri, "text/turtle, application/rdf+xml;q=0.5", 303);
        assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
        assertEquals("text/turtle", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.uri().toString());
    }

    @Test
    void theNamespaceItselfAndDocumentUrlsPassThrough() {
        assertEquals(302, rules.apply("", BROWSER, env()).orElseThrow().status());
        assertEquals(server.baseUrl() + "/", rules.apply("", BROWSER, env()).orElseThrow().url());
        RewriteRules.Redirect doc = rules.apply("release/26.0.jsonld", BROWSER, env()).orElseThrow();
        assertEquals(server.baseUrl() + "/release/26.0.jsonld", doc.url());
    }

    @Test
    void theServersAddressIsWrittenOnce() throws IOException {
        List<String> rulesNamingIt = java.nio.file.Files.readAllLines(HTACCESS).stream()
            .filter(l -> !l.startsWith("#") && l.contains("https://etom-kg.example.org")).toList();
        assertEquals(List.of("RewriteRule ^ - [E=ETOMKG:https://etom-kg.example.org]"), rulesNamingIt);
    }

    private static Map<String, String> env() { return Map.of("ETOMKG", server.baseUrl()); }

    /** Applies the rules to an IRI as w3id.org receives it (no fragment), checks the status, then requests the URL. */
    private static HttpResponse<String> follow(String iri, String accept, int expected) {
        String path = URI.create(iri).getPath().substring("/etom-kg/".length());
        RewriteRules.Redirect to = rules.apply(path, accept, env()).orElseThrow(() -> new AssertionError("no rule for " + iri));
        assertEquals(expected, to.status(), iri);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(to.url())).header("Accept", accept).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
