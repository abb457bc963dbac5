package org.etomkg.bpmn;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.bpmn.model.ActivityCount;
import org.etomkg.bpmn.model.BpmnFile;
import org.etomkg.bpmn.model.ModelActivity;
import org.etomkg.bpmn.model.ModelFlow;
import org.etomkg.extension.ExtensionDraft;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.suggest.ParentSuggestions;
import org.etomkg.suggest.TelecomSynonyms;
import org.etomkg.vocab.ETOM;

/**
 * Turns a CSP's BPMN 2.0 models into a draft extension of one release: each activity a process of
 * the CSP under its eTOM parent, each lane or pool an organisational unit Responsible for its
 * activities, each model's sequence flows an end-to-end flow with numbered steps, each data object
 * or store an information entity its activities consume or produce. A parent comes from the model
 * (the {@code etom:parent} attribute in namespace {@value BpmnFile#ETOM_NS}, or an identifier at the
 * start of the activity's name); else the activity's sub-process; else the best suggestion, marked
 * for review ({@code skos:editorialNote}) and reported.
 */
public final class BpmnImport {
    private final Graph release;
    private final ParentSuggestions suggestions;

    /** @param release the graph of the release the draft extends (its file, or the store's graph) */
    public BpmnImport(Graph release) {
        this(release, TelecomSynonyms.none());
    }

    /** @param synonyms the telecom words that widen an activity's words when its parent is suggested */
    public BpmnImport(Graph release, TelecomSynonyms synonyms) {
        this(release, new ParentSuggestions(release, synonyms));
    }

    /** @param suggestions the engine for the same release, built once and shared (as the server keeps it) */
    public BpmnImport(Graph release, ParentSuggestions suggestions) {
        this.release = release;
        this.suggestions = suggestions;
    }

    /** Most activities {@link #map} takes: each is ranked twice, and a person reviews them on one page. */
    public static final int MAX_MAPPED = 2000;
    /**
     * Most activities {@link #read} takes unless told otherwise ({@code import bpmn --max-activities}):
     * far beyond a real process model, well short of what would take minutes and gigabytes to draft.
     */
    public static final int MAX_ACTIVITIES = 20_000;

    /** What the draft is called and where its terms live. */
    public record Request(String release, String name, String namespace, String publisher) {}

    /** The draft and what a reviewer must look at. */
    public record Result(Graph graph, List<String> review, int processes, int units, int steps, int entities, List<Mapping> mappings) {}

    /** Where the parent of a mapped activity came from. */
    public enum Source { model, subprocess, suggested, chosen, process }

    /**
     * One activity and the parent it got, for a reviewer going through them: {@code parent} is an
     * identifier (the process itself where the model says the activity is one of the release's),
     * {@code suggestions} the best candidates whatever the source (empty unless {@link #map} was asked).
     */
    public record Mapping(String file, String id, String name, String lane, String parent, String parentName, Source source,
                          List<ParentSuggestions.Suggestion> suggestions) {}

    /** Reads every model before writing anything: a broken one stops the import with its file and element named. */
    public Result read(List<Path> models, Request request) {
        return read(models, request, MAX_ACTIVITIES);
    }

    /** As {@link #read(List, Request)}, refusing models with more than {@code maxActivities} activities in all, before reading them whole. */
    public Result read(List<Path> models, Request request, int maxActivities) {
        refuseMoreThan(models, maxActivities);
        List<ModelFlow> flows = models.stream().map(BpmnFile::read).toList();
        return new Draft(request, Map.of(), 0).build(flows);
    }

    /**
     * As {@link #read}, for mapping by hand: {@code parents} holds the parents a reviewer chose, by
     * "file#activity id" (the file's name), which count as stated in the model; each activity's
     * mapping carries its best {@code alternatives} suggestions. A chosen parent the release and the
     * draft lack is the caller's error.
     */
    public Result map(List<Path> models, Request request, Map<String, String> parents, int alternatives) {
        refuseMoreThan(models, MAX_MAPPED, "too many to map by hand at once; split the model, or draft it with ./etom-kg import bpmn");
        List<ModelFlow> flows = models.stream().map(BpmnFile::read).toList();
        return new Draft(request, parents, alternatives).build(flows);
    }

