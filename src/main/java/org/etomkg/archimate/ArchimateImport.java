package org.etomkg.archimate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import org.etomkg.bpmn.BpmnImport;
import org.etomkg.extension.ExtensionDraft;
import org.etomkg.vocab.ETOM;

/**
 * Turns an ArchiMate 3.1 exchange file, as {@code export archimate} writes it and an architect then
 * edits it, into the extension it describes. Elements that carry the IRI of one of the release's
 * processes (or of anything else of etom-kg: vertical groups, ODA components, Open APIs) are the
 * reference, not new things; the rest map back as the README's "From ArchiMate" table says:
 * business processes and functions composed into a process are the CSP's processes, actors and
 * roles its organisation with their RACI assignments, application components its applications,
 * business objects its information, assessments its KPIs, and each view drawing a chain of
 * triggering relationships an end-to-end flow. An element keeps the IRI its "IRI" property names;
 * a new one gets an IRI in the extension's namespace and, for a process, the number TM Forum's rule
 * gives it. Whatever has no counterpart in an extension is listed in {@link Result#notCarried()}.
 */
public final class ArchimateImport {
    private final Graph release;

    /** @param release the graph of the release the extension extends */
    public ArchimateImport(Graph release) {
        this.release = release;
    }

    /**
     * What the extension is called and where its new terms live; {@code publisher} may be null, and so
     * may {@code namespace}: then it is the one the model's own processes use, else {@code https://csp.example/NAME/}.
     */
    public record Request(String release, String name, String namespace, String publisher) {}

    /** The extension, what the model holds that it cannot say, and what to review. */
    public record Result(Graph graph, String namespace, List<String> notCarried, List<String> review, int processes, int agents, int assignments,
                         int applications, int entities, int kpis, int flows) {}

    /** Reads the file whole before building anything: a broken file stops the import with its line and element. */
    public Result read(Path file, Request request) {
        ExchangeFile model = ExchangeReader.read(file);
        if (request.namespace() == null) {
            String ns = namespaceOf(model);
            request = new Request(request.release(), request.name(), ns != null ? ns : "https://csp.example/" + BpmnImport.slug(request.name()) + "/",
                request.publisher());
        }
        return new Build(model, request).run();
    }

