package org.etomkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Builds the store from the real {@code ontology/} folder once, then checks that it holds what
 * TM Forum's sources hold, that a bad file changes nothing, that a rebuild gives the same store
 * and keeps the user's graphs, and that {@code ensure} rebuilds only when a file changed.
 */
class StoreBuilderTest {
    static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();
    static final String BASE = "https://w3id.org/etom-kg/";
    static final String PREFIXES = """
        PREFIX etom: <https://w3id.org/etom-kg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;
    static final List<String> RELEASES = List.of("23.0.1", "23.5", "24.0", "24.5", "25.0", "25.5", "26.0");
    static final String USER_GRAPH = "urn:etom-kg-test:my-extension";

    @TempDir static Path tmp;
    static Path data;
    static Map<String, Long> triplesPerGraph;

    /** The store every test JVM builds from the shipped files once (ShippedStore); the rebuild test builds it again here. */
    @BeforeAll
    static void buildFromTheShippedFiles() {
        data = ShippedStore.copyTo(tmp.resolve("data"));
        triplesPerGraph = triplesPerGraph(data);
    }

    // ---- what the store holds ------------------------------------------------------------

    static long ttlFiles(Path dir) {
        try (var walk = java.nio.file.Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".ttl")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void oneNamedGraphPerOntologyFileNamedByItsOntologyIri() {
        List<String> expected = new ArrayList<>(List.of(BASE + "etom", BASE + "ontology"));
        for (String v : RELEASES) expected.add(BASE + "graph/release/" + v);
        expected.sort(null);
        long files = ttlFiles(ONTOLOGY);
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            assertTrue(store.graphNames().containsAll(expected), store.graphNames().toString());
            assertEquals(files, store.graphNames().size(), "one graph per Turtle file: " + store.graphNames());
        }
    }

    @Test
    void eachGraphHoldsExactlyTheTriplesOfItsFile() throws IOException {
        try (KnowledgeStore store = KnowledgeStore.open(data); Stream<Path> files = Files.walk(ONTOLOGY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ttl")).toList()) {
                Graph parsed = OntologyFiles.parse(file);
                String iri = parsed.find(Node.ANY, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    NodeFactory.createURI("http://www.w3.org/2002/07/owl#Ontology")).next().getSubject().getURI();
                boolean same = Txn.calculateRead(store.datasetGraph(),
                    () -> store.datasetGraph().getGraph(NodeFactory.createURI(iri)).isIsomorphicWith(parsed));
                assertTrue(same, "graph <" + iri + "> differs from " + file);
            }
        }
    }

    @ParameterizedTest(name = "release {0} has {1} process elements below level 1")
    @CsvSource({"23.0.1, 2556", "23.5, 2763", "24.0, 2846", "24.5, 2829", "25.0, 2847", "25.5, 2893", "26.0, 2915"})
    void processElementsBelowLevelOneMatchTheSource(String release, long expected) {
        String q = PREFIXES + """
            SELECT (COUNT(DISTINCT ?e) AS ?elements) (COUNT(DISTINCT ?id) AS ?identifiers) WHERE {
              GRAPH ?g {
                ?scheme etom:version "%s" .
                ?e a etom:ProcessElement ; skos:inScheme ?scheme ; skos:notation ?id ; etom:level ?level .
                FILTER (?level > 1)
              }
            }""".formatted(release);
        List<QuerySolution> rows = select(data, q);
        assertEquals(expected, rows.get(0).getLiteral("elements").getLong(), "elements of " + release);
        assertEquals(expected, rows.get(0).getLiteral("identifiers").getLong(), "distinct identifiers of " + release);
        // and every one of them lives in the release's own graph
        List<QuerySolution> inGraph = select(data, PREFIXES + """
            SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
              GRAPH <%sgraph/release/%s> { ?e a etom:ProcessElement ; etom:level ?level . FILTER (?level > 1) }
            }""".formatted(BASE, release));
        assertEquals(expected, inGraph.get(0).getLiteral("n").getLong());
    }

    @Test
    void release25_5LevelByLevel() {
        Map<Integer, Long> perLevel = new TreeMap<>();
        for (QuerySolution s : select(data, PREFIXES + """
                SELECT ?level (COUNT(DISTINCT ?e) AS ?n) WHERE {
                  ?e a etom:ProcessElement ; skos:inScheme/etom:version "25.5" ; etom:level ?level .
                } GROUP BY ?level"""))
            perLevel.put(s.getLiteral("level").getInt(), s.getLiteral("n").getLong());
        assertEquals(Map.of(1, 8L, 2, 120L, 3, 630L, 4, 1459L, 5, 450L, 6, 167L, 7, 67L), perLevel);

        List<QuerySolution> domains = select(data, PREFIXES + """
            SELECT (COUNT(DISTINCT ?d) AS ?domains) (COUNT(DISTINCT ?e) AS ?elements) WHERE {
              ?e a etom:ProcessElement ; skos:inScheme/etom:version "25.5" ; etom:level 1 ; etom:domain ?d .
              ?d a etom:Domain .
              FILTER NOT EXISTS { ?e etom:parent ?any }
            }""");
        assertEquals(8, domains.get(0).getLiteral("domains").getInt());
        assertEquals(8, domains.get(0).getLiteral("elements").getInt());
    }

    @Test
    void retiredElementsOf25_5AreKeptApartFromTheActiveOnes() {
        List<QuerySolution> rows = select(data, PREFIXES + """
            SELECT ?v (COUNT(DISTINCT ?r) AS ?retired) WHERE {
              ?release etom:version ?v .
              OPTIONAL { ?r a etom:RetiredProcessElement ; etom:retiredFrom ?release }
            } GROUP BY ?v ORDER BY ?v""");
        Map<String, Integer> retired = new TreeMap<>();
        rows.forEach(s -> retired.put(s.getLiteral("v").getString(), s.getLiteral("retired").getInt()));
        Map<String, Integer> expected = new TreeMap<>();
        RELEASES.forEach(v -> expected.put(v, v.equals("25.5") ? 532 : 0));
        assertEquals(expected, retired);

        List<QuerySolution> mixed = select(data, PREFIXES + """
            SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {
              ?r a etom:RetiredProcessElement .
              { ?r a etom:ProcessElement } UNION { ?r skos:inScheme ?scheme } UNION { ?r skos:notation ?id }
              UNION { ?r etom:parent ?p } UNION { ?child etom:parent ?r }
            }""");
        assertEquals(0, mixed.get(0).getLiteral("n").getInt(), "a retired element is mixed into the active hierarchy");
    }

    // ---- bad files change nothing ----------------------------------------------------------

    @Test
    void aSyntaxErrorNamesTheFileAndLineAndLeavesThePreviousStore() throws IOException {
        Path broken = smallOntology("syntax-error");
        Path file = broken.resolve("releases/etom-23.0.1.ttl");
        Files.createDirectories(file.getParent());
        Files.copy(ONTOLOGY.resolve("releases/etom-23.0.1.ttl"), file);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(4999, "p:1.2.16.2.2 { etom:level 4 } .");   // line 5000: braces are TriG, not Turtle
        Files.write(file, lines);

        StoreException e = assertThrows(StoreException.class, () -> new StoreBuilder().rebuild(broken, data));
        assertTrue(e.getMessage().contains("etom-23.0.1.ttl:5000:"), e.getMessage());
        assertStoreUnchanged();
    }

    @Test
    void aBrokenSynonymFileNamesItsLineAndLeavesThePreviousStore() throws IOException {
        Path broken = smallOntology("synonyms");
        Path file = broken.resolve(org.etomkg.suggest.TelecomSynonyms.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# ours\norder, request\nticket => trouble => incident\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StoreBuilder().rebuild(broken, data));
        assertTrue(e.getMessage().contains("telecom-synonyms.txt, line 3"), e.getMessage());
        assertStoreUnchanged();
    }

    @Test
    void aLoadWatchedOnATerminalShowsEachStage() throws IOException {
        Path small = smallOntology("watched");
        java.io.ByteArrayOutputStream shown = new java.io.ByteArrayOutputStream();
        org.etomkg.progress.Progress.showOn(new java.io.PrintStream(shown, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            new StoreBuilder().rebuild(small, tmp.resolve("watched-data"));
        } finally {
            org.etomkg.progress.Progress.showOn(null);
        }
        String lines = shown.toString(java.nio.charset.StandardCharsets.UTF_8);
        long kB = Files.size(small.resolve("etom-meta.ttl")) / 1024 + Math.max(1, Files.size(small.resolve("etom.ttl")) / 1024);
        assertTrue(lines.contains("etom-kg: loading the 2 ontology files in " + small + " into TDB2: " + kB + " kB, done in "), lines);
        assertTrue(lines.contains("etom-kg: writing the last of 2 graphs into TDB2, done in "), lines);
        assertTrue(java.util.regex.Pattern.compile("etom-kg: indexing names and identifiers for search(: [0-9,]+ entries)?, done in ").matcher(lines).find(), lines);
        assertFalse(lines.contains("stopped"), lines);
    }

    @Test
    void aWarningIsAsFatalAsAnError() throws IOException {
        Path broken = smallOntology("warning");
        Files.writeString(broken.resolve("aa-extension.ttl"), """
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <urn:etom-kg-test:zz> a owl:Ontology .

            <urn:etom-kg-test:a> <urn:etom-kg-test:level> "three"^^xsd:integer .
            """);
        StoreException e = assertThrows(StoreException.class, () -> new StoreBuilder().rebuild(broken, data));
        assertTrue(e.getMessage().contains("aa-extension.ttl:5:"), e.getMessage());
        assertStoreUnchanged();
    }

    @Test
    void aFileWithoutAnOntologyHeaderIsRefused() throws IOException {
        Path broken = smallOntology("no-header");
        Files.writeString(broken.resolve("extra.ttl"), """
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/etom-kg/release/25.5/process/1.3.3> rdfs:comment "a stray statement"@en .
            """);
        StoreException e = assertThrows(StoreException.class, () -> new StoreBuilder().rebuild(broken, data));
        assertTrue(e.getMessage().contains("extra.ttl") && e.getMessage().contains("owl:Ontology"), e.getMessage());
        assertStoreUnchanged();
    }

    @Test
    void aHeaderAtTheEndAndARepeatedStatementLoadAsTheFileSays() throws IOException {
        Path small = smallOntology("header-last");
        Files.writeString(small.resolve("zz-mine.ttl"), """
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <urn:etom-kg-test:a> rdfs:label "first" .
            <urn:etom-kg-test:a> rdfs:label "first" .
            _:b rdfs:label "a blank node" .
            <urn:etom-kg-test:mine> a owl:Ontology .
            <urn:etom-kg-test:c> rdfs:label "after the header" .
            """);
        Path at = tmp.resolve("header-last-data");
        StoreBuilder.Result r = new StoreBuilder().rebuild(small, at);
        assertEquals(3, r.graphs());
        try (KnowledgeStore store = KnowledgeStore.open(at)) {
            assertTrue(store.opened().sound(), store.opened().message());   // the counts and checksums taken on the way match what TDB2 holds
            assertEquals(4L, store.graphTriples().get("urn:etom-kg-test:mine"), "the statements before the header too, the repeated one once");
        }
    }

    @Test
    void twoFilesDeclaringTheSameOntologyAreRefused() throws IOException {
        Path broken = smallOntology("duplicate");
        Files.copy(broken.resolve("etom.ttl"), broken.resolve("etom-copy.ttl"));
        StoreException e = assertThrows(StoreException.class, () -> new StoreBuilder().rebuild(broken, data));
        assertTrue(e.getMessage().contains("etom-copy.ttl") && e.getMessage().contains("etom.ttl")
            && e.getMessage().contains(BASE + "etom"), e.getMessage());
        assertStoreUnchanged();
    }

    // ---- rebuilding ------------------------------------------------------------------------

    @Test
    void rebuildingGivesTheSameStoreAndKeepsTheUsersGraphs() {
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            store.replaceGraph(USER_GRAPH, userGraph("kept across a rebuild"));
        }
        try {
            StoreBuilder.Result again = new StoreBuilder().rebuild(ONTOLOGY, data);
            assertTrue(again.rebuilt());
            assertEquals(triplesPerGraph.size(), again.graphs(), "one graph per Turtle file; the user's is carried, not counted");
            assertEquals(triplesPerGraph.values().stream().mapToLong(Long::longValue).sum() + 1, again.triples());

            Map<String, Long> expected = new TreeMap<>(triplesPerGraph);
            expected.put(USER_GRAPH, 1L);
            assertEquals(expected, triplesPerGraph(data));
            assertEquals(1, select(data, "SELECT * { GRAPH <" + USER_GRAPH + "> { ?s ?p \"kept across a rebuild\"@en } }").size());
        } finally {
            try (KnowledgeStore store = KnowledgeStore.open(data)) {
                store.replaceGraph(USER_GRAPH, GraphFactory.createDefaultGraph());
            }
        }
        assertEquals(triplesPerGraph, triplesPerGraph(data));
    }

    @Test
    void ensureRebuildsOnlyWhenAnOntologyFileChanged() throws IOException {
        Path onto = smallOntology("ensure");
        Path dir = tmp.resolve("ensure-data");
        StoreBuilder builder = new StoreBuilder();

        assertTrue(builder.ensure(onto, dir).rebuilt(), "no store yet: ensure builds");
        try (KnowledgeStore store = KnowledgeStore.open(dir)) {
            store.replaceGraph(USER_GRAPH, userGraph("mine"));
        }
        assertFalse(builder.ensure(onto, dir).rebuilt(), "nothing changed");
        Files.setLastModifiedTime(onto.resolve("etom.ttl"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertFalse(builder.ensure(onto, dir).rebuilt(), "a new modification time with the same bytes is no change");

        Files.writeString(onto.resolve("etom.ttl"),
            "\n<https://w3id.org/etom-kg/etom> <http://www.w3.org/2000/01/rdf-schema#comment> \"changed\"@en .\n",
            StandardOpenOption.APPEND);
        assertTrue(builder.ensure(onto, dir).rebuilt(), "a file changed");
        assertEquals(1, select(dir, "SELECT * { GRAPH <" + BASE + "etom> { ?s ?p \"changed\"@en } }").size());
        assertEquals(1, select(dir, "SELECT * { GRAPH <" + USER_GRAPH + "> { ?s ?p ?o } }").size(), "the user's graph survives");
        assertFalse(builder.ensure(onto, dir).rebuilt(), "nothing changed since");

        Files.delete(onto.resolve("etom.ttl"));
        assertTrue(builder.ensure(onto, dir).rebuilt(), "a file went away");
        try (KnowledgeStore store = KnowledgeStore.open(dir)) {
            assertEquals(List.of(BASE + "ontology", USER_GRAPH), store.graphNames(),
                "a graph that came from a removed file goes with it; the user's stays");
        }
    }

    @Test
    void graphsLoadedBeforeTheFirstBuildAreTheUsersAndSurviveIt() throws IOException {
        Path onto = smallOntology("before-first-build");
        Path dir = tmp.resolve("before-first-build-data");
        try (KnowledgeStore store = KnowledgeStore.open(dir)) {     // as 'import --descriptions' does on a fresh checkout
            store.replaceGraph(USER_GRAPH, userGraph("loaded before any build"));
        }
        assertTrue(new StoreBuilder().ensure(onto, dir).rebuilt());
        try (KnowledgeStore store = KnowledgeStore.open(dir)) {
            assertEquals(List.of(BASE + "etom", BASE + "ontology", USER_GRAPH), store.graphNames());
        }
    }

    @Test
    void anInterruptedSwapIsRecoveredAndALeftOverNextStoreCleared() throws IOException {
        Path onto = smallOntology("recover");
        Path dir = tmp.resolve("recover-data");
        new StoreBuilder().rebuild(onto, dir);
        Map<String, Long> built = triplesPerGraph(dir);

        // a crash between "store -> store.previous" and "store.next -> store"
        Files.move(dir.resolve(EmbeddedStore.STORE), dir.resolve(EmbeddedStore.PREVIOUS));
        Files.createDirectories(dir.resolve(StoreBuilder.NEXT).resolve("Data-0001"));
        Files.writeString(dir.resolve(StoreBuilder.NEXT).resolve("Data-0001/half-written.dat"), "junk");
        assertTrue(KnowledgeStore.exists(dir));
        assertEquals(built, triplesPerGraph(dir));

        assertTrue(new StoreBuilder().rebuild(onto, dir).rebuilt());
        assertEquals(built, triplesPerGraph(dir));
        assertFalse(Files.exists(dir.resolve(StoreBuilder.NEXT)));
        assertFalse(Files.exists(dir.resolve(EmbeddedStore.PREVIOUS)));
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The shared store is as the first build left it, and the failed build left nothing behind. */
    private static void assertStoreUnchanged() {
        // One open (each checks the whole store): the graphs' counts, and the 25.5 elements below the domains.
        List<QuerySolution> rows = select(data, PREFIXES + """
            SELECT ?g ?n ?below WHERE {
              { SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g }
              UNION
              { SELECT (COUNT(DISTINCT ?e) AS ?below) WHERE {
                  ?e a etom:ProcessElement ; skos:inScheme/etom:version "25.5" ; etom:level ?l . FILTER (?l > 1) } }
            }""");
        Map<String, Long> counts = new TreeMap<>();
        int below = -1;
        for (QuerySolution r : rows) {
            if (r.contains("g")) counts.put(r.getResource("g").getURI(), r.getLiteral("n").getLong());
            else below = r.getLiteral("below").getInt();
        }
        assertEquals(triplesPerGraph, counts);
        assertEquals(2893, below);
        assertFalse(Files.exists(data.resolve(StoreBuilder.NEXT)), "store.next left behind");
        assertFalse(Files.exists(data.resolve(EmbeddedStore.PREVIOUS)), "store.previous left behind");
        assertFalse(new StoreBuilder().ensure(ONTOLOGY, data).rebuilt(), "the manifest still records the shipped files");
    }

    static Map<String, Long> triplesPerGraph(Path dataDir) {
        Map<String, Long> out = new TreeMap<>();
        for (QuerySolution s : select(dataDir, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
            out.put(s.getResource("g").getURI(), s.getLiteral("n").getLong());
        return out;
    }

    /** Runs a SELECT on the store of a data folder, opening and closing it around the query. */
    /**
     * A query on the built store, read straight from TDB2 with the union default graph, as the store serves it:
     * opening a {@link KnowledgeStore} checks every graph against the manifest, which the tests that open one do.
     */
    static List<QuerySolution> select(Path dataDir, String query) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dataDir.resolve(EmbeddedStore.STORE).toString());
        try {
            return Txn.calculateRead(dsg, () -> {
                try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query)
                        .set(TDB2.symUnionDefaultGraph, true).build()) {
                    List<QuerySolution> rows = new ArrayList<>();
                    qe.execSelect().forEachRemaining(rows::add);
                    return rows;
                }
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static Graph userGraph(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(Triple.create(NodeFactory.createURI("https://example.org/csp/process/2.3.3.10.1"), RDFS.comment.asNode(),
            NodeFactory.createLiteralLang(text, "en")));
        return g;
    }

    /** The meta-model and the entry file only: a store that builds in a moment. */
    private static Path smallOntology(String name) throws IOException {
        Path target = Files.createDirectories(tmp.resolve("small-" + name));
        Files.copy(ONTOLOGY.resolve("etom-meta.ttl"), target.resolve("etom-meta.ttl"));
        Files.copy(ONTOLOGY.resolve("etom.ttl"), target.resolve("etom.ttl"));
        return target;
    }
}
