package org.etomkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ShippedStore;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The named queries over extensions, run over the shipped example extension stored in a real
 * store; every expectation is worked out from the example file itself, not written down.
 */
class ExtensionQueriesTest {
    static final Path EXAMPLE = Path.of("examples/nordlicht-telecom.ttl");

    @TempDir static Path dir;
    static KnowledgeStore store;
    static QueryRunner runner;
    static Model example;
    static org.apache.jena.rdfconnection.RDFConnection conn;

    @BeforeAll
    static void storeTheExample() {
        Path data = ShippedStore.copyTo(dir.resolve("data"));
        store = KnowledgeStore.open(data);
        Graph g = ExtensionFiles.read(EXAMPLE);
        ExtensionReport report = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(Path.of("ontology"))).validate(g, Optional.empty());
        assertTrue(report.conforms());
        new ExtensionStore(store).put("nordlicht", report, g);
        example = ModelFactory.createModelForGraph(g);
        conn = store.connect();
        runner = new QueryRunner(conn, 60);
    }

    @AfterAll
    static void close() {
        conn.close();
        store.close();
    }

    static QueryResult run(String name, Map<String, String> params) {
        return runner.run(QueryFiles.find(Path.of("queries"), name).orElseThrow(), params);
    }

    static String v(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI();
    }

    @Test
    void flowAccountabilityWalksTheStepsInOrderWithTheirOwners() {
        for (Resource flow : example.listSubjectsWithProperty(RDF.type, example.createResource(ETOM.NS + "EndToEndFlow")).toList()) {
            String name = flow.getProperty(RDFS.label).getString();
            QueryResult r = run("flow-accountability", Map.of("flow", name.toUpperCase()));
            int steps = flow.listProperties(example.createProperty(ETOM.NS + "step")).toList().size();
            assertEquals(steps, r.rows().size(), name);
            for (int i = 0; i < steps; i++) assertEquals(Integer.toString(i + 1), v(r.rows().get(i), "position"), name);
            // Where the example assigns an Accountable to a step's process, the query names it.
            for (Binding b : r.rows()) {
                String processIri = example.listSubjectsWithProperty(SKOS.notation, v(b, "identifier")).toList().stream()
                    .map(Resource::getURI).findFirst().orElse(ETOM.processNamespace("25.5") + v(b, "identifier"));
                boolean assigned = example.listSubjectsWithProperty(example.createProperty(ETOM.NS + "process"), example.createResource(processIri)).toList()
                    .stream().anyMatch(a -> a.hasProperty(example.createProperty(ETOM.NS + "raci"), example.createResource(ETOM.NS + "Accountable")));
                assertEquals(assigned, v(b, "accountable") != null, "step " + v(b, "position") + " of " + name);
            }
        }
    }

    @Test
    void flowStepsGiveEachStepOnceWithItsParentAndOneAccountableAndProcessFlowsLeadBack() {
        QueryResult steps = run("flow-steps", Map.of("flow", "order-to-payment"));
        QueryResult accountable = run("flow-accountability", Map.of("flow", "Order-to-Payment"));
        assertEquals(accountable.rows().size(), steps.rows().size());
        for (int i = 0; i < steps.rows().size(); i++) {
            Binding s = steps.rows().get(i), a = accountable.rows().get(i);
            assertEquals(v(a, "identifier"), v(s, "identifier"));
            assertEquals(v(a, "accountable"), v(s, "accountable"), "one accountable unit per step, as the example assigns");
            // A CSP's own process (2.x) names its parent; a reference process has none to name.
            assertEquals(v(s, "identifier").startsWith("2."), v(s, "parent") != null, v(s, "identifier"));
            QueryResult flows = run("process-flows", Map.of("id", v(s, "identifier"), "release", "25.5"));
            String position = Integer.toString(i + 1);
            assertTrue(flows.rows().stream().anyMatch(f -> "Order-to-Payment".equals(v(f, "flow")) && v(f, "position").equals(position)
                && v(f, "extension") != null), v(s, "identifier"));
        }
        assertTrue(run("process-flows", Map.of("id", "1.1.1", "release", "25.5")).rows().isEmpty(), "a process in no flow");
    }

    @Test
    void bottlenecksAreExactlyTheMissesRankedByRelativeGap() {
        Set<String> expected = new HashSet<>();
        for (Resource m : example.listSubjectsWithProperty(RDF.type, example.createResource(ETOM.NS + "Measurement")).toList()) {
            Resource kpi = m.getPropertyResourceValue(example.createProperty(ETOM.NS + "kpi"));
            BigDecimal value = new BigDecimal(m.getProperty(example.createProperty(ETOM.NS + "value")).getLiteral().getLexicalForm());
            BigDecimal target = new BigDecimal(kpi.getProperty(example.createProperty(ETOM.NS + "target")).getLiteral().getLexicalForm());
            boolean higher = kpi.getPropertyResourceValue(example.createProperty(ETOM.NS + "direction")).getLocalName().equals("HigherIsBetter");
            if (higher ? value.compareTo(target) < 0 : value.compareTo(target) > 0)
                expected.add(kpi.getProperty(RDFS.label).getString() + "@" + m.getProperty(example.createProperty(ETOM.NS + "period")).getString());
        }
        assertFalse(expected.isEmpty(), "the example measures some KPIs worse than target");
        QueryResult r = run("bottlenecks", Map.of());
        Set<String> actual = new HashSet<>();
        List<Double> gaps = new ArrayList<>();
        for (Binding b : r.rows()) {
            actual.add(v(b, "kpi") + "@" + v(b, "period"));
            gaps.add(Double.parseDouble(v(b, "gap")));
        }
        assertEquals(expected, actual);
        for (int i = 1; i < gaps.size(); i++) assertTrue(gaps.get(i - 1) >= gaps.get(i), "ranked by gap: " + gaps);
    }

    @Test
    void redundancyFindsSharedSpecialisationsAndOverlappingApplications() {
        QueryResult r = run("redundancy", Map.of());
        Set<String> kinds = new HashSet<>();
        r.rows().forEach(b -> kinds.add(v(b, "kind")));
        assertEquals(Set.of("same specialised process", "application on overlapping processes"), kinds);
        // Every pair that specialises one reference process is there.
        var specialises = example.createProperty(ETOM.NS + "specialises");
        long pairs = 0;
        for (Resource ref : example.listObjectsOfProperty(specialises).toList().stream().map(n -> n.asResource()).toList()) {
            long n = example.listSubjectsWithProperty(specialises, ref).toList().size();
            pairs += n * (n - 1) / 2;
        }
        assertEquals(pairs, r.rows().stream().filter(b -> v(b, "kind").equals("same specialised process")).count());
    }

    @Test
    void coverageListsOnlyWhatTheExtensionLeavesUncovered() {
        QueryResult r = run("extension-coverage", Map.of("release", "25.5"));
        Set<String> uncovered = new HashSet<>();
        r.rows().forEach(b -> uncovered.add(v(b, "identifier")));
        assertTrue(uncovered.contains("1.7.9.8"), "nothing of the example is under 1.7.9.8");
        // 25.5 has 120 level 2 and 630 level 3 processes: the example covers some of them fully.
        assertTrue(r.rows().size() < 750, "covered processes are left out: " + r.rows().size());
        r.rows().forEach(b -> assertTrue(Integer.parseInt(v(b, "extensionProcesses")) == 0 || Integer.parseInt(v(b, "owners")) == 0
            || Integer.parseInt(v(b, "kpis")) == 0, "a listed process misses something"));
    }

    /** The example's processes, each with the reference process of the given level it sits beneath (from the file's parents and identifiers). */
    private static Map<String, String> referenceAncestorAt(int level) {
        var parent = example.createProperty(ETOM.NS + "parent");
        Map<String, String> under = new java.util.TreeMap<>();
        for (Resource x : example.listSubjectsWithProperty(RDF.type, example.createResource(ETOM.NS + "ExtensionProcess")).toList()) {
            Resource p = x;
            while (p.hasProperty(parent)) {
                p = p.getPropertyResourceValue(parent);
                String iri = p.getURI();
                if (iri.startsWith("https://w3id.org/etom-kg/release/")) {
                    // The first reference process up the chain; eTOM identifiers extend their parent's,
                    // one number per level after the leading 1 (1.3 is level 1, 1.3.3 level 2).
                    String[] id = iri.substring(iri.lastIndexOf('/') + 1).split("\\.");
                    if (id.length > level) under.put(x.getURI(), String.join(".", java.util.Arrays.copyOf(id, level + 1)));
                    break;
                }
            }
        }
        return under;
    }

    @Test
    void theOverlayPlacesEveryExtensionProcessBeneathItsLevel2Process() {
        Map<String, String> expected = referenceAncestorAt(2);
        assertEquals(example.listSubjectsWithProperty(RDF.type, example.createResource(ETOM.NS + "ExtensionProcess")).toList().size(), expected.size());
        Map<String, String> onMap = new java.util.TreeMap<>();
        run("extension-overlay", Map.of("extension", "nordlicht", "release", "25.5")).rows().forEach(b -> onMap.put(v(b, "process"), v(b, "under")));
        assertEquals(expected, onMap);
        // On 26.0's map they sit beneath the same processes, followed along the crosswalk (none of these moved).
        Map<String, String> on26 = new java.util.TreeMap<>();
        run("extension-overlay", Map.of("extension", "nordlicht", "release", "26.0")).rows().forEach(b -> on26.put(v(b, "process"), v(b, "under")));
        assertEquals(expected, on26);
        assertTrue(run("extension-overlay", Map.of("extension", "no-such-extension", "release", "25.5")).rows().isEmpty());
    }

    @Test
    void theExtensionProcessesBeneathAProcessComeWithOwnersAndKpis() {
        Map<String, String> underLevel3 = referenceAncestorAt(3);
        QueryResult r = run("process-extensions", Map.of("id", "1.3.3.10", "release", "25.5"));
        Set<String> found = new HashSet<>();
        r.rows().forEach(b -> found.add(v(b, "identifier")));
        Set<String> expected = new HashSet<>();
        underLevel3.forEach((x, id) -> { if (id.equals("1.3.3.10")) expected.add(x.substring(x.lastIndexOf('/') + 1)); });
        assertEquals(expected, found);
        var web = r.rows().stream().filter(b -> v(b, "identifier").equals("2.3.3.10.1")).findFirst().orElseThrow();
        assertEquals("Head of Sales", v(web, "accountable"));
        assertEquals("Web order capture time (target 5.0 minutes)", v(web, "kpis"));
        assertEquals("25.5", v(web, "attachedIn"));
        // The same process of 26.0 finds them through the crosswalk.
        assertEquals(r.rows().size(), run("process-extensions", Map.of("id", "1.3.3.10", "release", "26.0")).rows().size());
    }

    @Test
    void anExtensionProcessComesWithTheNearestReferenceProcessAboveIt() {
        Map<String, String> underLevel3 = referenceAncestorAt(3);
        for (var e : underLevel3.entrySet()) {
            String id = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            List<Binding> rows = run("extension-process", Map.of("id", id, "release", "25.5")).rows();
            assertEquals(1, rows.size(), id);
            // The nearest reference process is at least as deep as the level-3 one it sits beneath.
            assertTrue(v(rows.get(0), "reference").startsWith(e.getValue()), id + " beneath " + v(rows.get(0), "reference"));
        }
        Binding web = run("extension-process", Map.of("id", "2.3.3.10.1.1", "release", "25.5")).rows().get(0);
        assertEquals("1.3.3.10", v(web, "reference"));
        assertEquals("2.3.3.10.1", v(web, "parent"));
        assertTrue(run("extension-process", Map.of("id", "2.3.3.10.1.1", "release", "26.0")).rows().isEmpty(), "the extension extends 25.5");
    }
}
