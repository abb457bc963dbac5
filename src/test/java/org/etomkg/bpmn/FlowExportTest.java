package org.etomkg.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.etomkg.bpmn.model.BpmnFile;
import org.etomkg.extension.OntologyFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An end-to-end flow of the example extension out as BPMN and back: read with Camunda's API (every
 * step a task with its shape, a lane per accountable unit), then imported again, giving the same
 * activities, lanes and order.
 */
class FlowExportTest {
    static Graph data;
    static FlowExport export;
    @TempDir static Path tmp;

    @BeforeAll
    static void load() throws Exception {
        data = GraphFactory.createDefaultGraph();
        RDFDataMgr.loadGraph("examples/nordlicht-telecom.ttl").find().forEach(data::add);
        new OntologyFolder(Path.of("ontology")).release("25.5").find().forEach(data::add);
        export = new FlowExport(Files.readString(Path.of("queries/flow-steps.rq")));
    }

    @Test
    void everyStepIsATaskWithItsShapeInALanePerAccountableUnit() {
        for (String flow : List.of("Order-to-Payment", "Trouble-to-Resolve")) {
            BpmnModelInstance m = Bpmn.readModelFromStream(new ByteArrayInputStream(export.write(data, flow).getBytes(StandardCharsets.UTF_8)));
            List<String[]> expected = steps(flow);
            List<Task> tasks = new ArrayList<>(m.getModelElementsByType(Task.class));
            assertEquals(expected.size(), tasks.size(), flow);
            for (int i = 0; i < tasks.size(); i++) {
                assertEquals(expected.get(i)[1], tasks.get(i).getName(), flow + " step " + (i + 1));
                assertEquals(expected.get(i)[0], tasks.get(i).getAttributeValueNs(BpmnFile.ETOM_NS, "process"));
            }
            List<String> shaped = m.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()).toList();
            for (Task t : tasks) assertTrue(shaped.contains(t.getId()), t.getId() + " is drawn");
            for (int i = 0; i < tasks.size(); i++) {
                Task t = tasks.get(i);
                String lane = m.getModelElementsByType(Lane.class).stream().filter(l -> l.getFlowNodeRefs().contains(t)).findFirst().orElseThrow().getName();
                assertEquals(expected.get(i)[2] == null ? "No one accountable" : expected.get(i)[2], lane, flow + " " + t.getName());
            }
        }
    }

    @Test
    void anExportedFlowImportsBackWithTheSameActivitiesLanesAndOrder() throws Exception {
        Path model = Files.writeString(tmp.resolve("o2p.bpmn"), export.write(data, "Order-to-Payment"));
        BpmnImport.Result back = new BpmnImport(new OntologyFolder(Path.of("ontology")).release("25.5"))
            .read(List.of(model), new BpmnImport.Request("25.5", "round trip", "https://nordlicht-telecom.example/etom/", "Nordlicht"));
        Graph again = GraphFactory.createDefaultGraph();
        back.graph().find().forEach(again::add);
        new OntologyFolder(Path.of("ontology")).release("25.5").find().forEach(again::add);
        List<String[]> before = steps("Order-to-Payment");
        List<String[]> after = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(again)).query(Files.readString(Path.of("queries/flow-steps.rq")))
                .substitution("flow", org.apache.jena.rdf.model.ResourceFactory.createStringLiteral("Order-to-Payment")).build()) {
            qe.execSelect().forEachRemaining(s -> after.add(new String[] { s.getLiteral("identifier").getLexicalForm(),
                s.getLiteral("name").getLexicalForm(), s.contains("accountable") ? s.getLiteral("accountable").getLexicalForm() : "No one accountable" }));
        }
        assertEquals(before.stream().map(s -> s[0] + " " + s[1] + " | " + (s[2] == null ? "No one accountable" : s[2])).toList(),
            after.stream().map(s -> s[0] + " " + s[1] + " | " + s[2]).toList());
        assertTrue(back.review().isEmpty(), back.review().toString());
    }

    @Test
    void aFlowTheDataDoesNotHaveIsRefusedWithTheFlowsItHas() {
        var e = assertThrows(IllegalArgumentException.class, () -> export.write(data, "Lead-to-Cash"));
        assertTrue(e.getMessage().contains("Order-to-Payment") && e.getMessage().contains("Trouble-to-Resolve"), e.getMessage());
    }

    /** identifier, name, accountable of each step, from the data, in order. */
    private static List<String[]> steps(String flow) {
        List<String[]> out = new ArrayList<>();
        String q = "PREFIX etom: <https://w3id.org/etom-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>"
            + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
            + " SELECT ?id ?name (SAMPLE(?acc) AS ?a) WHERE { ?f rdfs:label ?l ; etom:step ?s . FILTER (STR(?l) = '" + flow + "')"
            + " ?s etom:position ?i ; etom:process ?p . ?p skos:notation ?id ; rdfs:label ?n . FILTER (LANG(?n) = 'en') BIND (STR(?n) AS ?name)"
            + " OPTIONAL { ?x etom:process ?p ; etom:raci etom:Accountable ; etom:agent/rdfs:label ?al . BIND (STR(?al) AS ?acc) } }"
            + " GROUP BY ?i ?id ?name ORDER BY ?i";
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(data)).query(q).build()) {
            qe.execSelect().forEachRemaining(s -> out.add(new String[] { s.getLiteral("id").getLexicalForm(), s.getLiteral("name").getLexicalForm(),
                s.contains("a") ? s.getLiteral("a").getLexicalForm() : null }));
        }
        return out;
    }
}
