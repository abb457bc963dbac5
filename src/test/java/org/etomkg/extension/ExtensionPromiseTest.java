package org.etomkg.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ShippedStore;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of an extension, as a property: it adds, and never changes, what the store says
 * about the reference. One store, built from the real ontology/ into a temporary folder, is
 * asked every named query about reference things before and after the example extension and a
 * hostile but conforming one are stored; the answers must be equal. The attack extensions of
 * rule 7 and 8 must not conform, so they are never stored. (The OWL side of the promise is
 * {@link ExtensionEntailmentTest}.)
 */
public class ExtensionPromiseTest {
    static final Path QUERIES = Path.of("queries");
    public static final List<Path> CONFORMING = List.of(Path.of("examples/nordlicht-telecom.ttl"),
        Path.of("src/test/resources/extension/hostile-conforming.ttl"));
    static final List<Path> ATTACKS = List.of(Path.of("examples/invalid/r07-same-as-invalid.ttl"),
        Path.of("examples/invalid/r07-reference-namespace-invalid.ttl"), Path.of("examples/invalid/r07-reference-invalid.ttl"),
        Path.of("examples/invalid/r08-unresolved-invalid.ttl"));

    /**
     * Queries about extensions, left out on purpose: their answers are meant to change when an
     * extension is stored (their headers say so). search.rq is full-text over names and local
     * names, so an extension's local names are meant to be found by it.
     */
    static final Set<String> ABOUT_EXTENSIONS = Set.of("bottlenecks", "extension-coverage", "extension-overlay",
        "extension-process-apis", "extension-process", "extension-processes", "flow-accountability", "flow-steps", "process-extensions",
        "process-flows", "redundancy", "search");

    /** The parameters each reference query is asked with: the reference things the extensions touch. */
    public static final Map<String, List<Map<String, String>>> ASKED = new LinkedHashMap<>();
    static {
        List<String> ids = List.of("1.3", "1.3.3", "1.3.3.10", "1.3.3.10.1", "1.3.3.11", "1.3.3.12");
        for (String q : List.of("path-to-root", "process-card", "process-components", "process-history", "process-sid-abes", "subtree"))
            ASKED.put(q, ids.stream().map(id -> Map.of("id", id, "release", "25.5")).toList());
        ASKED.put("process", ids.stream().map(id -> Map.of("id", id)).toList());
        for (String q : List.of("flagged-elements", "map", "multi-group-processes", "release-summary", "retired-processes",
                                "stale-component-references", "uncovered-processes"))
            ASKED.put(q, List.of(Map.of("release", "25.5"), Map.of("release", "26.0")));
        ASKED.put("domain-sid-abes", List.of(Map.of("domain", "Customer", "release", "25.5")));
        ASKED.put("domain-summary", List.of(Map.of("domain", "Customer", "release", "25.5"), Map.of("domain", "1.3", "release", "26.0")));
        ASKED.put("release-processes", List.of(Map.of("release", "25.5")));
        ASKED.put("group-domain-apis", List.of(Map.of("domain", "Customer", "group", "Fulfillment", "release", "25.5")));
        ASKED.put("map-cell", List.of(Map.of("domain", "Customer", "group", "Fulfillment", "release", "25.5")));
        ASKED.put("release-diff", List.of(Map.of("from", "25.0", "to", "25.5"), Map.of("from", "25.5", "to", "26.0")));
        ASKED.put("releases", List.of(Map.of()));
        ASKED.put("release-index", List.of(Map.of("release", "25.5")));
        ASKED.put("process-children", Stream.of("top", "1.3", "1.3.3", "1.3.3.10", "1.3.3.10.1")
            .map(id -> Map.of("parent", id, "release", "25.5")).toList());
    }

    @TempDir static Path dir;
    static KnowledgeStore store;
    static final Map<String, List<String>> before = new TreeMap<>(), after = new TreeMap<>();
    static ExtensionValidator validator;

