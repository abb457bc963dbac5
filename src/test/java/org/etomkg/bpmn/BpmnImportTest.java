package org.etomkg.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.vocab.ETOM;
import org.etomkg.bpmn.model.BpmnFile;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BPMN models in, a draft extension out: models written with Camunda's model API (gateways of both
 * kinds, a loop, a sub-process, lanes, data, two pools with a message flow) and the hand-written
 * example, checked for their processes, parents, units, RACI, flow steps and validity; broken and
 * hostile models refused with the file and element named, nothing written.
 */
class BpmnImportTest {
    static final Path ONTOLOGY = Path.of("ontology");
    static final Path EXAMPLE = Path.of("examples/bpmn/fjordlys-order-to-activation.bpmn");
    static final String NS = "https://fjordlys-telecom.example/etom/";
    static OntologyFolder reference;
    static BpmnImport importer;
    @TempDir static Path tmp;

    @BeforeAll
    static void load() {
        reference = new OntologyFolder(ONTOLOGY);
        importer = new BpmnImport(reference.release("25.5"));
    }

    static BpmnImport.Result draft(Path... models) {
        return importer.read(List.of(models), new BpmnImport.Request("25.5", "Fjordlys", NS, null));
    }

    @Test
    void gatewaysLoopsAndSubProcessesGiveProcessesUnderTheirParentsAndStepsInOrder() {
        Path model = BpmnModels.write(BpmnModels.orderHandling(), tmp.resolve("orders.bpmn"));
        // Each branch runs to where the branches meet before the next starts; the loop back to
        // Provision is cut; a sub-process's activities follow it.
        assertEquals(List.of("Capture", "Check", "Reserve", "Ship", "Provision", "Configure", "Activate", "Test", "Reject"),
            BpmnModels.ids(BpmnFile.read(model).activities()));

        BpmnImport.Result r = draft(model);
        Graph g = r.graph();
        // "notation level parent": a level below the parent, numbered 2.x along the parent's path.
        assertEquals(Map.of("Capture", "2.3.3.10.1 4 1.3.3.10", "Check", "2.3.3.10.3.1 5 1.3.3.10.3", "Reserve", "2.5.5.8.1 4 1.5.5.8",
            "Ship", "2.5.5.10.1 4 1.5.5.10", "Provision", "2.4.5.1 3 1.4.5", "Configure", "2.4.5.1.1 4 2.4.5.1", "Activate", "2.4.5.1.2 4 2.4.5.1",
            "Test", "2.4.5.5.1 4 1.4.5.5", "Reject", "2.3.3.14.1 4 1.3.3.14"), processes(g));
        assertEquals(List.of("Capture the order", "Check the order is complete", "Reserve the equipment", "Ship the router",
            "Provision the service", "Configure the service", "Activate the service", "Test the line", "Reject the order"), steps(g, "Order handling"));
        assertTrue(r.review().isEmpty(), "every parent is stated or given by the sub-process: " + r.review());
        assertEquals(9, r.processes());
        ExtensionReport report = validate(g);
        assertEquals(0, report.count(org.etomkg.extension.Finding.Severity.Violation), report.findings().toString());
    }

    @Test
    void lanesBecomeUnitsResponsibleAndAccountableAndDataObjectsInformationEntities() {
        BpmnImport.Result r = draft(BpmnModels.write(BpmnModels.lanesAndData(), tmp.resolve("faults.bpmn")));
        Graph g = r.graph();
        assertEquals(Map.of("2.3.7.1.1", "Customer Care A, Customer Care R", "2.5.8.2.1", "Network Operations A, Network Operations R"),
            map(g, "SELECT ?n (GROUP_CONCAT(?who; separator=', ') AS ?raci) WHERE { SELECT ?n ?who WHERE { ?a etom:process ?p ; etom:agent/rdfs:label ?u ;"
                + " etom:raci ?r . ?p skos:notation ?n . BIND (CONCAT(STR(?u), ' ', SUBSTR(STRAFTER(STR(?r), '#'), 1, 1)) AS ?who) } ORDER BY ?who } GROUP BY ?n"));
        assertEquals(Map.of("2.3.7.1.1", "produces Trouble ticket", "2.5.8.2.1", "consumes Trouble ticket"),
            map(g, "SELECT ?n (CONCAT(STRAFTER(STR(?how), '#'), ' ', STR(?l)) AS ?d) WHERE { VALUES ?how { etom:consumes etom:produces }"
                + " ?p ?how ?e ; skos:notation ?n . ?e a etom:InformationEntity ; rdfs:label ?l }"));
        assertEquals(2, r.units());
        ExtensionReport report = validate(g);
        assertTrue(report.conforms(), report.findings().toString());
    }