    /**
     * Refuses models with more than {@code limit} activities in all, from a streaming count: a model of
     * 100,000 activities is refused in well under a second, before its release is even loaded.
     */
    public static void refuseMoreThan(List<Path> models, int limit) {
        refuseMoreThan(models, limit, "raise the limit with --max-activities N, or split the model");
    }

    private static void refuseMoreThan(List<Path> models, int limit, String advice) {
        if (limit < 1) throw new IllegalArgumentException("the most activities to import is at least 1, not " + limit);
        int total = 0;
        for (Path model : models) {
            total += ActivityCount.upTo(model, limit - total);
            if (total > limit) throw new BpmnInputException(model, null, (models.size() > 1 ? "the models hold" : "the model holds")
                + " more than " + String.format(Locale.ROOT, "%,d", limit) + " activities; " + advice + ". Nothing was written");
        }
    }

    /** One draft being built. */
    private final class Draft {
        private final ExtensionDraft draft;
        private final String ns;
        private final List<String> review = new ArrayList<>();
        private final Map<String, Node> processOf = new HashMap<>();        // file#activity id -> process
        private final Map<Node, String> notationOf = new HashMap<>();
        private final Map<Node, Integer> levelOf = new HashMap<>();
        private final Map<Node, Integer> children = new HashMap<>();
        private final Map<String, Node> units = new LinkedHashMap<>(), entities = new LinkedHashMap<>();
        private final Map<String, Node> ownByNotation = new HashMap<>();
        private final Map<String, String> nameOf = new HashMap<>();       // own notation -> activity name
        private final Set<String> flowSlugs = new HashSet<>();
        private int steps;
        private Node publisher;

        private final Request request;
        private final Map<String, String> chosen;
        private final int alternatives;
        private final List<Mapping> mappings = new ArrayList<>();

        Draft(Request request, Map<String, String> chosen, int alternatives) {
            this.request = request;
            this.chosen = chosen;
            this.alternatives = alternatives;
            draft = new ExtensionDraft(request.namespace(), request.release());
            ns = request.namespace();
            draft.add(draft.header(), RDFS.label.asNode(), en(request.name()));
            draft.add(draft.header(), OWL.versionInfo.asNode(), NodeFactory.createLiteralString("0.1.0"));
        }

        Result build(List<ModelFlow> flows) {
            // The CSP: as asked, else the first pool's name (a pool is usually the company), else the extension's name.
            String csp = request.publisher() != null && !request.publisher().isBlank() ? request.publisher()
                : flows.stream().flatMap(f -> f.activities().stream()).map(ModelActivity::pool).filter(p -> p != null).findFirst().orElse(request.name());
            publisher = ExtensionDraft.iri(ns + "publisher");
            draft.add(draft.header(), DCTerms.publisher.asNode(), publisher);
            draft.add(publisher, RDF.type.asNode(), ORG.Organization.asNode());
            draft.add(publisher, RDFS.label.asNode(), en(csp));
            for (ModelFlow flow : flows) {
                draft.add(draft.header(), DCTerms.source.asNode(), NodeFactory.createLiteralString(flow.file().getFileName().toString()));
                List<Node> order = new ArrayList<>();
                for (ModelActivity a : flow.activities()) order.add(process(flow, a));
                flow(flow, order);
            }
            draft.add(draft.header(), RDFS.comment.asNode(), en("Drafted by ./etom-kg import bpmn. Review every process with a "
                + "skos:editorialNote: its parent was suggested, not stated in the model."));
            Set<String> unused = new HashSet<>(chosen.keySet());
            mappings.forEach(m -> unused.remove(m.file() + "#" + m.id()));
            if (!unused.isEmpty()) throw new IllegalArgumentException("no such activity to give a parent: " + String.join(", ", unused.stream().sorted().toList()));
            return new Result(draft.graph(), review, ownByNotation.size(), units.size(), steps, entities.size(), List.copyOf(mappings));
        }

