package org.etomkg.bpmn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.XSD;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.suggest.ParentSuggestions;
import org.etomkg.vocab.ETOM;

/**
 * A draft extension as {@code import bpmn} wrote it (or as it was stored), opened again for mapping:
 * its activities (the processes that name a model's activity as their {@code dcterms:source}), each
 * with its parent, whether that parent was suggested (it carries the draft's {@code skos:editorialNote})
 * and the unit Responsible for it; and a parent changed the way {@code import bpmn} would have numbered
 * it, so the draft keeps TM Forum's numbering rule and its IRIs.
 */
public final class ImportedDraft {
    private static final Node NAMESPACE = ETOM.term("namespace"), EXTENSION_PROCESS = ETOM.term("ExtensionProcess"), PROCESS = ETOM.term("process"),
        RACI = ETOM.term("raci"), EXTENDS_RELEASE = ETOM.term("extendsRelease"), RESPONSIBLE = ETOM.term("Responsible"), AGENT = ETOM.term("agent");
    private final Graph graph, release;
    private final String namespace;

    /** @param draft read, never changed: {@link #reparent} works on a copy */
    public ImportedDraft(Graph draft, Graph release) {
        this.graph = GraphFactory.createDefaultGraph();
        draft.find().forEach(graph::add);
        this.release = release;
        Node ns = one(null, NAMESPACE);
        if (ns == null) throw new IllegalArgumentException("not an extension draft: it states no etom:namespace");
        this.namespace = ns.getLiteralLexicalForm();
        // The prefixes import bpmn writes, so the draft reads the same after a change (a stored graph keeps none).
        var prefixes = graph.getPrefixMapping();
        prefixes.setNsPrefixes(draft.getPrefixMapping());
        for (var p : java.util.List.of(Map.entry("etom", ETOM.NS), Map.entry("skos", SKOS.uri), Map.entry("rdfs", RDFS.uri), Map.entry("owl", OWL.NS),
                Map.entry("xsd", XSD.NS), Map.entry("org", ORG.NS), Map.entry("dcterms", DCTerms.NS), Map.entry("ext", namespace)))
            if (prefixes.getNsURIPrefix(p.getValue()) == null && prefixes.getNsPrefixURI(p.getKey()) == null) prefixes.setNsPrefix(p.getKey(), p.getValue());
        Node version = one(null, EXTENDS_RELEASE);
        if (version != null && version.isURI() && prefixes.getNsPrefixURI("p") == null)
            prefixes.setNsPrefix("p", version.getURI() + "/process/");
    }

    public Graph graph() { return graph; }

    /** One activity of the draft: "file#id" as its key, as {@code import bpmn} and the mapping page name it. */
    public record Activity(String key, String name, String lane, String parent, String parentName, boolean suggested) {}

    /** The activities in the order of their identifiers. */
    public List<Activity> activities() {
        List<Activity> out = new ArrayList<>();
        graph.find(null, RDF.type.asNode(), EXTENSION_PROCESS).forEach(t -> {
            Node p = t.getSubject();
            Node source = one(p, DCTerms.source.asNode()), parent = one(p, ETOM.parent.asNode());
            if (source == null || !source.isLiteral() || !source.getLiteralLexicalForm().contains("#") || parent == null) return;
            out.add(new Activity(source.getLiteralLexicalForm(), label(p), lane(p), notation(parent), label(parent),
                graph.contains(p, SKOS.editorialNote.asNode(), Node.ANY)));
        });
        out.sort(Comparator.comparing(Activity::key));
        return out;
    }

    /** The best {@code limit} parents for an activity, its lane as the context. */
    public static List<ParentSuggestions.Suggestion> suggestions(ParentSuggestions engine, Activity a, int limit) {
        return engine.suggest(a.name(), a.lane(), limit);
    }

    /**
     * Puts the activity {@code key} under {@code identifier} (a process of the release or of this
     * draft): it is numbered as the next child there, its sub-processes with it, and every statement
     * that names them follows; the review note goes, since a person chose.
     */
    public void reparent(String key, String identifier) {
        Node process = processOf(key);
        if (process == null) throw new IllegalArgumentException("no activity " + key + " in the draft");
        Node parent = byNotation(identifier);
        if (parent == null) throw new IllegalArgumentException("the parent chosen for " + key + ", " + identifier
            + ", is not a process of the release or of this draft");
        String old = notation(process);
        if (identifier.equals(old) || identifier.startsWith(old + ".")) throw new IllegalArgumentException(key + " cannot go under itself");
        graph.remove(process, SKOS.editorialNote.asNode(), Node.ANY);
        if (parent.equals(one(process, ETOM.parent.asNode()))) return;
        String prefix = identifier.startsWith("1.") ? "2" + identifier.substring(1) : identifier;
        int next = 1;
        for (Triple t : graph.find(null, SKOS.notation.asNode(), null).toList()) {
            String n = t.getObject().getLiteralLexicalForm();
            if (n.startsWith(prefix + ".") && n.indexOf('.', prefix.length() + 1) < 0) next = Math.max(next, Integer.parseInt(n.substring(prefix.length() + 1)) + 1);
        }
        String moved = prefix + "." + next;
        int levelShift = level(parent) + 1 - level(process);
        graph.remove(process, ETOM.parent.asNode(), Node.ANY);
        graph.add(process, ETOM.parent.asNode(), parent);
        // A stored extension also holds the SKOS statements derived from etom:parent: they follow it.
        boolean derived = graph.contains(process, SKOS.broader.asNode(), Node.ANY);
        graph.remove(process, SKOS.broader.asNode(), Node.ANY);
        graph.remove(Node.ANY, SKOS.narrower.asNode(), process);
        if (derived) {
            graph.add(process, SKOS.broader.asNode(), parent);
            if (graph.contains(parent, RDF.type.asNode(), EXTENSION_PROCESS)) graph.add(parent, SKOS.narrower.asNode(), process);
        }
        renumber(old, moved, levelShift);
    }

