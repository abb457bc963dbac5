package org.etomkg.bpmn.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.DataInputAssociation;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataOutputAssociation;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ItemAwareElement;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.etomkg.bpmn.BpmnInputException;

/**
 * Reads one BPMN 2.0 model file with Camunda's model API, which checks it against the BPMN 2.0
 * schema, and gives its activities in flow order with their lanes, pools, data and stated parents.
 */
public final class BpmnFile {
    /**
     * The namespace of the attributes a modeller puts on an activity: {@code parent}, the identifier of
     * its eTOM parent; {@code process}, the identifier of the process it is (as {@code export bpmn} writes).
     */
    public static final String ETOM_NS = "https://w3id.org/etom-kg/bpmn";
    /** Largest model read: far beyond any real one, short of what would starve the server. */
    public static final long MAX_BYTES = 64L << 20;
    /** "1.3.3.10 Capture order": a name that starts with its parent's identifier. */
    /** Camunda's words for a schema error: "Error: URI=null Line=12: cvc-...". */
    private static final Pattern SCHEMA_ERROR = Pattern.compile("Line=([0-9]+):(.*)", Pattern.DOTALL);
    private static final Pattern ELEMENT_KIND = Pattern.compile("element '(?:[A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)'");
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*[\"']([^\"']{1,200})[\"']");
    private static final Pattern LEADING_IDENTIFIER = Pattern.compile("^\\s*([12](?:\\.[0-9]+)+)\\s+(\\S.*)$", Pattern.DOTALL);

    private BpmnFile() {}

    public static ModelFlow read(Path file) {
        BpmnModelInstance model = parse(file);
        try {
            return new Reading(file, model).flow();
        } catch (ModelException e) {
            // A reference to an element the file lacks only shows when it is followed.
            throw new BpmnInputException(file, null, "the model is broken: " + message(file, e), e);
        }
    }

