package org.etomkg.crosswalk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.vocab.ETOM;

/**
 * The process elements of one release, read from its release file's graph, with the
 * processes its source lists as deleted. Identifiers are unique within a release.
 */
public final class ReleaseProcesses {
    private final String version;
    private final Map<ProcessIdentifier, ProcessElement> byId;
    private final Map<ProcessIdentifier, List<ProcessElement>> children = new HashMap<>();
    private final List<RetiredProcess> retired;

    public ReleaseProcesses(String version, Collection<ProcessElement> elements, List<RetiredProcess> retired) {
        this.version = version;
        Map<ProcessIdentifier, ProcessElement> m = new TreeMap<>();
        for (ProcessElement e : elements) {
            if (m.put(e.id(), e) != null) throw new IllegalArgumentException("release " + version + ": identifier " + e.id() + " twice");
        }
        this.byId = java.util.Collections.unmodifiableMap(m);
        for (ProcessElement e : m.values())
            if (e.parent() != null) children.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
        this.retired = List.copyOf(retired);
    }

    /** Reads the release {@code version} from its graph (a release file of ontology/releases/). */
    public static ReleaseProcesses read(String version, Graph g) {
        Node scheme = NodeFactory.createURI(ETOM.release(version));
        String ns = ETOM.processNamespace(version);
        List<ProcessElement> elements = new ArrayList<>();
        for (Node s : g.find(Node.ANY, SKOS.inScheme.asNode(), scheme).mapWith(Triple::getSubject).toList()) {
            if (!s.isURI() || !s.getURI().startsWith(ns) || !g.contains(s, RDF.type.asNode(), ETOM.ProcessElement.asNode())) continue;
            String notation = literal(g, s, SKOS.notation.asNode());
            if (notation == null) continue;
            String label = null;
            List<String> others = new ArrayList<>();
            for (Triple t : g.find(s, RDFS.label.asNode(), Node.ANY).toList()) {
                if (label == null || t.getObject().getLiteralLexicalForm().compareTo(label) < 0) label = t.getObject().getLiteralLexicalForm();
            }
            g.find(s, SKOS.altLabel.asNode(), Node.ANY).forEachRemaining(t -> others.add(t.getObject().getLiteralLexicalForm()));
            others.sort(Comparator.naturalOrder());
            String level = literal(g, s, ETOM.level.asNode());
            ProcessIdentifier parent = null;
            for (Triple t : g.find(s, ETOM.parent.asNode(), Node.ANY).toList()) {
                String p = t.getObject().getURI();
                if (p.startsWith(ns)) parent = ProcessIdentifier.parse(p.substring(ns.length()));
            }
            List<String> groups = new ArrayList<>();
            g.find(s, ETOM.verticalGroup.asNode(), Node.ANY).forEachRemaining(t -> groups.add(t.getObject().getURI()));
            groups.sort(Comparator.naturalOrder());
            ProcessIdentifier id = ProcessIdentifier.parse(notation);
            elements.add(new ProcessElement(version, id, s.getURI(), label == null ? "" : label, others,
                level == null ? id.level() : Integer.parseInt(level), parent, groups));
        }
        List<RetiredProcess> retired = new ArrayList<>();
        Node retiredFrom = ETOM.term("retiredFrom");
        for (Node s : g.find(Node.ANY, retiredFrom, scheme).mapWith(Triple::getSubject).toList()) {
            String src = literal(g, s, ETOM.term("sourceIdentifier"));
            String name = literal(g, s, RDFS.label.asNode());
            if (src != null && name != null) retired.add(new RetiredProcess(s.getURI(), src, name));
        }
        retired.sort(Comparator.comparing(RetiredProcess::iri));
        return new ReleaseProcesses(version, elements, retired);
    }

    private static String literal(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        } finally {
            it.close();
        }
    }

    public String version() { return version; }

    /** Every process, in identifier order. */
    public Collection<ProcessElement> all() { return byId.values(); }

    public ProcessElement get(ProcessIdentifier id) { return byId.get(id); }

    public boolean has(ProcessIdentifier id) { return byId.containsKey(id); }

    /** The children of a process, in identifier order. */
    public List<ProcessElement> children(ProcessIdentifier id) { return children.getOrDefault(id, List.of()); }

    /** The parent of a process, or null. */
    public ProcessElement parentOf(ProcessElement e) { return e.parent() == null ? null : byId.get(e.parent()); }

    /** The processes the release's source lists as deleted (only the workbook has them). */
    public List<RetiredProcess> retired() { return retired; }

    /** True when the source states vertical groups for some process of this release. */
    public boolean statesVerticalGroups() { return byId.values().stream().anyMatch(e -> !e.verticalGroups().isEmpty()); }

    public int size() { return byId.size(); }

    @Override public String toString() { return "release " + version + " (" + byId.size() + " processes)"; }
}