    @Test
    void twoPoolsJoinedByAMessageFlowMakeOneFlowAcrossThem() {
        BpmnImport.Result r = draft(BpmnModels.write(BpmnModels.twoPools(), tmp.resolve("move.bpmn")));
        assertEquals(List.of("Request a move of the line", "Schedule the move", "Move the line"), steps(r.graph(), "Line move"));
        assertEquals(Map.of("2.3.3.10.1.1", "Customer", "2.4.5.3.1", "Fjordlys Telecom", "2.4.5.4.1", "Fjordlys Telecom"),
            map(r.graph(), "SELECT ?n (STR(?u) AS ?unit) WHERE { ?a etom:process ?p ; etom:agent/rdfs:label ?u ; etom:raci etom:Responsible . ?p skos:notation ?n }"));
        assertEquals("Customer", one(r.graph(), "SELECT (STR(?l) AS ?x) WHERE { ?x0 dcterms:publisher/rdfs:label ?l }"),
            "without --publisher the first pool names the CSP");
    }

    @Test
    void theExampleModelDraftsAConformingExtensionAndMarksItsSuggestedParentsForReview() {
        BpmnImport.Result r = draft(EXAMPLE);
        Graph g = r.graph();
        Map<String, String> processes = processes(g);
        assertEquals(10, processes.size(), processes.toString());
        // Stated by attribute or by the identifier first in the name.
        assertEquals("2.3.3.10.1 4 1.3.3.10", processes.get("Task_Capture"));
        assertEquals("2.3.3.10.3.1 5 1.3.3.10.3", processes.get("Task_Credit"));
        assertEquals("2.3.3.14.1 4 1.3.3.14", processes.get("Task_Reject"));
        assertEquals("2.5.5.7.1 4 1.5.5.7", processes.get("Task_Visit"));
        assertEquals("2.4.5.5.1 4 1.4.5.5", processes.get("Task_Test"));
        assertEquals("2.3.3.17.1 4 1.3.3.17", processes.get("Task_Close"));
        // The others are suggested, each marked in the draft and listed for review.
        List<String> suggested = List.of("Task_Decompose", "Task_Port", "Task_Activate", "Task_Billing");
        assertEquals(suggested.size(), r.review().size(), r.review().toString());
        for (String id : suggested) assertTrue(r.review().stream().anyMatch(x -> x.contains("#" + id + " ")), id + " in " + r.review());
        assertEquals(suggested.size(), Integer.parseInt(one(g, "SELECT (COUNT(*) AS ?x) WHERE { ?p skos:editorialNote ?n }")));
        assertEquals("Order-to-Activation", one(g, "SELECT (STR(?l) AS ?x) WHERE { ?f a etom:EndToEndFlow ; rdfs:label ?l }"));
        assertEquals(10, r.steps());
        assertEquals(2, r.entities());
        assertEquals(4, r.units());
        ExtensionReport report = validate(g);
        assertTrue(report.conforms() && report.findings().isEmpty(), report.findings().toString());
    }

    @Test
    void brokenAndHostileModelsAreRefusedWithTheFileAndElementNamedAndNothingWritten() throws Exception {
        Map<String, String> bad = new TreeMap<>();
        bad.put("not-xml.bpmn", "this is not a model");
        bad.put("not-bpmn.bpmn", "<?xml version=\"1.0\"?><catalog xmlns=\"urn:x\"><item/></catalog>");
        bad.put("xxe.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\"><process id=\"P\"><task id=\"T\" name=\"&x;\"/></process></definitions>");
        bad.put("no-source.bpmn", "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
            + "<process id=\"P\"><task id=\"T\" name=\"1.3.3.10 Capture\"/><sequenceFlow id=\"Flow_9\" targetRef=\"T\"/></process></definitions>");
        bad.put("unnamed.bpmn", "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
            + "<process id=\"P\"><task id=\"Task_7\"/></process></definitions>");
        Map<String, String> expected = Map.of("not-xml.bpmn", "not a BPMN 2.0 model", "not-bpmn.bpmn", "not a BPMN 2.0 model",
            "xxe.bpmn", "DOCTYPE", "no-source.bpmn", "element Flow_9: cvc-complex-type.4: Attribute 'sourceRef' must appear", "unnamed.bpmn", "element Task_7");
        for (var e : bad.entrySet()) {
            Path model = Files.writeString(tmp.resolve(e.getKey()), e.getValue());
            var ex = assertThrows(BpmnInputException.class, () -> draft(model), e.getKey());
            assertTrue(ex.getMessage().startsWith(model.toString()) && ex.getMessage().contains(expected.get(e.getKey())), ex.getMessage());
            assertFalse(ex.getMessage().contains("root:"), "nothing of /etc/passwd: " + ex.getMessage());
        }
    }