    /** Every node and notation of {@code old} and below it takes {@code moved} in its place. */
    private void renumber(String old, String moved, int levelShift) {
        Map<Node, Node> renamed = new HashMap<>();
        List<Triple> all = graph.find().toList();
        for (Triple t : all) for (Node n : new Node[] { t.getSubject(), t.getObject() })
            if (n.isURI() && n.getURI().startsWith(namespace)) {
                String local = n.getURI().substring(namespace.length()), now = swap(local, old, moved);
                if (now != null) renamed.put(n, NodeFactory.createURI(namespace + now));
            }
        for (Triple t : all) {
            Node s = renamed.getOrDefault(t.getSubject(), t.getSubject()), o = renamed.getOrDefault(t.getObject(), t.getObject());
            if (t.getPredicate().equals(SKOS.notation.asNode())) {
                String now = swap(o.getLiteralLexicalForm(), old, moved);
                if (now != null) o = NodeFactory.createLiteralString(now);
            } else if (t.getPredicate().equals(ETOM.level.asNode()) && renamed.containsKey(t.getSubject()) && levelShift != 0) {
                o = NodeFactory.createLiteralDT(String.valueOf(((Number) o.getLiteralValue()).intValue() + levelShift), o.getLiteralDatatype());
            }
            if (!s.equals(t.getSubject()) || !o.equals(t.getObject())) {
                graph.delete(t);
                graph.add(s, t.getPredicate(), o);
            }
        }
    }

    /** {@code local} with the notation {@code old} (alone, or followed by "." or "-") replaced; null where it holds none. */
    private static String swap(String local, String old, String moved) {
        for (String lead : new String[] { "", "raci-" }) {
            if (!local.startsWith(lead + old)) continue;
            String rest = local.substring(lead.length() + old.length());
            if (rest.isEmpty() || rest.startsWith(".") || rest.startsWith("-")) return lead + moved + rest;
        }
        return null;
    }

    private Node processOf(String key) {
        for (Triple t : graph.find(null, DCTerms.source.asNode(), NodeFactory.createLiteralString(key)).toList())
            if (graph.contains(t.getSubject(), RDF.type.asNode(), EXTENSION_PROCESS)) return t.getSubject();
        return null;
    }

    /** A process of this draft, else of the release, by its identifier. */
    private Node byNotation(String identifier) {
        Node literal = NodeFactory.createLiteralString(identifier);
        for (Graph g : new Graph[] { graph, release })
            for (Triple t : g.find(null, SKOS.notation.asNode(), literal).toList())
                if (g.contains(t.getSubject(), ETOM.level.asNode(), Node.ANY)) return t.getSubject();
        return null;
    }

    private String notation(Node p) {
        Node n = one(p, SKOS.notation.asNode());
        if (n == null) n = first(release, p, SKOS.notation.asNode());
        return n == null ? p.toString() : n.getLiteralLexicalForm();
    }

    private String label(Node p) {
        Node n = one(p, RDFS.label.asNode());
        if (n == null) n = first(release, p, RDFS.label.asNode());
        return n == null ? "" : n.getLiteralLexicalForm();
    }

    private int level(Node p) {
        Node n = one(p, ETOM.level.asNode());
        if (n == null) n = first(release, p, ETOM.level.asNode());
        return n == null ? 0 : ((Number) n.getLiteralValue()).intValue();
    }

    /** The unit Responsible for a process, by its label; null when none is. */
    private String lane(Node p) {
        for (Triple a : graph.find(null, PROCESS, p).toList()) {
            Node assignment = a.getSubject();
            if (graph.contains(assignment, RACI, RESPONSIBLE)) {
                Node agent = one(assignment, AGENT);
                if (agent != null) return label(agent);
            }
        }
        return null;
    }

    private Node one(Node s, Node p) { return first(graph, s, p); }

    private static Node first(Graph g, Node s, Node p) {
        var it = g.find(s == null ? Node.ANY : s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }
}