    /** The namespace an exported model's extension uses: that of its processes' IRIs, if they share one; else null. */
    private static String namespaceOf(ExchangeFile model) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (ExchangeFile.Concept c : model.elements().values()) {
            String iri = c.property(PropertyKey.IRI), id = c.property(PropertyKey.IDENTIFIER);
            if (iri != null && id != null && id.startsWith("2.") && iri.endsWith("/" + id) && !iri.startsWith(ETOM.BASE))
                namespaces.add(iri.substring(0, iri.length() - id.length()));
        }
        return namespaces.size() == 1 ? namespaces.iterator().next() : null;
    }

    /** Deepest chain of new processes read, one below the other; far more than eTOM's levels, and it keeps the stack small. */
    private static final int MAX_DEPTH = 100;

    private enum Kind { REFERENCE_PROCESS, REFERENCE, PROCESS, ACTOR, ROLE, APPLICATION, ENTITY, KPI, NONE }

    /** One import. */
    private final class Build {
        private final ExchangeFile model;
        private final Request request;
        private final ExtensionDraft draft;
        private final String ns;
        private final String fileName;
        private final List<String> notCarried = new ArrayList<>(), review = new ArrayList<>();
        private final Map<String, Kind> kind = new HashMap<>();
        private final Map<String, Node> node = new HashMap<>();          // element id -> its IRI
        private final Map<Node, Integer> levelOf = new HashMap<>();
        private final Map<Node, String> notationOf = new HashMap<>();
        private final Set<String> usedIris = new HashSet<>();
        private final Set<String> notations = new HashSet<>();           // taken by a process, or stated by one in the file
        private final Set<String> assigned = new HashSet<>();            // given to a process of the extension
        private final Set<String> handled = new HashSet<>();             // relationships read
        private int processes, agents, assignments, applications, entities, kpis, flows;

        Build(ExchangeFile model, Request request) {
            this.model = model;
            this.request = request;
            this.ns = request.namespace();
            this.fileName = model.file().getFileName().toString();
            draft = new ExtensionDraft(ns, request.release());
            draft.add(draft.header(), RDFS.label.asNode(), en(request.name()));
            draft.add(draft.header(), OWL.versionInfo.asNode(), NodeFactory.createLiteralString("0.1.0"));
            draft.add(draft.header(), DCTerms.source.asNode(), NodeFactory.createLiteralString(fileName));
        }

        Result run() {
            for (ExchangeFile.Concept c : model.elements().values()) kind.put(c.id(), classify(c));
            for (ExchangeFile.Concept c : model.elements().values())
                if (kind.get(c.id()) == Kind.PROCESS && c.property(PropertyKey.IDENTIFIER) != null) notations.add(c.property(PropertyKey.IDENTIFIER));
            Map<String, List<ExchangeFile.Link>> into = new HashMap<>(), outOf = new HashMap<>();
            for (ExchangeFile.Link r : model.relationships().values()) {
                into.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
                outOf.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r);
            }
            Node publisher = organisation(into, outOf);
            draft.add(draft.header(), DCTerms.publisher.asNode(), publisher);
            for (ExchangeFile.Concept c : model.elements().values()) if (kind.get(c.id()) == Kind.PROCESS) process(c, into, new LinkedHashSet<>());
            for (ExchangeFile.Concept c : model.elements().values()) {
                switch (kind.get(c.id())) {
                    case APPLICATION -> { applications++; thing(c, "app-", "Application"); }
                    case ENTITY -> { entities++; thing(c, "ie-", "InformationEntity"); }
                    case KPI -> { kpis++; kpi(c); }
                    default -> { }
                }
            }
            for (ExchangeFile.Link r : model.relationships().values()) relationship(r);
            for (ExchangeFile.View v : model.views()) flow(v);
            for (ExchangeFile.Link r : model.relationships().values())
                if (!handled.contains(r.id())) notCarried.add(describe(r) + ": " + why(r));
            if (!notCarried.isEmpty())
                draft.add(draft.header(), SKOS.editorialNote.asNode(), en("Not carried from " + fileName + ", which an extension cannot say:\n- "
                    + String.join("\n- ", notCarried)));
            return new Result(draft.graph(), ns, List.copyOf(notCarried), List.copyOf(review), processes, agents, assignments, applications,
                entities, kpis, flows);
        }

        // ---- elements ---------------------------------------------------------------------------

        private Kind classify(ExchangeFile.Concept c) {
            String iri = c.property(PropertyKey.IRI);
            String ours = ETOM.processNamespace(request.release());
            if (iri != null && iri.startsWith(ETOM.BASE)) {
                if (iri.startsWith(ours)) {
                    if (!referenceProcess(c, iri.substring(ours.length())))
                        throw new ArchimateInputException(model.file(), c.line(), c.id(), "names process " + iri.substring(ours.length())
                            + ", which release " + request.release() + " does not have");
                    return Kind.REFERENCE_PROCESS;
                }
                if (iri.matches("\\Q" + ETOM.BASE + "release/\\E[^/]+/process/.*"))
                    throw new ArchimateInputException(model.file(), c.line(), c.id(), "names " + iri + ", a process of another release than "
                        + request.release() + "; import with the release the model was exported from");
                return Kind.REFERENCE;
            }
            String stated = c.property(PropertyKey.RELEASE);
            if (stated != null && !stated.equals(request.release()))
                throw new ArchimateInputException(model.file(), c.line(), c.id(), "is a process of release " + stated + ", not "
                    + request.release() + "; import with --release " + stated);
            // a tool that dropped the IRI still keeps the identifier: 1.3.3.10 of the release is the reference
            String identifier = c.property(PropertyKey.IDENTIFIER);
            if (iri == null && identifier != null && identifier.matches("1(\\.[0-9]+)*") && referenceProcess(c, identifier)) return Kind.REFERENCE_PROCESS;
            return switch (c.type() == null ? "" : c.type()) {
                case "BusinessProcess", "BusinessFunction" -> Kind.PROCESS;
                case "BusinessActor" -> Kind.ACTOR;
                case "BusinessRole" -> Kind.ROLE;
                case "ApplicationComponent" -> Kind.APPLICATION;
                case "BusinessObject" -> Kind.ENTITY;
                case "Assessment" -> Kind.KPI;
                default -> {
                    notCarried.add(describe(c) + ": an extension has no counterpart for a" + (c.type() != null && "AEIOU".indexOf(c.type().charAt(0)) >= 0 ? "n " : " ")
                        + c.type());
                    yield Kind.NONE;
                }
            };
        }

        /** True, and the element stands for it, when the release has a process with this identifier. */
        private boolean referenceProcess(ExchangeFile.Concept c, String identifier) {
            Node p = NodeFactory.createURI(ETOM.processNamespace(request.release()) + identifier);
            if (!release.contains(p, ETOM.level.asNode(), Node.ANY)) return false;
            node.put(c.id(), p);
            notationOf.put(p, identifier);
            levelOf.put(p, level(p));
            String label = label(p);
            if (label != null && !label.equals(c.name()))
                notCarried.add("the name \"" + c.name() + "\" of reference process " + identifier + " " + label
                    + " (an extension does not rename the reference; name your own variant, or give a local name in another language)");
            return true;
        }

        /** Actors and roles first, since the publisher is one of them. */
        private Node organisation(Map<String, List<ExchangeFile.Link>> into, Map<String, List<ExchangeFile.Link>> outOf) {
            Node publisher = null;
            for (ExchangeFile.Concept c : model.elements().values()) {
                Kind k = kind.get(c.id());
                if (k != Kind.ACTOR && k != Kind.ROLE) continue;
                agents++;
                Node n = iri(c, k == Kind.ROLE ? "role-" : "unit-");
                draft.add(n, RDFS.label.asNode(), en(c.name()));
                if (k == Kind.ROLE) {
                    draft.add(n, RDF.type.asNode(), ORG.Role.asNode());
                    continue;
                }
                boolean part = into.getOrDefault(c.id(), List.of()).stream().anyMatch(r -> isUnitOf(r));
                boolean whole = outOf.getOrDefault(c.id(), List.of()).stream().anyMatch(r -> isUnitOf(r));
                // an actor that holds others and is held by none is the organisation; every other actor is one of its units
                boolean organisation = whole && !part;
                draft.add(n, RDF.type.asNode(), (organisation ? ORG.Organization : ORG.OrganizationalUnit).asNode());
                if (organisation && (publisher == null || c.name().equals(request.publisher()))) publisher = n;
            }
            if (publisher == null || request.publisher() != null && !request.publisher().isBlank() && !labelIn(draft.graph(), publisher).equals(request.publisher())) {
                String name = request.publisher() != null && !request.publisher().isBlank() ? request.publisher() : request.name();
                publisher = ExtensionDraft.iri(ns + "publisher");
                draft.add(publisher, RDF.type.asNode(), ORG.Organization.asNode());
                draft.add(publisher, RDFS.label.asNode(), en(name));
            }
            // a unit that is part of nothing the model shows is a unit of the publisher
            for (ExchangeFile.Concept c : model.elements().values()) {
                if (kind.get(c.id()) != Kind.ACTOR) continue;
                Node n = node.get(c.id());
                boolean part = into.getOrDefault(c.id(), List.of()).stream().anyMatch(r -> isUnitOf(r));
                if (!part && !n.equals(publisher) && draft.graph().contains(n, RDF.type.asNode(), ORG.OrganizationalUnit.asNode()))
                    draft.add(n, ORG.unitOf.asNode(), publisher);
            }
            return publisher;
        }

        private boolean isUnitOf(ExchangeFile.Link r) {
            return "Composition".equals(r.type()) && kind.get(r.source()) == Kind.ACTOR && kind.get(r.target()) == Kind.ACTOR;
        }

        /** A process of the CSP's: under the process composing it, numbered by TM Forum's rule unless it says its number. */
        private Node process(ExchangeFile.Concept c, Map<String, List<ExchangeFile.Link>> into, Set<String> visiting) {
            if (node.containsKey(c.id())) return node.get(c.id());
            if (kind.get(c.id()) != Kind.PROCESS) return null;
            if (!visiting.add(c.id()) || visiting.size() > MAX_DEPTH) {
                notCarried.add(describe(c) + (visiting.size() > MAX_DEPTH ? ": nested more than " + MAX_DEPTH + " processes deep"
                    : ": its parents go round in a circle"));
                kind.put(c.id(), Kind.NONE);
                return null;
            }
            List<ExchangeFile.Link> parents = into.getOrDefault(c.id(), List.of()).stream()
                .filter(r -> "Composition".equals(r.type()) && isProcess(r.source())).toList();
            if (parents.isEmpty()) {
                notCarried.add(describe(c) + ": a process of your own needs a parent; compose it into an eTOM process or one of yours");
                kind.put(c.id(), Kind.NONE);
                return null;
            }
            ExchangeFile.Link first = parents.get(0);
            Node parent = kind.get(first.source()) == Kind.REFERENCE_PROCESS ? node.get(first.source())
                : process(model.elements().get(first.source()), into, visiting);
            if (parent == null) {
                notCarried.add(describe(c) + ": its parent " + describe(model.elements().get(first.source())) + " is not carried");
                kind.put(c.id(), Kind.NONE);
                return null;
            }
            handled.add(first.id());
            for (ExchangeFile.Link other : parents.subList(1, parents.size()))
                notCarried.add(describe(other) + ": a process has one parent, and " + describe(c) + " already has one");
            for (ExchangeFile.Link other : parents.subList(1, parents.size())) handled.add(other.id());

            String stated = c.property(PropertyKey.IDENTIFIER);
            String notation = stated != null && stated.matches("2(\\.[0-9]+)+") && assigned.add(stated) ? stated : next(parent);
            assigned.add(notation);
            notations.add(notation);
            String level = c.property(PropertyKey.LEVEL);
            int lvl = level != null && level.matches("[0-9]+") ? Integer.parseInt(level) : levelOf.get(parent) + 1;
            String statedIri = c.property(PropertyKey.IRI);
            Node p = statedIri != null && absolute(statedIri) && usedIris.add(statedIri) ? NodeFactory.createURI(statedIri) : mint(ns + notation);
            node.put(c.id(), p);
            notationOf.put(p, notation);
            levelOf.put(p, lvl);
            processes++;
            draft.add(p, RDF.type.asNode(), ETOM.term("ExtensionProcess"));
            draft.add(p, RDFS.label.asNode(), en(c.name()));
            draft.add(p, SKOS.inScheme.asNode(), draft.header());
            draft.add(p, SKOS.notation.asNode(), NodeFactory.createLiteralString(notation));
            draft.add(p, ETOM.level.asNode(), integer(lvl));
            draft.add(p, ETOM.parent.asNode(), parent);
            if (c.documentation() != null && !c.documentation().isEmpty()) draft.add(p, SKOS.definition.asNode(), en(c.documentation()));
            if (stated == null) review.add(describe(c) + ": new, numbered " + notation + " under " + notationOf.get(parent));
            return p;
        }

        /** The next free number under a parent: 1.3.3.10 gives 2.3.3.10.n, a process of the CSP's own gives its notation and .n. */
        private String next(Node parent) {
            String base = notationOf.get(parent);
            String prefix = (base.startsWith("1.") ? "2" + base.substring(1) : base) + ".";
            int n = 1;
            while (notations.contains(prefix + n)) n++;
            return prefix + n;
        }

        private boolean isProcess(String id) {
            Kind k = kind.get(id);
            return k == Kind.REFERENCE_PROCESS || k == Kind.PROCESS;
        }

        private void thing(ExchangeFile.Concept c, String prefix, String type) {
            Node n = iri(c, prefix);
            draft.add(n, RDF.type.asNode(), ETOM.term(type));
            draft.add(n, RDFS.label.asNode(), en(c.name()));
        }

        private void kpi(ExchangeFile.Concept c) {
            Node n = iri(c, "kpi-");
            draft.add(n, RDF.type.asNode(), ETOM.term("Kpi"));
            draft.add(n, RDFS.label.asNode(), en(c.name()));
            String target = c.property(PropertyKey.KPI_TARGET), unit = c.property(PropertyKey.KPI_UNIT), direction = c.property(PropertyKey.KPI_DIRECTION);
            if (target != null) draft.add(n, ETOM.term("target"), number(target));
            if (unit != null) draft.add(n, ETOM.term("unit"), NodeFactory.createLiteralString(unit));
            if (direction != null && direction.matches("[A-Za-z]+")) draft.add(n, ETOM.term("direction"), ETOM.term(direction));
            else if (direction != null) notCarried.add(describe(c) + ": the KPI direction \"" + direction + "\" (HigherIsBetter or LowerIsBetter)");
        }

        /** The IRI the element states, or a new one in the namespace from its name. */
        private Node iri(ExchangeFile.Concept c, String prefix) {
            String stated = c.property(PropertyKey.IRI);
            Node n = stated != null && absolute(stated) && usedIris.add(stated) ? NodeFactory.createURI(stated) : mint(ns + prefix + BpmnImport.slug(c.name()));
            node.put(c.id(), n);
            return n;
        }

        private Node mint(String iri) {
            String out = iri;
            for (int k = 2; !usedIris.add(out); k++) out = iri + "-" + k;
            return NodeFactory.createURI(out);
        }

        // ---- relationships ----------------------------------------------------------------------

        private void relationship(ExchangeFile.Link r) {
            if (handled.contains(r.id())) return;
            Kind from = kind.get(r.source()), to = kind.get(r.target());
            if (from == null || to == null) return;        // to or from a relationship: listed at the end
            Node s = node.get(r.source()), t = node.get(r.target());
            boolean reference = (from == Kind.REFERENCE_PROCESS || from == Kind.REFERENCE) && (to == Kind.REFERENCE_PROCESS || to == Kind.REFERENCE);
            switch (r.type() == null ? "" : r.type()) {
                case "Composition" -> {
                    if (isUnitOf(r)) { draft.add(t, ORG.unitOf.asNode(), s); done(r); }
                    else if (from == Kind.REFERENCE_PROCESS && to == Kind.REFERENCE_PROCESS && release.contains(t, ETOM.parent.asNode(), s)) done(r);
                    else if (reference && !(from == Kind.REFERENCE_PROCESS && to == Kind.REFERENCE_PROCESS)) done(r);
                }
                case "Aggregation" -> { if (reference) done(r); }
                case "Specialization" -> {
                    if (from == Kind.PROCESS && isProcess(r.target())) { draft.add(s, ETOM.term("specialises"), t); done(r); }
                }
                case "Assignment" -> {
                    if ((from == Kind.ACTOR || from == Kind.ROLE) && isProcess(r.target())) assignment(r, s, t);
                }
                case "Serving" -> {
                    if (from == Kind.APPLICATION && isProcess(r.target())) { draft.add(s, ETOM.term("supports"), t); done(r); }
                    else if (reference) done(r);
                }
                case "Access" -> {
                    if (isProcess(r.source()) && to == Kind.ENTITY) access(r, s, t);
                }
                case "Association" -> {
                    if (from == Kind.KPI && isProcess(r.target())) { draft.add(s, ETOM.term("measures"), t); done(r); }
                    else if (to == Kind.KPI && isProcess(r.source())) { draft.add(t, ETOM.term("measures"), s); done(r); }
                }
                default -> { }
            }
        }

        private void assignment(ExchangeFile.Link r, Node agent, Node process) {
            String raci = r.property(PropertyKey.RACI);
            String role = raci == null ? null : switch (raci.strip().toUpperCase(Locale.ROOT)) {
                case "R", "RESPONSIBLE" -> "Responsible";
                case "A", "ACCOUNTABLE" -> "Accountable";
                case "C", "CONSULTED" -> "Consulted";
                case "I", "INFORMED" -> "Informed";
                default -> null;
            };
            if (raci != null && role == null) return;      // listed at the end, with why
            if (role == null) {
                role = "Responsible";
                review.add(describe(r) + ": no RACI property, taken as Responsible");
            }
            String stated = r.property(PropertyKey.IRI);
            Node a = stated != null && absolute(stated) && usedIris.add(stated) ? NodeFactory.createURI(stated)
                : mint(ns + "raci-" + notationOf.get(process) + "-" + role.substring(0, 1).toLowerCase(Locale.ROOT));
            draft.add(a, RDF.type.asNode(), ETOM.term("Assignment"));
            draft.add(a, ETOM.term("agent"), agent);
            draft.add(a, ETOM.term("process"), process);
            draft.add(a, ETOM.term("raci"), ETOM.term(role));
            assignments++;
            done(r);
        }

        private void access(ExchangeFile.Link r, Node process, Node entity) {
            String direction = r.access() == null ? "Access" : r.access();
            if (direction.equals("Read") || direction.equals("ReadWrite")) draft.add(process, ETOM.term("consumes"), entity);
            if (direction.equals("Write") || direction.equals("ReadWrite")) draft.add(process, ETOM.term("produces"), entity);
            if (!direction.equals("Access")) done(r);
        }

        /** A view drawing triggering relationships between processes, one after the other, is an end-to-end flow. */
        private void flow(ExchangeFile.View v) {
            FlowChain flow = FlowChain.of(model, v);
            if (flow == null) return;
            if (flow.problem() != null) {
                notCarried.add("view \"" + v.name() + "\" (" + v.id() + "): " + flow.problem());
                return;
            }
            String statedSteps = v.property(PropertyKey.FLOW_STEPS);
            List<String> chain = flow.nodes();
            List<Node> steps = new ArrayList<>();
            for (String n : chain) {
                String element = v.nodes().get(n);
                if (element == null || !isProcess(element) || !node.containsKey(element)) {
                    notCarried.add("view \"" + v.name() + "\" (" + v.id() + "): step " + (element == null ? n : describe(model.elements().get(element)))
                        + " is not a process that is carried, so the flow is not");
                    return;
                }
                steps.add(node.get(element));
            }
            String slug = BpmnImport.slug(v.name());
            String statedIri = v.property(PropertyKey.IRI);
            Node f = statedIri != null && absolute(statedIri) && usedIris.add(statedIri) ? NodeFactory.createURI(statedIri) : mint(ns + "flow-" + slug);
            String[] stepIris = statedSteps == null ? new String[0] : statedSteps.strip().split("\\s+");
            boolean keep = stepIris.length == steps.size();
            draft.add(f, RDF.type.asNode(), ETOM.term("EndToEndFlow"));
            draft.add(f, RDFS.label.asNode(), en(v.name()));
            if (v.documentation() != null && !v.documentation().isEmpty()) draft.add(f, SKOS.definition.asNode(), en(v.documentation()));
            for (int i = 0; i < steps.size(); i++) {
                Node step = keep && absolute(stepIris[i]) && usedIris.add(stepIris[i]) ? NodeFactory.createURI(stepIris[i])
                    : mint(ns + "flow-" + slug + "-" + (i + 1));
                draft.add(f, ETOM.term("step"), step);
                draft.add(step, RDF.type.asNode(), ETOM.term("FlowStep"));
                draft.add(step, ETOM.term("position"), integer(i + 1));
                draft.add(step, ETOM.term("process"), steps.get(i));
            }
            handled.addAll(flow.triggerings());
            flows++;
        }

        private void done(ExchangeFile.Link r) { handled.add(r.id()); }

        /** Why a relationship was not carried, in a process architect's words. */
        private String why(ExchangeFile.Link r) {
            Kind from = kind.get(r.source()), to = kind.get(r.target());
            if (from == null || to == null) return "a relationship to or from a relationship has no counterpart in an extension";
            if (from == Kind.NONE || to == Kind.NONE) return "its " + (from == Kind.NONE ? "source" : "target") + " is not carried";
            return switch (r.type() == null ? "" : r.type()) {
                case "Composition" -> to == Kind.REFERENCE_PROCESS
                    ? "an extension cannot put a reference process under another process" : "composition means a parent process, or a unit of an organisation, here";
                case "Assignment" -> r.property(PropertyKey.RACI) != null && from != Kind.NONE
                    ? "the RACI \"" + r.property(PropertyKey.RACI) + "\" is not Responsible, Accountable, Consulted or Informed"
                    : "assignment means an actor or role answering for a process here";
                case "Access" -> isProcess(r.source()) && to == Kind.ENTITY
                    ? "an access without a direction (Read, Write or ReadWrite) says neither consumes nor produces" : "access means a process reading or writing a business object here";
                case "Triggering" -> "a triggering relationship is carried only as a step of a flow view";
                case "Specialization" -> "specialization means a process of yours specialising another process here";
                case "Serving" -> "serving means an application supporting a process here";
                case "Association" -> "association means a KPI measuring a process here";
                default -> "an extension has no counterpart for a" + (r.type() != null && "AEIOU".indexOf(r.type().charAt(0)) >= 0 ? "n " : " ") + r.type();
            };
        }

        private String describe(ExchangeFile.Concept c) {
            if (c == null) return "?";
            return c.type() + (c.name().isEmpty() ? "" : " \"" + c.name() + "\"") + " (" + c.id() + ", line " + c.line() + ")";
        }

        private String describe(ExchangeFile.Link r) {
            return r.type() + " from " + end(r.source()) + " to " + end(r.target()) + " (" + r.id() + ", line " + r.line() + ")";
        }

        private String end(String id) {
            ExchangeFile.Concept c = model.elements().get(id);
            return c == null ? "relationship " + id : "\"" + c.name() + "\"";
        }

        private int level(Node p) {
            return release.find(p, ETOM.level.asNode(), Node.ANY).nextOptional()
                .map(t -> ((Number) t.getObject().getLiteralValue()).intValue()).orElse(0);
        }

        private String label(Node p) { return labelIn(release, p); }
    }

    private static String labelIn(Graph g, Node n) {
        return g.find(n, RDFS.label.asNode(), Node.ANY).toList().stream().map(t -> t.getObject().getLiteralLexicalForm()).sorted().findFirst().orElse(null);
    }

    private static boolean absolute(String iri) { return iri.matches("(?i)(https?|urn):\\S+"); }

    private static Node en(String text) { return NodeFactory.createLiteralLang(text, "en"); }

    private static Node integer(int n) { return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger); }

    /** A KPI target as Turtle would read it: 8 an integer, 97.0 a decimal, 1e3 a double; anything else a string. */
    private static Node number(String text) {
        String t = text.strip();
        if (t.matches("[+-]?[0-9]+")) return NodeFactory.createLiteralDT(t, XSDDatatype.XSDinteger);
        if (t.matches("[+-]?[0-9]*\\.[0-9]+")) return NodeFactory.createLiteralDT(t, XSDDatatype.XSDdecimal);
        if (t.matches("[+-]?[0-9]*\\.?[0-9]+[eE][+-]?[0-9]+")) return NodeFactory.createLiteralDT(t, XSDDatatype.XSDdouble);
        return NodeFactory.createLiteralString(t);
    }
}