    // ---- reading the draft ----

    private static ExtensionReport validate(Graph g) {
        return new ExtensionValidator(Path.of("shapes"), reference).validate(g, Optional.empty());
    }

    /** BPMN id → "notation level parent-notation". */
    private static Map<String, String> processes(Graph g) {
        return map(g, "SELECT (STRAFTER(?src, '#') AS ?id) (CONCAT(?n, ' ', STR(?l), ' ', ?pn) AS ?d) WHERE { ?p a etom:ExtensionProcess ;"
            + " dcterms:source ?src ; skos:notation ?n ; etom:level ?l ; etom:parent ?parent ."
            + " BIND (REPLACE(STR(?parent), '^.*/', '') AS ?pn) }");
    }

    private static List<String> steps(Graph g, String flow) {
        List<String> out = new ArrayList<>();
        query(g, "SELECT ?name WHERE { ?f rdfs:label ?fl ; etom:step ?s . FILTER (STR(?fl) = '" + flow + "')"
            + " ?s etom:position ?i ; etom:process/rdfs:label ?name } ORDER BY ?i", s -> out.add(s.getLiteral("name").getLexicalForm()));
        return out;
    }

    private static Map<String, String> map(Graph g, String select) {
        Map<String, String> out = new TreeMap<>();
        query(g, select, s -> {
            var vars = new ArrayList<String>();
            s.varNames().forEachRemaining(vars::add);
            out.put(s.get(vars.get(0)).asLiteral().getLexicalForm(), s.get(vars.get(1)).asLiteral().getLexicalForm());
        });
        return out;
    }

    private static String one(Graph g, String select) {
        List<String> out = new ArrayList<>();
        query(g, select, s -> out.add(s.get("x").asLiteral().getLexicalForm()));
        return out.get(0);
    }

    private static void query(Graph g, String select, java.util.function.Consumer<QuerySolution> each) {
        String prefixes = "PREFIX etom: <https://w3id.org/etom-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>"
            + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/> ";
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(g)).query(prefixes + select).build()) {
            qe.execSelect().forEachRemaining(each::accept);
        }
    }

    @Test
    void anImportedDraftReopensAndAMovedSubProcessTakesItsActivitiesAlong() {
        Path model = BpmnModels.write(BpmnModels.orderHandling(), tmp.resolve("reopen.bpmn"));
        ImportedDraft reopened = new ImportedDraft(draft(model).graph(), reference.release("25.5"));
        assertEquals("1.4.5", parents(reopened).get("reopen.bpmn#Provision"));
        String configure = parents(reopened).get("reopen.bpmn#Configure");
        assertTrue(configure.startsWith("2.4.5."), configure);

        reopened.reparent("reopen.bpmn#Provision", "1.4.5.4");
        assertEquals("1.4.5.4", parents(reopened).get("reopen.bpmn#Provision"));
        assertEquals("2.4.5.4.1", parents(reopened).get("reopen.bpmn#Configure"), "the sub-process's activities follow it");
        Graph g = reopened.graph();
        Node moved = NodeFactory.createURI(NS + "2.4.5.4.1.1");
        assertTrue(g.contains(moved, SKOS.notation.asNode(), NodeFactory.createLiteralString("2.4.5.4.1.1")), "renamed with its number");
        assertEquals(5, ((Number) g.find(moved, ETOM.level.asNode(), Node.ANY).next().getObject().getLiteralValue()).intValue(), "one level deeper");
        assertFalse(g.contains(NodeFactory.createURI(NS + configure), Node.ANY, Node.ANY), "nothing left under the old number");
        assertThrows(IllegalArgumentException.class, () -> reopened.reparent("reopen.bpmn#Provision", "2.4.5.4.1.1"), "not under itself");
    }

    private static Map<String, String> parents(ImportedDraft d) {
        Map<String, String> out = new TreeMap<>();
        d.activities().forEach(a -> out.put(a.key(), a.parent()));
        return out;
    }

}
