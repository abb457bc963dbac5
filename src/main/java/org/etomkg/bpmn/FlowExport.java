package org.etomkg.bpmn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.etomkg.bpmn.model.BpmnFile;

/**
 * Writes an end-to-end flow as a BPMN 2.0 model that bpmn.io and Camunda Modeler open: one pool, a
 * lane per accountable unit (in the order the flow first reaches them), the steps as tasks left to
 * right in step order between a start and an end event, with diagram interchange. Each task names
 * its process, and says which process it is ({@code etom:process}) and under which eTOM process it
 * sits ({@code etom:parent}), so importing the model gives back the same activities, lanes and order.
 */
public final class FlowExport {
    private static final int LANE_HEIGHT = 140, STEP_WIDTH = 160, TASK_W = 120, TASK_H = 80, EVENT = 36, LEFT = 190, POOL_LEFT = 100;
    private final Query steps;

    /** @param stepsQuery the SPARQL of {@code queries/flow-steps.rq}: a flow's steps, binding {@code ?flow} */
    public FlowExport(String stepsQuery) {
        this.steps = QueryFactory.create(stepsQuery);
    }

    /** One step of the flow, as the query gives it. */
    record Step(int position, String identifier, String name, String parent, String accountable) {}

    /**
     * The flow's model as BPMN 2.0 XML.
     *
     * @param data the extension with the release it extends (labels, parents and assignments)
     * @throws IllegalArgumentException when the data has no flow of that name
     */
    public String write(Graph data, String flow) {
        List<Step> found = steps(data, flow);
        if (found.isEmpty()) throw new IllegalArgumentException("no end-to-end flow named \"" + flow + "\" with steps" + flowsHint(data));
        BpmnModelInstance model = model(flow, found);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(out, model);
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Step> steps(Graph data, String flow) {
        List<Step> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(data)).query(steps)
                .substitution("flow", org.apache.jena.rdf.model.ResourceFactory.createStringLiteral(flow)).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> out.add(new Step(s.getLiteral("position").getInt(),
                s.getLiteral("identifier").getLexicalForm(), s.getLiteral("name").getLexicalForm(),
                s.contains("parent") ? s.getLiteral("parent").getLexicalForm() : null,
                s.contains("accountable") ? s.getLiteral("accountable").getLexicalForm() : null)));
        }
        return out;
    }

    private static String flowsHint(Graph data) {
        List<String> names = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(data)).query(
                "SELECT DISTINCT ?n WHERE { ?f a <https://w3id.org/etom-kg/ontology#EndToEndFlow> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l"
                + " BIND (STR(?l) AS ?n) } ORDER BY ?n").build()) {
            qe.execSelect().forEachRemaining(s -> names.add(s.getLiteral("n").getLexicalForm()));
        }
        return names.isEmpty() ? "; the data has no flows" : "; its flows: " + String.join(", ", names);
    }

    private static BpmnModelInstance model(String flow, List<Step> steps) {
        BpmnModelInstance m = Bpmn.createEmptyModel();
        Definitions defs = m.newInstance(Definitions.class);
        defs.setTargetNamespace("https://w3id.org/etom-kg/bpmn/export");
        m.setDefinitions(defs);
        defs.getDomElement().registerNamespace("etom", BpmnFile.ETOM_NS);

        String slug = BpmnImport.slug(flow).replace('-', '_');
        Process process = element(m, defs, Process.class, "Process_" + slug);
        process.setName(flow);
        process.setExecutable(false);
        Collaboration collaboration = element(m, defs, Collaboration.class, "Collaboration_" + slug);
        collaboration.setName(flow);
        Participant pool = m.newInstance(Participant.class);
        pool.setId("Participant_" + slug);
        pool.setName(flow);
        pool.setProcess(process);
        collaboration.getParticipants().add(pool);

        // One lane per accountable unit, in the order the flow first reaches it.
        Map<String, Lane> lanes = new LinkedHashMap<>();
        LaneSet laneSet = element(m, process, LaneSet.class, "LaneSet_" + slug);
        for (Step s : steps) lanes.computeIfAbsent(laneName(s), name -> {
            Lane lane = m.newInstance(Lane.class);
            lane.setId("Lane_" + (lanes.size() + 1));
            lane.setName(name);
            laneSet.getLanes().add(lane);
            return lane;
        });
        List<String> laneOrder = new ArrayList<>(lanes.keySet());

        StartEvent start = element(m, process, StartEvent.class, "Start_" + slug);
        start.setName("Start of " + flow);
        List<FlowNode> nodes = new ArrayList<>(List.of(start));
        List<Integer> rows = new ArrayList<>(List.of(laneOrder.indexOf(laneName(steps.get(0)))));
        for (Step s : steps) {
            Task task = element(m, process, Task.class, "Step_" + s.position());
            task.setName(s.name());
            task.setAttributeValueNs(BpmnFile.ETOM_NS, "process", s.identifier());
            if (s.parent() != null) task.setAttributeValueNs(BpmnFile.ETOM_NS, "parent", s.parent());
            lanes.get(laneName(s)).getFlowNodeRefs().add(task);
            nodes.add(task);
            rows.add(laneOrder.indexOf(laneName(s)));
        }
        EndEvent end = element(m, process, EndEvent.class, "End_" + slug);
        end.setName("End of " + flow);
        nodes.add(end);
        rows.add(rows.get(rows.size() - 1));
        lanes.get(laneName(steps.get(0))).getFlowNodeRefs().add(start);
        lanes.get(laneName(steps.get(steps.size() - 1))).getFlowNodeRefs().add(end);

        BpmnPlane plane = diagram(m, defs, collaboration);
        int width = LEFT + nodes.size() * STEP_WIDTH;
        shape(m, plane, pool, POOL_LEFT, 0, width - POOL_LEFT, LANE_HEIGHT * lanes.size(), true);
        int i = 0;
        for (Lane lane : lanes.values()) shape(m, plane, lane, POOL_LEFT + 30, LANE_HEIGHT * i++, width - POOL_LEFT - 30, LANE_HEIGHT, true);
        List<int[]> boxes = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            boolean event = k == 0 || k == nodes.size() - 1;
            int w = event ? EVENT : TASK_W, h = event ? EVENT : TASK_H;
            int x = LEFT + k * STEP_WIDTH + (TASK_W - w) / 2, y = rows.get(k) * LANE_HEIGHT + (LANE_HEIGHT - h) / 2;
            shape(m, plane, nodes.get(k), x, y, w, h, false);
            boxes.add(new int[] { x, y, w, h });
        }
        for (int k = 0; k + 1 < nodes.size(); k++) {
            SequenceFlow f = element(m, process, SequenceFlow.class, "Flow_" + (k + 1));
            f.setSource(nodes.get(k));
            f.setTarget(nodes.get(k + 1));
            nodes.get(k).getOutgoing().add(f);
            nodes.get(k + 1).getIncoming().add(f);
            edge(m, plane, f, boxes.get(k), boxes.get(k + 1));
        }
        return m;
    }

    private static String laneName(Step s) {
        return s.accountable() == null || s.accountable().isBlank() ? "No one accountable" : s.accountable();
    }

    private static <T extends BaseElement> T element(BpmnModelInstance m, BaseElement parent, Class<T> type, String id) {
        T e = m.newInstance(type);
        e.setId(id);
        parent.addChildElement(e);
        return e;
    }

    private static <T extends BaseElement> T element(BpmnModelInstance m, Definitions parent, Class<T> type, String id) {
        T e = m.newInstance(type);
        e.setId(id);
        parent.addChildElement(e);
        return e;
    }

    private static BpmnPlane diagram(BpmnModelInstance m, Definitions defs, Collaboration collaboration) {
        BpmnDiagram diagram = m.newInstance(BpmnDiagram.class);
        diagram.setId("Diagram_" + collaboration.getId());
        defs.addChildElement(diagram);
        BpmnPlane plane = m.newInstance(BpmnPlane.class);
        plane.setId("Plane_" + collaboration.getId());
        plane.setBpmnElement(collaboration);
        diagram.setBpmnPlane(plane);
        return plane;
    }

    private static void shape(BpmnModelInstance m, BpmnPlane plane, BaseElement element, int x, int y, int w, int h, boolean horizontal) {
        BpmnShape shape = m.newInstance(BpmnShape.class);
        shape.setId(element.getId() + "_di");
        shape.setBpmnElement(element);
        if (horizontal) shape.setHorizontal(true);
        Bounds b = m.newInstance(Bounds.class);
        b.setX(x);
        b.setY(y);
        b.setWidth(w);
        b.setHeight(h);
        shape.setBounds(b);
        plane.addChildElement(shape);
    }

    /** From the right of one box to the left of the next; a step into another lane turns halfway. */
    private static void edge(BpmnModelInstance m, BpmnPlane plane, SequenceFlow f, int[] from, int[] to) {
        BpmnEdge edge = m.newInstance(BpmnEdge.class);
        edge.setId(f.getId() + "_di");
        edge.setBpmnElement(f);
        int x1 = from[0] + from[2], y1 = from[1] + from[3] / 2, x2 = to[0], y2 = to[1] + to[3] / 2;
        List<int[]> points = y1 == y2 ? List.of(new int[] { x1, y1 }, new int[] { x2, y2 })
            : List.of(new int[] { x1, y1 }, new int[] { (x1 + x2) / 2, y1 }, new int[] { (x1 + x2) / 2, y2 }, new int[] { x2, y2 });
        for (int[] p : points) {
            Waypoint w = m.newInstance(Waypoint.class);
            w.setX(p[0]);
            w.setY(p[1]);
            edge.getWaypoints().add(w);
        }
        plane.addChildElement(edge);
    }
}