        private Node process(ModelFlow flow, ModelActivity a) {
            String where = flow.file().getFileName() + "#" + a.id();
            String choice = chosen.get(where);
            // An activity that says it is a process of the release (as an exported flow's steps do) is that process.
            if (choice == null && a.statedProcess() != null && !a.statedProcess().startsWith("2.") && known(a.statedProcess()) != null) {
                Node ref = known(a.statedProcess());
                processOf.put(where, ref);
                String unit = a.lane() != null ? a.lane() : a.pool();
                if (unit != null) responsible(unit, ref, a.statedProcess());
                mapped(flow, a, a.statedProcess(), Source.process);
                return ref;
            }
            Node parent = null;
            String note = null;
            Source source = Source.model;
            if (choice != null) {
                parent = known(choice);
                if (parent == null) throw new IllegalArgumentException("the parent chosen for " + where + ", " + choice
                    + ", is not a process of release " + draft.release() + " or of this draft");
                source = Source.chosen;
            } else if (a.statedParent() != null) {
                parent = known(a.statedParent());
                if (parent == null) review.add(where + " \"" + a.name() + "\": the model states parent " + a.statedParent()
                    + ", which release " + draft.release() + " and this draft do not have; a suggestion was used instead");
            }
            if (parent == null && a.container() != null) {
                parent = processOf.get(flow.file().getFileName() + "#" + a.container());
                source = Source.subprocess;
            }
            if (parent == null) {
                source = Source.suggested;
                String context = a.lane() != null ? a.lane() : a.pool();
                var best = suggestions.suggest(a.name(), context, 3);
                if (best.isEmpty()) throw new BpmnInputException(flow.file(), a.id(), "no eTOM process shares a word with \""
                    + a.name() + "\"; state its parent in the model (etom:parent=\"1.3.3.10\", or the identifier first in its name)");
                var top = best.get(0);
                parent = draft.referenceProcess(top.identifier());
                levelOf.putIfAbsent(parent, top.level());
                notationOf.putIfAbsent(parent, top.identifier());
                note = "Parent suggested, not stated in the model: " + top.identifier() + " " + top.name() + " (" + top.reason() + ")"
                    + (best.size() > 1 ? "; also " + String.join(", ", best.subList(1, best.size()).stream()
                        .map(s -> s.identifier() + " " + s.name()).toList()) : "") + ". Review it.";
                review.add(where + " \"" + a.name() + "\": " + note);
            }
            String parentNotation = notationOf.get(parent);
            String prefix = parentNotation.startsWith("1.") ? "2" + parentNotation.substring(1) : parentNotation;
            String notation;
            if (a.statedProcess() != null && a.statedProcess().startsWith(prefix + ".") && !ownByNotation.containsKey(a.statedProcess())
                    && a.statedProcess().substring(prefix.length() + 1).matches("[0-9]+")) {
                notation = a.statedProcess();   // the model keeps the number the process had
            } else {
                do notation = prefix + "." + children.merge(parent, 1, Integer::sum); while (ownByNotation.containsKey(notation));
            }
            Node p = ExtensionDraft.iri(ns + notation);
            int level = levelOf.get(parent) + 1;
            notationOf.put(p, notation);
            levelOf.put(p, level);
            ownByNotation.put(notation, p);
            nameOf.put(notation, a.name());
            processOf.put(where, p);

            Node type = RDF.type.asNode();
            draft.add(p, type, ETOM.term("ExtensionProcess"));
            draft.add(p, RDFS.label.asNode(), en(a.name()));
            draft.add(p, SKOS.inScheme.asNode(), draft.header());
            draft.add(p, SKOS.notation.asNode(), NodeFactory.createLiteralString(notation));
            draft.add(p, ETOM.level.asNode(), NodeFactory.createLiteralDT(Integer.toString(level), XSDDatatype.XSDinteger));
            draft.add(p, ETOM.parent.asNode(), parent);
            draft.add(p, DCTerms.source.asNode(), NodeFactory.createLiteralString(where));
            if (!a.documentation().isEmpty()) draft.add(p, SKOS.definition.asNode(), en(a.documentation()));
            if (note != null) draft.add(p, SKOS.editorialNote.asNode(), en(note));
            String unit = a.lane() != null ? a.lane() : a.pool();
            if (unit != null) responsible(unit, p, notation);
            mapped(flow, a, parentNotation, source);
            for (String e : a.consumes()) draft.add(p, ETOM.term("consumes"), entity(e));
            for (String e : a.produces()) draft.add(p, ETOM.term("produces"), entity(e));
            return p;
        }

