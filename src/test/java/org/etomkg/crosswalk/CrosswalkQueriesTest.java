package org.etomkg.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryResult;
import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two named queries over the crosswalk, on a TDB2 store built from the real meta-model,
 * release files and crosswalk files, with answers known from the sources.
 */
class CrosswalkQueriesTest {
    static final Path QUERIES = Path.of("queries").toAbsolutePath();

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static RDFConnection connection;
    static QueryRunner runner;

    @BeforeAll
    static void buildTheStore() throws IOException {
        // the shipped files this part needs, without the other frameworks' graphs
        Path ontology = tmp.resolve("ontology");
        copy(Shipped.ONTOLOGY.resolve("etom-meta.ttl"), ontology.resolve("etom-meta.ttl"));
        for (Path f : Shipped.files().releaseFiles()) copy(f, ontology.resolve("releases").resolve(f.getFileName()));
        CrosswalkFiles files = Shipped.files();
        for (Path f : List.of(files.vocabulary(), files.crosswalk(), files.derivedGroups()))
            copy(f, ontology.resolve(CrosswalkFiles.FOLDER).resolve(f.getFileName()));
        long start = System.nanoTime();
        StoreBuilder.Result r = new StoreBuilder().rebuild(ontology, tmp.resolve("data"));
        System.out.printf("store of %d graphs, %d triples, built in %d ms%n", r.graphs(), r.triples(), (System.nanoTime() - start) / 1_000_000);
        store = KnowledgeStore.open(tmp.resolve("data"));
        connection = store.connect();
        runner = new QueryRunner(connection, 60);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    @AfterAll
    static void closeTheStore() {
        connection.close();
        store.close();
    }

    static List<Map<String, String>> run(String name, Map<String, String> params) {
        NamedQuery q = QueryFiles.find(QUERIES, name).orElseThrow();
        QueryResult r = runner.run(q, params);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Binding b : r.rows()) {
            Map<String, String> row = new HashMap<>();
            for (String c : r.columns()) {
                var n = b.get(Var.alloc(c));
                if (n != null) row.put(c, n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    // ---- process-history ------------------------------------------------------------------------

    @Test
    void theHistoryOfSellingFollowsItsRenumbering() {
        List<Map<String, String>> rows = run("process-history", Map.of("id", "1.12.9", "release", "25.5"));
        assertEquals(List.of("23.0.1", "23.5", "24.0", "24.5", "25.0", "25.5", "26.0"), rows.stream().map(r -> r.get("version")).toList());
        assertEquals(List.of("1.1.9", "1.1.9", "1.1.9", "1.1.9", "1.1.9", "1.12.9", "1.12.9"), rows.stream().map(r -> r.get("identifier")).toList());
        assertTrue(rows.stream().allMatch(r -> r.get("name").equals("Selling")));
        assertEquals("renumbered+moved", rows.get(5).get("change"));
        assertEquals("same name, same level", rows.get(5).get("rule"));
        assertEquals("1.12", rows.get(5).get("parent"));
        assertEquals("first release", rows.get(0).get("change"));
        assertEquals("unchanged", rows.get(6).get("change"));
        // the same history from the other end, by the old identifier
        assertEquals(rows, run("process-history", Map.of("id", "1.1.9", "release", "23.0.1")));
    }

    @Test
    void theHistoryFollowsTheCrosswalkNotTheIdentifier() {
        // 1.7.2 of 26.0 was 1.7.2.2 in 23.0.1, where 1.7.2 named Enterprise Audit & Risk Management
        List<Map<String, String>> rows = run("process-history", Map.of("id", "1.7.2", "release", "26.0"));
        assertEquals("23.0.1", rows.get(0).get("version"));
        assertEquals("1.7.2.2", rows.get(0).get("identifier"));
        assertEquals("Enterprise Risk Management", rows.get(0).get("name"));
        assertEquals("renumbered+moved", rows.get(1).get("change"));
        assertEquals(7, rows.size());
    }

    @Test
    void theHistoryOfARemovedProcessEndsWithItsRemoval() {
        List<Map<String, String>> rows = run("process-history", Map.of("id", "1.1.3.3", "release", "24.0"));
        assertEquals(6, rows.size(), rows.toString());
        Map<String, String> last = rows.get(5);
        assertEquals("25.5", last.get("version"));
        assertEquals("removed", last.get("change"));
        assertFalse(last.containsKey("identifier"));
    }

    // ---- multi-group-processes ------------------------------------------------------------------

    @Test
    void in25_5TheWorkbookPutsSomeProcessesInSeveralGroups() {
        List<Map<String, String>> rows = run("multi-group-processes", Map.of("release", "25.5"));
        // known from the source: the workbook's rows per process, counted independently here
        long expected = Shipped.history().release("25.5").all().stream().filter(p -> p.verticalGroups().size() > 1).count();
        assertEquals(133, expected);
        assertEquals(expected, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.get("derived").equals("false") && !r.containsKey("derivedFrom")), "25.5 states its own");
        Map<String, String> rdm = rows.get(0);
        assertEquals("1.5.7", rdm.get("identifier"));
        assertEquals("4", rdm.get("groupCount"));
        assertEquals(new TreeSet<>(Set.of("Assurance", "Billing", "Fulfillment", "Operations Readiness & Support")), groups(rdm));
    }

    @Test
    void inOtherReleasesTheGroupsAreDerivedAndSaidToBe() {
        DerivedVerticalGroups groups = DerivedVerticalGroups.compute(Shipped.history());
        for (String release : List.of("26.0", "23.0.1")) {
            List<Map<String, String>> rows = run("multi-group-processes", Map.of("release", release));
            long expected = groups.derived(release).stream().filter(d -> d.groups().size() > 1).count();
            assertEquals(expected, rows.size(), release);
            assertTrue(rows.stream().allMatch(r -> r.get("derived").equals("true") && r.containsKey("derivedFrom")), release);
        }
        Map<String, String> rdm = run("multi-group-processes", Map.of("release", "26.0")).stream()
            .filter(r -> r.get("identifier").equals("1.5.7")).findFirst().orElseThrow();
        assertEquals("1.5.7", rdm.get("derivedFrom"));
        assertEquals(4, groups(rdm).size());
    }

    private static Set<String> groups(Map<String, String> row) {
        return new TreeSet<>(List.of(row.get("groups").split(", ")));
    }

    @Test
    void bothQueriesSayWhatTheyDo() {
        for (String name : List.of("process-history", "multi-group-processes")) {
            NamedQuery q = QueryFiles.find(QUERIES, name).orElseThrow();
            assertFalse(q.title().isBlank());
            assertFalse(q.description().isBlank());
            assertTrue(q.parameters().stream().allMatch(p -> !p.description().isBlank()));
        }
        // the default release of the history applies when only an identifier is given
        assertEquals(7, run("process-history", Map.of("id", "1.3.3")).size());
        Txn.executeRead(connection, () -> {
            try (QueryExecution qe = connection.query("ASK { ?x <https://w3id.org/etom-kg/ontology#nextVersion> ?y }")) {
                assertTrue(qe.execAsk());
            }
        });
    }
}
