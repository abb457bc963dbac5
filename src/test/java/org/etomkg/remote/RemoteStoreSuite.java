package org.etomkg.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.etomkg.check.Finding;
import org.etomkg.check.QualityChecks;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionPromiseTest;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ShippedStore;
import org.etomkg.store.remote.RemoteLoad;
import org.etomkg.store.remote.RemoteStore;
import org.etomkg.store.remote.SearchFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole named-query suite, and the quality checks, on a remote store loaded by {@code load
 * --store}, against the answers of the embedded store, with the same extensions stored in both;
 * and a second load sends nothing and duplicates nothing. Each kind of store is a subclass; what a
 * store answers otherwise is listed there, with the reason, and checked to stay so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteStoreSuite {
    static final Path QUERIES = Path.of("queries");

    /** Every named query with the parameters it is asked with: the reference ones as ExtensionPromiseTest asks them, and those about extensions. */
    static final Map<String, List<Map<String, String>>> SUITE = new LinkedHashMap<>(ExtensionPromiseTest.ASKED);
    static {
        SUITE.put("bottlenecks", List.of(Map.of()));
        SUITE.put("redundancy", List.of(Map.of()));
        SUITE.put("extension-coverage", List.of(Map.of("release", "25.5")));
        SUITE.put("extension-overlay", List.of(Map.of("extension", "remote-ext0", "release", "25.5")));
        SUITE.put("extension-processes", List.of(Map.of("extension", "remote-ext0")));
        SUITE.put("extension-process", List.of(Map.of("id", "2.3.3.10.1", "release", "25.5")));
        SUITE.put("extension-process-apis", List.of(Map.of("id", "2.3.3.10.1")));
        SUITE.put("flow-accountability", List.of(Map.of("flow", "Order-to-Payment")));
        SUITE.put("flow-steps", List.of(Map.of("flow", "Order-to-Payment")));
        SUITE.put("process-extensions", List.of(Map.of("id", "1.3.3.10", "release", "25.5")));
        SUITE.put("process-flows", List.of(Map.of("id", "2.3.3.10.1", "release", "25.5")));
        SUITE.put("search", List.of(Map.of("text", "web shop", "release", "25.5"), Map.of("text", "order hand", "release", "26.0"),
            Map.of("text", "1.3.3", "release", "25.5")));
    }

    /** The embedded store's answers, computed once for every kind of remote store. */
    private static Map<String, List<String>> onEmbedded;
    private static List<String> embeddedFindings;

    RemoteStore remote;
    SearchFeed search;
    final Map<String, List<String>> onRemote = new TreeMap<>();

    /** The remote store, loaded with the shipped ontology by RemoteLoad. */
    abstract RemoteStore loadedStore() throws Exception;

    /** What the first load reported. */
    abstract RemoteLoad.Result firstLoad();

    /** Questions this kind of store answers otherwise, each with the reason; empty for a store that answers as Jena does. */
    Map<String, String> answersOtherwise() { return Map.of(); }

    @BeforeAll
    void askBoth() throws Exception {
        remote = loadedStore();
        for (int n = 0; n < ExtensionPromiseTest.CONFORMING.size(); n++) {
            Graph g = ExtensionFiles.read(ExtensionPromiseTest.CONFORMING.get(n));
            new ExtensionStore(remote).put("remote-ext" + n, validator().validate(g, Optional.empty()), g);
        }
        search = SearchFeed.start(remote, Path.of("ontology"), 60_000);   // filled now, with the extensions
        askAll(remote, onRemote);
        embeddedAnswers();
    }

    private static ExtensionValidator validator() {
        return new ExtensionValidator(Path.of("shapes"), new OntologyFolder(Path.of("ontology")));
    }

    private static synchronized void embeddedAnswers() throws java.io.IOException {
        if (onEmbedded != null) return;
        Path dir = java.nio.file.Files.createTempDirectory("etomkg-embedded");
        try (KnowledgeStore embedded = KnowledgeStore.open(ShippedStore.copyTo(dir.resolve("data")))) {
            for (int n = 0; n < ExtensionPromiseTest.CONFORMING.size(); n++) {
                Graph g = ExtensionFiles.read(ExtensionPromiseTest.CONFORMING.get(n));
                new ExtensionStore(embedded).put("remote-ext" + n, validator().validate(g, Optional.empty()), g);
            }
            Map<String, List<String>> answers = new TreeMap<>();
            askAll(embedded, answers);
            QualityChecks checks = new QualityChecks(QUERIES.resolve("checks"));
            embeddedFindings = findings(embedded, checks, QueryFiles.read(QUERIES.resolve("releases.rq")));
            embeddedGraphs = new TreeMap<>(embedded.graphTriples());
            embeddedGraphs.keySet().removeIf(g -> g.contains("/graph/extension"));
            onEmbedded = answers;
        } finally {
            ShippedStore.deleteTree(dir);
        }
    }

    private static Map<String, Long> embeddedGraphs;

    @AfterAll
    void close() {
        for (int n = 0; n < ExtensionPromiseTest.CONFORMING.size(); n++) new ExtensionStore(remote).delete("remote-ext" + n);
        if (search != null) search.close();
        remote.close();
    }

    static void askAll(KnowledgeStore store, Map<String, List<String>> into) {
        try (var conn = store.connect()) {
            QueryRunner runner = new QueryRunner(conn, 60);
            for (var e : SUITE.entrySet()) {
                NamedQuery q = QueryFiles.find(QUERIES, e.getKey()).orElseThrow();
                Map<String, String> concatenated = ConcatenatedValues.of(q);
                for (Map<String, String> params : e.getValue()) {
                    List<String> rows = new ArrayList<>();
                    List<Binding> answer;
                    long start = System.nanoTime();
                    try {
                        answer = runner.run(q, params).rows();
                    } catch (RuntimeException failed) {   // one question the store cannot answer is one difference, not the end of the suite
                        into.put(e.getKey() + " " + new TreeMap<>(params), List.of("failed: " + failed.getMessage()));
                        continue;
                    } finally {
                        if (System.getProperty("etomkg.suite.times") != null)
                            System.out.printf("%6d ms %s %s%n", (System.nanoTime() - start) / 1_000_000, e.getKey(), params);
                    }
                    for (Binding b : answer) {
                        TreeMap<String, String> row = new TreeMap<>();   // by name: a remote row binds its variables in another order
                        for (var it = b.vars(); it.hasNext(); ) {
                            Var v = it.next();
                            String separator = concatenated.get(v.getVarName());
                            row.put(v.getVarName(), (separator == null ? b.get(v) : ConcatenatedValues.ordered(b.get(v), separator)).toString());
                        }
                        rows.add(row.toString());
                    }
                    // Search's rows keep their order (best first), without the scores: Lucene weighs a word by how many
                    // documents hold it, and the replica's index holds fewer documents than the embedded store's.
                    if (q.name().equals("search")) rows.replaceAll(row -> row.replaceAll("score=[^,}]*", "score"));
                    else rows.sort(null);
                    into.put(e.getKey() + " " + new TreeMap<>(params), rows);
                }
            }
        }
    }

    @Test
    void everyNamedQueryIsInTheSuite() {
        List<String> missing = new ArrayList<>();
        QueryFiles.readAll(QUERIES).stream().map(NamedQuery::name).filter(name -> !SUITE.containsKey(name)).forEach(missing::add);
        assertEquals(List.of(), missing, "a new named query: ask it here too");
    }

    @Test
    void mostQuestionsHaveAnswers() {
        assertTrue(onRemote.values().stream().filter(rows -> !rows.isEmpty()).count() >= onEmbedded.size() * 3 / 4, "the remote store answers");
        long answered = onEmbedded.values().stream().filter(rows -> !rows.isEmpty()).count();
        assertTrue(answered >= onEmbedded.size() * 3 / 4, answered + " of " + onEmbedded.size() + " questions have answers: the suite asks too little");
    }

    @TestFactory
    Stream<DynamicTest> theRemoteStoreAnswersAsTheEmbeddedOne() {
        return onEmbedded.keySet().stream().map(key -> DynamicTest.dynamicTest(key, () -> {
            String otherwise = answersOtherwise().get(key);
            if (otherwise == null) assertEquals(onEmbedded.get(key), onRemote.get(key), key);
            else assertNotEquals(onEmbedded.get(key), onRemote.get(key), key + " is listed as answered otherwise (" + otherwise + "), and now agrees: take it off the list");
        }));
    }

    /** Quality checks this kind of store answers otherwise (by check name), each with the reason; they are compared one by one, to stay so. */
    Map<String, String> checksOtherwise() { return Map.of(); }

    /** check --store: the quality checks find what they find on the embedded store, and nothing of the store's own record. */
    @Test
    void theQualityChecksFindTheSame() {
        QualityChecks checks = new QualityChecks(QUERIES.resolve("checks"));
        NamedQuery releases = QueryFiles.read(QUERIES.resolve("releases.rq"));
        assertTrue(embeddedFindings.size() > 100, "the checks find things: " + embeddedFindings.size());
        if (checksOtherwise().isEmpty()) {
            assertEquals(embeddedFindings, findings(remote, checks, releases));
            return;
        }
        List<String> here = new ArrayList<>(), there = new ArrayList<>();
        try (var conn = remote.connect()) {
            QueryRunner runner = new QueryRunner(conn, 120);
            for (NamedQuery check : checks.checks()) {
                List<String> expected = embeddedFindings.stream().filter(f -> f.startsWith(check.name() + " ")).toList();
                List<String> found;
                try {
                    found = findings(check, runner);
                } catch (RuntimeException failed) {
                    found = List.of("failed: " + failed.getMessage());
                }
                String otherwise = checksOtherwise().get(check.name());
                if (otherwise == null) {
                    here.addAll(expected);
                    there.addAll(found);
                } else {
                    assertNotEquals(expected, found, check.name() + " is listed as finding otherwise (" + otherwise + "), and now agrees: take it off the list");
                }
            }
        }
        assertEquals(here, there);
    }

    /** One check's findings, written as {@link #findings(KnowledgeStore, QualityChecks, NamedQuery)} writes them. */
    private static List<String> findings(NamedQuery check, QueryRunner runner) {
        var result = runner.run(check, Map.of());
        List<String> out = new ArrayList<>();
        for (Binding b : result.rows()) {
            TreeMap<String, String> values = new TreeMap<>();
            for (String c : result.columns()) {
                var n = b.get(Var.alloc(c));
                if (n != null) values.put(c, n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
            }
            out.add(check.name() + " " + check.severity().get() + " " + ordered(check, values));
        }
        out.sort(null);
        return out;
    }

    /** A finding's values by column, each GROUP_CONCAT column's parts in order. */
    private static TreeMap<String, String> ordered(NamedQuery check, Map<String, String> values) {
        TreeMap<String, String> out = new TreeMap<>(values);
        if (check != null) ConcatenatedValues.of(check).forEach((column, separator) -> out.computeIfPresent(column, (c, v) -> ConcatenatedValues.ordered(v, separator)));
        return out;
    }

    private static List<String> findings(KnowledgeStore store, QualityChecks checks, NamedQuery releases) {
        try (var conn = store.connect()) {
            List<String> out = new ArrayList<>();
            Map<String, NamedQuery> byName = new TreeMap<>();
            checks.checks().forEach(c -> byName.put(c.name(), c));
            for (Finding f : checks.report(new QueryRunner(conn, 120), releases).findings())
                out.add(f.check() + " " + f.severity() + " " + ordered(byName.get(f.check()), f.values()));
            out.sort(null);
            return out;
        }
    }

    @Test
    void aSecondLoadSendsNothingAndDuplicatesNothing() {
        Map<String, Long> before = remote.graphTriples();
        RemoteLoad.Result again = RemoteLoad.load(remote, ShippedStore.ONTOLOGY);
        assertEquals(0, again.sent(), "nothing changed, so nothing is sent");
        assertEquals(firstLoad().graphs(), again.graphs());
        assertEquals(before, remote.graphTriples());
        // and the graphs hold what the embedded store holds
        Map<String, Long> remoteReference = new TreeMap<>(before);
        remoteReference.keySet().removeIf(g -> g.contains("/graph/extension"));
        assertEquals(embeddedGraphs, remoteReference);
    }
}