    private static BpmnModelInstance parse(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) throw new BpmnInputException(file, null, "larger than " + (MAX_BYTES >> 20) + " MiB; split the model");
            refuseDoctype(file);
            try (InputStream in = Files.newInputStream(file)) {
                return Bpmn.readModelFromStream(in);
            }
        } catch (IOException e) {
            throw new BpmnInputException(file, null, "cannot read the file: " + e.getMessage(), e);
        } catch (BpmnInputException e) {
            throw e;
        } catch (ModelException e) {
            throw new BpmnInputException(file, null, "not a BPMN 2.0 model: " + message(file, e), e);
        }
    }

    /** A BPMN model needs no document type; one could point outside the file, so none is read. */
    private static void refuseDoctype(Path file) throws IOException {
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
        }
        int at = head.indexOf("<!DOCTYPE");
        if (at >= 0) {
            long line = head.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            throw new BpmnInputException(file, null, "line " + line + ": a DOCTYPE; BPMN 2.0 models have none, and none is read "
                + "(it could declare entities that reach outside the file). Remove it");
        }
    }

    /**
     * The deepest message in a chain. The schema validator gives a line and names the kind of the
     * element at fault but not its id; the id is looked up on that line, so the modeller can find it.
     */
    private static String message(Path file, Throwable e) {
        String best = e.getClass().getSimpleName();
        for (Throwable c = e; c != null; c = c.getCause()) if (c.getMessage() != null) best = c.getMessage();
        Matcher at = SCHEMA_ERROR.matcher(best);
        if (!at.find()) return best;
        int line = Integer.parseInt(at.group(1));
        String problem = at.group(2).strip();
        Matcher kind = ELEMENT_KIND.matcher(problem);
        List<String> ids = kind.find() ? idsOn(file, line, kind.group(1)) : List.of();
        return "line " + line + (ids.size() == 1 ? ", element " + ids.get(0) : ids.isEmpty() ? "" : ", one of elements " + String.join(", ", ids))
            + ": " + problem;
    }

    /** The ids of the elements of one kind that start on a line. */
    private static List<String> idsOn(Path file, int line, String kind) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String text = lines.skip(Math.max(0, line - 1L)).findFirst().orElse("");
            Matcher tag = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?" + Pattern.quote(kind) + "\\b[^>]*").matcher(text);
            List<String> ids = new ArrayList<>();
            while (tag.find()) {
                Matcher id = ID.matcher(tag.group());
                if (id.find()) ids.add(id.group(1));
            }
            return ids;
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** One pass over one model. */
    private static final class Reading {
        private final Path file;
        private final BpmnModelInstance model;
        private final Map<String, String> laneOf = new HashMap<>();
        private final Map<String, String> poolOf = new HashMap<>();

        Reading(Path file, BpmnModelInstance model) {
            this.file = file;
            this.model = model;
            for (Participant p : model.getModelElementsByType(Participant.class))
                if (p.getProcess() != null) poolOf.put(p.getProcess().getId(), name(p.getName(), p.getProcess().getName()));
            // Lanes nest; the innermost lane a node is in is its unit, and nested lanes come later in the document.
            for (Lane lane : model.getModelElementsByType(Lane.class))
                for (FlowNode n : lane.getFlowNodeRefs()) laneOf.put(n.getId(), lane.getName() == null || lane.getName().isBlank() ? lane.getId() : lane.getName().strip());
        }

        ModelFlow flow() {
            List<ModelActivity> activities = new ArrayList<>();
            for (String id : ordered(null)) expand(id, activities);
            return new ModelFlow(file, flowName(), activities);
        }

        /** The flow nodes of one container (a sub-process, or every process at the top), in step order. */
        private List<String> ordered(SubProcess container) {
            List<FlowNode> nodes = model.getModelElementsByType(FlowNode.class).stream()
                .filter(n -> container == null ? n.getParentElement() instanceof Process : n.getParentElement() == container)
                .toList();
            Map<String, List<String>> edges = new LinkedHashMap<>();
            for (FlowNode n : nodes)
                edges.put(n.getId(), new ArrayList<>(n.getOutgoing().stream().map(f -> ref(f, f.getTarget())).toList()));
            if (container == null)
                for (MessageFlow m : model.getModelElementsByType(MessageFlow.class))
                    if (m.getSource() instanceof FlowNode s && m.getTarget() instanceof FlowNode t)
                        edges.computeIfAbsent(s.getId(), k -> new ArrayList<>()).add(t.getId());
            return FlowOrder.order(nodes.stream().map(BaseElement::getId).toList(),
                edges.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
        }

        private String ref(SequenceFlow flow, FlowNode target) {
            if (target == null) throw new BpmnInputException(file, flow.getId(), "the sequence flow has no target (targetRef); connect it to a node");
            if (flow.getSource() == null) throw new BpmnInputException(file, flow.getId(), "the sequence flow has no source (sourceRef); connect it to a node");
            return target.getId();
        }

        /** An activity, then (for a sub-process) the activities inside it, in their own order. */
        private void expand(String id, List<ModelActivity> out) {
            ModelElementInstance node = model.getModelElementById(id);
            if (!(node instanceof Activity a)) return;
            out.add(activity(a));
            if (a instanceof SubProcess sub) for (String inner : ordered(sub)) expand(inner, out);
        }

        private ModelActivity activity(Activity a) {
            String name = a.getName() == null ? "" : a.getName().strip();
            if (name.isEmpty()) throw new BpmnInputException(file, a.getId(), "the activity has no name; name it as your teams call the work");
            String stated = a.getAttributeValueNs(ETOM_NS, "parent");
            Matcher m = LEADING_IDENTIFIER.matcher(name);
            if (m.matches()) {
                if (stated == null || stated.isBlank()) stated = m.group(1);
                name = m.group(2).strip();
            }
            String doc = a.getDocumentations().stream().map(Documentation::getTextContent).filter(t -> t != null && !t.isBlank())
                .map(String::strip).collect(Collectors.joining("\n"));
            List<String> consumes = new ArrayList<>(), produces = new ArrayList<>();
            for (DataInputAssociation in : a.getDataInputAssociations())
                for (ItemAwareElement source : in.getSources()) add(consumes, data(source));
            for (DataOutputAssociation out : a.getDataOutputAssociations()) add(produces, data(out.getTarget()));
            String container = a.getParentElement() instanceof SubProcess s ? s.getId() : null;
            String process = a.getAttributeValueNs(ETOM_NS, "process");
            return new ModelActivity(a.getId(), name, doc, process == null || process.isBlank() ? null : process.strip(), stated == null || stated.isBlank() ? null : stated.strip(), container,
                laneOf.get(a.getId()), poolOf.get(process(a)), consumes, produces);
        }

        private static void add(List<String> names, String name) {
            if (name != null && !names.contains(name)) names.add(name);
        }

        private static String data(ItemAwareElement e) {
            if (e instanceof DataObjectReference r) return name(r.getName(), r.getDataObject() == null ? null : r.getDataObject().getName());
            if (e instanceof DataStoreReference r) return name(r.getName(), r.getDataStore() == null ? null : r.getDataStore().getName());
            return null;
        }

        private static String process(ModelElementInstance e) {
            for (ModelElementInstance p = e; p != null; p = p.getParentElement()) if (p instanceof Process proc) return proc.getId();
            return null;
        }

        private String flowName() {
            Collection<Collaboration> collaborations = model.getModelElementsByType(Collaboration.class);
            for (Collaboration c : collaborations) if (c.getName() != null && !c.getName().isBlank()) return c.getName().strip();
            for (Process p : model.getModelElementsByType(Process.class)) if (p.getName() != null && !p.getName().isBlank()) return p.getName().strip();
            String f = file.getFileName().toString();
            return f.contains(".") ? f.substring(0, f.lastIndexOf('.')) : f;
        }

        private static String name(String first, String second) {
            if (first != null && !first.isBlank()) return first.strip();
            return second != null && !second.isBlank() ? second.strip() : null;
        }
    }
}
