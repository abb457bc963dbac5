package org.etomkg.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryResult;
import org.etomkg.query.QueryRunner;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cross-framework named queries of {@code queries/}, over the shipped files of
 * {@code ontology/} (all but the Functional Framework catalogues, which none of them reads) and
 * the shipped example extension, in memory. The expectations are facts of TM Forum's sources
 * (which component cites which process, exposes which API) or are worked out here from the
 * graph by other means.
 */
class FrameworkQueriesTest {
    static final Path QUERIES = Path.of("queries");
    static final Path EXAMPLE = Path.of("examples", "nordlicht-telecom.ttl");

    static DatasetGraph dataset;
    static RDFConnection connection;
    static QueryRunner runner;

    @BeforeAll
    static void loadTheShippedFiles() throws IOException {
        dataset = DatasetGraphFactory.createGeneral();
        Graph g = dataset.getDefaultGraph();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("ontology"))) {
            files = s.filter(p -> p.toString().endsWith(".ttl")).filter(p -> !p.getFileName().toString().startsWith("functional-framework-"))
                .sorted().toList();
        }
        long start = System.nanoTime();
        Txn.executeWrite(dataset, () -> {
            for (Path f : files) RDFParser.source(f).lang(Lang.TURTLE).parse(g);
            RDFParser.source(EXAMPLE).lang(Lang.TURTLE).parse(g);
        });
        System.out.printf("FrameworkQueriesTest: loaded %d files, %,d triples in %d ms%n", files.size() + 1, g.size(), (System.nanoTime() - start) / 1_000_000);
        connection = RDFConnection.connect(DatasetFactory.wrap(dataset));
        runner = new QueryRunner(connection, 120);
    }

    @AfterAll
    static void close() {
        connection.close();
    }

    @Test
    void componentsAndApisServingAProcessAndWhatIsBeneathIt() {
        // TMFC043's specification cites 1.5.8 in v25.0 and exposes TMF642, TMF656 and TMF701; TMFC062 cites 1.5.8.2.1 in v25.0.
        List<Map<String, String>> in25 = rows(run("process-components", Map.of("id", "1.5.8", "release", "25.0")));
        assertEquals(Set.of("TMFC043", "TMFC062"), column(in25, "component"));
        assertEquals(Set.of("TMF642", "TMF656", "TMF701"), in25.stream().filter(r -> r.get("component").equals("TMFC043")).map(r -> r.get("api")).collect(Collectors.toSet()));
        assertEquals(Set.of("1.5.8.2.1"), in25.stream().filter(r -> r.get("component").equals("TMFC062")).map(r -> r.get("servedProcesses")).collect(Collectors.toSet()));
        assertTrue(in25.stream().allMatch(r -> r.get("basis").equals("stated")), "25.0 is the release they cite");
        List<Map<String, String>> in26 = rows(run("process-components", Map.of("id", "1.5.8", "release", "26.0")));
        assertEquals(Set.of("TMFC043", "TMFC062"), column(in26, "component"));
        assertTrue(in26.stream().allMatch(r -> r.get("basis").equals("derived")), "carried to 26.0 along the crosswalk");
        // TMFC002 cites 1.3.3 and 1.3.3.10 (v23.0), TMFC003 cites 1.3.3 (v25.5)
        List<Map<String, String>> order = rows(run("process-components", Map.of("id", "1.3.3", "release", "25.5")));
        assertTrue(column(order, "component").containsAll(Set.of("TMFC002", "TMFC003")), order.toString());
        assertTrue(order.stream().anyMatch(r -> r.get("component").equals("TMFC003") && "TMF622".equals(r.get("api")) && r.get("basis").equals("stated")));
        assertTrue(order.stream().allMatch(r -> Stream.of(r.get("servedProcesses").split(" ")).allMatch(id -> id.equals("1.3.3") || id.startsWith("1.3.3."))));
    }

    @Test
    void aMapCellWithTheApisServingItsProcesses() {
        List<Map<String, String>> cell = rows(run("group-domain-apis", Map.of("domain", "Resource", "group", "Assurance", "release", "25.5")));
        List<Map<String, String>> mapCell = rows(run("map-cell", Map.of("domain", "Resource", "group", "Assurance", "release", "25.5")));
        assertEquals(column(mapCell, "identifier"), column(cell, "identifier"), "the same cell as map-cell");
        Map<String, String> trouble = cell.stream().filter(r -> r.get("identifier").equals("1.5.8")).findFirst().orElseThrow();
        assertTrue(Set.of(trouble.get("components").split(" ")).containsAll(Set.of("TMFC043", "TMFC062")), trouble.toString());
        assertTrue(Set.of(trouble.get("apis").split(" ")).containsAll(Set.of("TMF642", "TMF656", "TMF664", "TMF702")), trouble.toString());
        assertTrue(cell.stream().allMatch(r -> r.get("groupBasis").equals("stated")), "25.5 states vertical groups");
    }

    @Test
    void theSidEntitiesTheProcessesOfADomainProduceOrConsume() {
        // link table: TMFC038, 1.5.9 (v24.5), Resource_Performance_ABE (v25.0), bidirectional
        List<Map<String, String>> resource = rows(run("domain-sid-abes", Map.of("domain", "Resource", "release", "24.5")));
        assertTrue(resource.stream().anyMatch(r -> r.get("identifier").equals("1.5.9") && r.get("entity").equals("Resource Performance ABE")
            && r.get("direction").equals("produces and consumes") && r.get("components").equals("TMFC038") && r.get("basis").equals("stated")
            && r.get("sidRelease").equals("25.0") && r.get("sidDomain").equals("Resource Domain")), resource.toString());
        assertTrue(resource.stream().allMatch(r -> r.get("identifier").startsWith("1.5.")), "processes of the Resource domain only");
        // TMFC024, 1.3.10 and 1.3.10.1 (v23.0), Customer_Billing_Account_ABE, bidirectional
        List<Map<String, String>> customer = rows(run("domain-sid-abes", Map.of("domain", "Customer", "release", "23.0.1")));
        for (String id : List.of("1.3.10", "1.3.10.1"))
            assertTrue(customer.stream().anyMatch(r -> r.get("identifier").equals(id) && r.get("entity").equals("Customer Billing Account ABE")
                && r.get("components").equals("TMFC024")), id + ": " + customer);
        // carried to 25.5 along the crosswalk
        assertTrue(rows(run("domain-sid-abes", Map.of("domain", "Resource", "release", "25.5"))).stream()
            .anyMatch(r -> r.get("identifier").equals("1.5.9") && r.get("basis").equals("derived")));
    }

    @Test
    void uncoveredProcessesAreThoseNoComponentSupportsAtOrBeneath() {
        List<Map<String, String>> rows = rows(run("uncovered-processes", Map.of("release", "26.0")));
        Set<String> uncovered = column(rows, "identifier");
        assertTrue(rows.stream().allMatch(r -> r.get("level").equals("2") || r.get("level").equals("3")));
        for (String covered : List.of("1.5.8", "1.5.8.2", "1.3.3", "1.3.3.10", "1.5.9")) assertFalse(uncovered.contains(covered), covered);
        // worked out here by walking the graph: level 2 and 3 processes of 26.0 without a supported process at or beneath them
        Graph g = dataset.getDefaultGraph();
        Node scheme = NodeFactory.createURI(ETOM.release("26.0"));
        Set<Node> supported = new HashSet<>();
        g.find(Node.ANY, ETOM.term("supportsProcess"), Node.ANY).forEach(t -> supported.add(t.getObject()));
        Set<Node> coveredByAncestry = new HashSet<>();
        for (Node s : supported)
            for (Node p = s; p != null; ) {
                coveredByAncestry.add(p);
                var parents = g.find(p, ETOM.parent.asNode(), Node.ANY).toList();
                p = parents.isEmpty() ? null : parents.get(0).getObject();
            }
        Set<String> expected = new TreeSet<>();
        g.find(Node.ANY, SKOS.inScheme.asNode(), scheme).forEach(t -> {
            Node p = t.getSubject();
            var level = g.find(p, ETOM.level.asNode(), Node.ANY).toList();
            if (level.isEmpty() || coveredByAncestry.contains(p)) return;
            int l = Integer.parseInt(level.get(0).getObject().getLiteralLexicalForm());
            if (l == 2 || l == 3) expected.add(g.find(p, SKOS.notation.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm());
        });
        assertEquals(expected, new TreeSet<>(uncovered));
        assertEquals(uncovered.size(), rows.size(), "each process once");
    }

    @Test
    void staleReferencesPointAtProcessesTheLatestReleaseRenumberedOrRemoved() {
        List<Map<String, String>> rows = rows(run("stale-component-references", Map.of()));
        // Selling moved from 1.1.9 to 1.12.9 when Sales became a domain of its own (25.5); TMFC002 cites 1.1.9 in v23.0.
        assertTrue(rows.stream().anyMatch(r -> r.get("component").equals("TMFC002") && r.get("citedIdentifier").equals("1.1.9") && r.get("citedRelease").equals("23.0")
            && r.get("location").equals("$.spec.componentMetadata.eTOMs[0]") && r.get("name").equals("Selling")
            && r.get("change").equals("renumbered") && r.get("latestIdentifier").equals("1.12.9")), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> r.get("component").equals("TMFC043")), "1.5.8 keeps its identifier");
        for (Map<String, String> r : rows) {
            assertTrue(Set.of("renumbered", "removed").contains(r.get("change")), r.toString());
            if (r.get("change").equals("renumbered")) assertFalse(r.get("latestIdentifier").equals(r.get("identifier")), r.toString());
            else assertTrue(r.get("lastRelease") != null, r.toString());
        }
        // against 25.0 (before Sales became a domain) the Selling references are not stale
        assertTrue(rows(run("stale-component-references", Map.of("release", "25.0"))).stream().noneMatch(r -> r.get("citedIdentifier").equals("1.1.9")));
    }

    @Test
    void theOpenApisAnExtensionProcessDependsOnThroughItsAncestors() {
        // nl:2.3.3.10.1 sits under 1.3.3.10 of 25.5; TMFC002 cites 1.3.3.10 and 1.3.3 and exposes TMF663 (required), TMFC003 cites 1.3.3 and exposes TMF622.
        List<Map<String, String>> rows = rows(run("extension-process-apis", Map.of("id", "2.3.3.10.1")));
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> "25.5".equals(r.get("release")) && Set.of("1.3.3.10", "1.3.3", "1.3").contains(r.get("via"))), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.get("via").equals("1.3.3.10") && r.get("component").equals("TMFC002") && r.get("relation").equals("exposes")
            && r.get("api").equals("TMF663") && "true".equals(r.get("required"))));
        assertTrue(rows.stream().anyMatch(r -> r.get("via").equals("1.3.3") && r.get("component").equals("TMFC003") && r.get("relation").equals("exposes")
            && r.get("api").equals("TMF622")));
        assertTrue(rows.stream().anyMatch(r -> r.get("relation").equals("depends on")));
        // a reference identifier answers in every release that has it
        assertTrue(column(rows(run("extension-process-apis", Map.of("id", "1.3.3"))), "release").containsAll(Set.of("23.0.1", "25.5", "26.0")));
    }

    @Test
    void theExampleOfTheFolderReadmeAnswers() throws IOException {
        String readme = Files.readString(Path.of("ontology", "frameworks", "README.md"));
        String sparql = readme.substring(readme.indexOf("```sparql\n") + 10, readme.indexOf("```", readme.indexOf("```sparql\n") + 10));
        var query = org.apache.jena.query.QueryFactory.create("""
            PREFIX etom: <https://w3id.org/etom-kg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """ + sparql);
        List<Map<String, String>> rows = rows(runner.select(query, Map.of()));
        // TMFC043's specification: 1.5.8 and 1.4.6, both cited in v25.0
        assertEquals(Set.of("1.5.8", "1.4.6"), column(rows, "process"));
        assertEquals(Set.of("25.0"), column(rows, "release"));
        assertEquals(Set.of("resolved"), column(rows, "resolution"));
    }

    // ---- helpers ---------------------------------------------------------------------------

    static QueryResult run(String name, Map<String, String> params) {
        return runner.run(QueryFiles.find(QUERIES, name).orElseThrow(), params);
    }

    static List<Map<String, String>> rows(QueryResult r) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Binding b : r.rows()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String c : r.columns()) {
                Node n = b.get(Var.alloc(c));
                row.put(c, n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI());
            }
            out.add(row);
        }
        return out;
    }

    static Set<String> column(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).filter(v -> v != null).collect(Collectors.toCollection(TreeSet::new));
    }
}
