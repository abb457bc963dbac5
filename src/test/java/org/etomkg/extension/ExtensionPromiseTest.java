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
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;
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
class ExtensionPromiseTest {
    static final Path QUERIES = Path.of("queries");
    static final List<Path> CONFORMING = List.of(Path.of("examples/nordlicht-telecom.ttl"),
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
        "extension-process-apis", "extension-process", "flow-accountability", "process-extensions", "redundancy", "search");

    /** The parameters each reference query is asked with: the reference things the extensions touch. */
    static final Map<String, List<Map<String, String>>> ASKED = new LinkedHashMap<>();
    static {
        List<String> ids = List.of("1.3", "1.3.3", "1.3.3.10", "1.3.3.10.1", "1.3.3.11", "1.3.3.12");
        for (String q : List.of("path-to-root", "process-card", "process-components", "process-history", "process-sid-abes", "subtree"))
            ASKED.put(q, ids.stream().map(id -> Map.of("id", id, "release", "25.5")).toList());
        ASKED.put("process", ids.stream().map(id -> Map.of("id", id)).toList());
        for (String q : List.of("flagged-elements", "map", "multi-group-processes", "release-summary", "retired-processes",
                                "stale-component-references", "uncovered-processes"))
            ASKED.put(q, List.of(Map.of("release", "25.5"), Map.of("release", "26.0")));
        ASKED.put("domain-sid-abes", List.of(Map.of("domain", "Customer", "release", "25.5")));
        ASKED.put("group-domain-apis", List.of(Map.of("domain", "Customer", "group", "Fulfillment", "release", "25.5")));
        ASKED.put("map-cell", List.of(Map.of("domain", "Customer", "group", "Fulfillment", "release", "25.5")));
        ASKED.put("release-diff", List.of(Map.of("from", "25.0", "to", "25.5"), Map.of("from", "25.5", "to", "26.0")));
        ASKED.put("releases", List.of(Map.of()));
    }

    @TempDir static Path dir;
    static KnowledgeStore store;
    static final Map<String, List<String>> before = new TreeMap<>(), after = new TreeMap<>();
    static ExtensionValidator validator;

    @BeforeAll
    static void askBeforeAndAfterStoringTheExtensions() {
        Path data = dir.resolve("data");
        new StoreBuilder().rebuild(Path.of("ontology"), data);
        store = KnowledgeStore.open(data);
        validator = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(Path.of("ontology")));
        askAll(before);
        ExtensionStore extensions = new ExtensionStore(store);
        int n = 0;
        for (Path file : CONFORMING) {
            Graph g = ExtensionFiles.read(file);
            ExtensionReport report = validator.validate(g, Optional.empty());
            assertTrue(report.conforms(), file + "\n" + ReportFormat.text.format(report));
            extensions.put("ext" + n++, report, g);
        }
        askAll(after);
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

    @TestFactory
    Stream<DynamicTest> attacksOnTheReferenceDoNotConform() {
        return ATTACKS.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            ExtensionReport r = validator.validate(ExtensionFiles.read(file), Optional.empty());
            assertFalse(r.conforms(), file + " would be stored");
        }));
    }
}