    @BeforeAll
    static void askBeforeAndAfterStoringTheExtensions() {
        Path data = ShippedStore.copyTo(dir.resolve("data"));
        store = KnowledgeStore.open(data);
        validator = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(Path.of("ontology")));
        askAll(before);
        referenceBefore.putAll(referenceGraphs());
        ExtensionStore extensions = new ExtensionStore(store);
        int n = 0;
        for (Path file : CONFORMING) {
            Graph g = ExtensionFiles.read(file);
            ExtensionReport report = validator.validate(g, Optional.empty());
            assertTrue(report.conforms(), file + "\n" + ReportFormat.text.format(report));
            extensions.put("ext" + n++, report, g);
        }
        askAll(after);
        referenceAfter.putAll(referenceGraphs());
    }

    static final Map<String, String> referenceBefore = new TreeMap<>(), referenceAfter = new TreeMap<>();

    /** Per graph that is not an extension's nor the registry: its size and an order-free sum of its triples. */
    static Map<String, String> referenceGraphs() {
        var dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Map<String, String> out = new TreeMap<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (g.getURI().startsWith(ExtensionStore.graphOf("")) || g.getURI().equals(ETOM.BASE + "graph/extensions")) return;
                long[] sizeAndSum = new long[2];
                dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                    sizeAndSum[0]++;
                    sizeAndSum[1] += q.asTriple().hashCode();
                });
                out.put(g.getURI(), sizeAndSum[0] + " triples, sum " + sizeAndSum[1]);
            });
            return out;
        });
    }

    @AfterAll
    static void close() { store.close(); }

    static void askAll(Map<String, List<String>> into) {
        try (var conn = store.connect()) {
            QueryRunner runner = new QueryRunner(conn, 120);
            for (var e : ASKED.entrySet()) {
                NamedQuery q = QueryFiles.find(QUERIES, e.getKey()).orElseThrow();
                for (Map<String, String> params : e.getValue()) {
                    List<String> rows = new ArrayList<>();
                    for (Binding b : runner.run(q, params).rows()) {
                        StringBuilder row = new StringBuilder();
                        for (var it = b.vars(); it.hasNext(); ) { Var v = it.next(); row.append(v).append('=').append(b.get(v)).append(' '); }
                        rows.add(row.toString());
                    }
                    rows.sort(null);
                    into.put(e.getKey() + " " + new TreeMap<>(params), rows);
                }
            }
        }
    }

    @Test
    void everyNamedQueryIsAskedOrLeftOutWithAReason() {
        List<String> unasked = new ArrayList<>();
        try (Stream<NamedQuery> all = QueryFiles.readAll(QUERIES).stream()) {
            all.map(NamedQuery::name).filter(n -> !ASKED.containsKey(n) && !ABOUT_EXTENSIONS.contains(n)).forEach(unasked::add);
        }
        assertEquals(List.of(), unasked, "a new named query: ask it here about reference things, or say why it is about extensions");
    }

    @TestFactory
    Stream<DynamicTest> referenceAnswersAreTheSameWithTheExtensionsStored() {
        return before.keySet().stream().map(key -> DynamicTest.dynamicTest(key, () -> {
            assertFalse(key.startsWith("process ") && before.get(key).isEmpty(), key + " finds the process it is asked about");
            List<String> added = new ArrayList<>(after.get(key)), removed = new ArrayList<>(before.get(key));
            added.removeAll(before.get(key));
            removed.removeAll(after.get(key));
            assertEquals(before.get(key), after.get(key), key + " changes when extensions are stored: added " + added + ", removed " + removed);
        }));
    }

    /** The SKOS statements an extension implies go to its own graph: no reference graph gains or loses a triple. */
    @Test
    void theReferenceGraphsAreUnchanged() {
        assertTrue(referenceBefore.containsKey(ETOM.releaseGraph("25.5")), referenceBefore.keySet()::toString);
        assertEquals(referenceBefore, referenceAfter);
    }

    static final String SKOS_PREFIXES = """
        PREFIX etom: <https://w3id.org/etom-kg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    static List<String> select(String query) {
        try (var conn = store.connect()) {
            return Txn.calculateRead(conn, () -> {
                List<String> rows = new ArrayList<>();
                try (var qe = conn.query(SKOS_PREFIXES + query)) {
                    var results = qe.execSelect();
                    List<String> columns = results.getResultVars();
                    results.forEachRemaining(r -> {
                        StringBuilder row = new StringBuilder();
                        columns.forEach(v -> row.append(row.length() > 0 ? " " : "").append(r.get(v).isLiteral()
                            ? r.getLiteral(v).getLexicalForm() + (r.getLiteral(v).getLanguage().isEmpty() ? "" : "@" + r.getLiteral(v).getLanguage())
                            : r.get(v).toString()));
                        rows.add(row.toString());
                    });
                }
                rows.sort(null);
                return rows;
            });
        }
    }

    /** Nordlicht's German and Norwegian local names are SKOS alternative labels of the 25.5 processes, in their language. */
    @Test
    void theLocalNamesAreSkosLabelsInTheirLanguage() {
        String graph = "<" + ExtensionStore.graphOf("ext0") + ">";
        List<String> labels = select("SELECT ?id ?name WHERE { GRAPH " + graph + " { ?p skos:altLabel ?name } "
            + "?p skos:inScheme <https://w3id.org/etom-kg/release/25.5> ; skos:notation ?id }");
        List<String> localNames = select("SELECT ?id ?name WHERE { GRAPH " + graph + " { ?p etom:localName ?name } ?p skos:notation ?id }");
        assertEquals(localNames, labels);
        assertTrue(labels.contains("1.3.3.10 Kundenauftrag erfassen@de") && labels.contains("1.3.3.10 Registrere kundeordre@nb"), labels::toString);
        assertEquals(List.of(), select("SELECT ?p ?name WHERE { ?p skos:prefLabel ?name FILTER (LANG(?name) IN ('de', 'nb')) }"),
            "a local name is an alternative label, never a preferred one");
    }

    /** Each of Nordlicht's processes is skos:broader its etom:parent: a 25.5 process, or one of its own (which has it as skos:narrower). */
    @Test
    void theProcessesAreNarrowerThanTheirParents() {
        String graph = "<" + ExtensionStore.graphOf("ext0") + ">";
        List<String> toTheRelease = select("SELECT ?id ?parent WHERE { GRAPH " + graph + " { ?p skos:broader ?up ; skos:notation ?id } "
            + "?up skos:inScheme <https://w3id.org/etom-kg/release/25.5> ; skos:notation ?parent }");
        List<String> parentsInTheRelease = select("SELECT ?id ?parent WHERE { GRAPH " + graph + " { ?p etom:parent ?up ; skos:notation ?id } "
            + "?up skos:inScheme <https://w3id.org/etom-kg/release/25.5> ; skos:notation ?parent }");
        assertEquals(parentsInTheRelease, toTheRelease);
        assertTrue(toTheRelease.contains("2.3.3.10.1 1.3.3.10"), toTheRelease::toString);
        assertEquals(List.of(), select("SELECT ?p WHERE { GRAPH " + graph + " { ?p a etom:ExtensionProcess "
            + "FILTER (NOT EXISTS { ?p etom:parent ?up ; skos:broader ?up } || NOT EXISTS { ?p a skos:Concept ; skos:prefLabel ?l }) } }"));
        assertEquals(List.of(), select("SELECT ?p ?up WHERE { GRAPH " + graph + " { ?p etom:parent ?up . ?up a etom:ExtensionProcess "
            + "FILTER NOT EXISTS { ?up skos:narrower ?p } } }"));
        assertEquals(List.of(), select("SELECT ?up WHERE { ?up skos:narrower ?p ; skos:inScheme <https://w3id.org/etom-kg/release/25.5> . "
            + "?p a etom:ExtensionProcess }"), "no narrower statement about a reference process");
    }

    /** What the store keeps of an extension conforms as the extension did: rule 7 accepts the SKOS statements it adds. */
    @Test
    void theStoredExtensionValidatesAsItDid() {
        ExtensionReport again = validator.validate(new ExtensionStore(store).get("ext0").orElseThrow(), Optional.empty());
        assertTrue(again.conforms(), ReportFormat.text.format(again));
        assertEquals(0, again.count(Finding.Severity.Warning), ReportFormat.text.format(again));
    }

    @TestFactory
    Stream<DynamicTest> attacksOnTheReferenceDoNotConform() {
        return ATTACKS.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            ExtensionReport r = validator.validate(ExtensionFiles.read(file), Optional.empty());
            assertFalse(r.conforms(), file + " would be stored");
        }));
    }
}