        private void mapped(ModelFlow flow, ModelActivity a, String parent, Source source) {
            String parentName = suggestions.name(parent);
            if (parentName == null) parentName = ownByNotation.containsKey(parent) ? nameOf.get(parent) : parent;
            String context = a.lane() != null ? a.lane() : a.pool();
            var best = alternatives == 0 ? List.<ParentSuggestions.Suggestion>of() : suggestions.suggest(a.name(), context, alternatives);
            mappings.add(new Mapping(flow.file().getFileName().toString(), a.id(), a.name(), context, parent, parentName, source, best));
        }

        /** A reference process of the release, or one of the draft's own, by identifier; null if neither has it. */
        private Node known(String identifier) {
            if (ownByNotation.containsKey(identifier)) return ownByNotation.get(identifier);
            Node ref = draft.referenceProcess(identifier);
            var level = release.find(ref, ETOM.level.asNode(), Node.ANY).nextOptional();
            if (level.isEmpty()) return null;
            levelOf.putIfAbsent(ref, ((Number) level.get().getObject().getLiteralValue()).intValue());
            notationOf.putIfAbsent(ref, identifier);
            return ref;
        }

        /**
         * The lane's (or pool's) unit does the work: Responsible, and Accountable too, since BPMN says
         * nothing of who answers for it; the reviewer moves the A where another unit answers.
         */
        private void responsible(String unitName, Node process, String notation) {
            Node unit = units.computeIfAbsent(unitName, name -> {
                Node u = ExtensionDraft.iri(ns + "unit-" + slug(name));
                draft.add(u, RDF.type.asNode(), ORG.OrganizationalUnit.asNode());
                draft.add(u, RDFS.label.asNode(), en(name));
                draft.add(u, ORG.unitOf.asNode(), publisher);
                return u;
            });
            for (String raci : List.of("Responsible", "Accountable")) {
                Node assignment = ExtensionDraft.iri(ns + "raci-" + notation + "-" + raci.substring(0, 1).toLowerCase(Locale.ROOT));
                draft.add(assignment, RDF.type.asNode(), ETOM.term("Assignment"));
                draft.add(assignment, ETOM.term("agent"), unit);
                draft.add(assignment, ETOM.term("process"), process);
                draft.add(assignment, ETOM.term("raci"), ETOM.term(raci));
            }
        }

        private Node entity(String name) {
            return entities.computeIfAbsent(name, n -> {
                Node e = ExtensionDraft.iri(ns + "ie-" + slug(n));
                draft.add(e, RDF.type.asNode(), ETOM.term("InformationEntity"));
                draft.add(e, RDFS.label.asNode(), en(n));
                return e;
            });
        }

        /** The model's activities, in step order, as one end-to-end flow. */
        private void flow(ModelFlow flow, List<Node> order) {
            if (order.isEmpty()) return;
            String slug = slug(flow.name());
            // Two models may name their flows alike; each flow keeps its own steps.
            for (int k = 2; !flowSlugs.add(slug); k++) slug = slug(flow.name()) + "-" + k;
            Node f = ExtensionDraft.iri(ns + "flow-" + slug);
            draft.add(f, RDF.type.asNode(), ETOM.term("EndToEndFlow"));
            draft.add(f, RDFS.label.asNode(), en(flow.name()));
            for (int i = 0; i < order.size(); i++) {
                Node step = ExtensionDraft.iri(ns + "flow-" + slug + "-" + (i + 1));
                draft.add(f, ETOM.term("step"), step);
                draft.add(step, RDF.type.asNode(), ETOM.term("FlowStep"));
                draft.add(step, ETOM.term("position"), NodeFactory.createLiteralDT(Integer.toString(i + 1), XSDDatatype.XSDinteger));
                draft.add(step, ETOM.term("process"), order.get(i));
                steps++;
            }
        }
    }

    private static Node en(String text) { return NodeFactory.createLiteralLang(text, "en"); }

    /** "Customer Care & Billing" → "customer-care-billing": readable IRIs, never the only name of a thing. */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "unnamed" : s;
    }
}
