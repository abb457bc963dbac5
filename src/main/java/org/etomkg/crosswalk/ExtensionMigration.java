package org.etomkg.crosswalk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionHeader;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.vocab.ETOM;

/**
 * Migrates a CSP extension to another release along the crosswalk. Every reference process
 * the extension names is followed to the target release: a process that lives on (unchanged,
 * renamed, renumbered, moved) is replaced by its counterpart; for one that is removed or
 * ambiguous, the extension's statements move to the counterpart of its nearest surviving
 * ancestor, except a local name or a not-applicable marker, which would say something untrue
 * of the ancestor and is dropped. The extension's own processes are then renumbered by TM
 * Forum's rule (a leading 2, then the parent's path) where their parent's path changed, with
 * their IRIs when those were minted from the identifier, and the header names the target
 * release (and imports it, where the header is also an owl:Ontology importing the source
 * release). Nothing about the reference is changed; everything done is reported.
 */
public final class ExtensionMigration {
    private static final String RELEASE_PREFIX = ETOM.BASE + "release/";
    private static final Node LOCAL_NAME = ETOM.term("localName");
    private static final Node NOT_APPLICABLE = ETOM.term("NotApplicable");
    private static final Node PROCESS = ETOM.term("process");
    private static final Node EXTENSION_PROCESS = ETOM.term("ExtensionProcess");
    private static final Node EXTENDS_RELEASE = ETOM.term("extendsRelease");
    private static final Node NAMESPACE = ETOM.term("namespace");

    private final ReleaseHistory history;

    public ExtensionMigration(ReleaseHistory history) { this.history = history; }

    /**
     * @param sourceOverride the release the extension extends, when its header does not say or says wrongly
     * @throws ExtensionInputException when the extension has no header or names no known release
     */
    public MigrationResult migrate(Graph extension, String target, Optional<String> sourceOverride) {
        Node header = ExtensionHeader.find(extension).orElseThrow(() -> new ExtensionInputException(
            "the extension has no single etom:Extension header, so it is not clear which release it extends"));
        String from = sourceOverride.or(() -> ExtensionHeader.release(extension, header)).orElseThrow(() -> new ExtensionInputException(
            "the extension names no release it extends (etom:extendsRelease on its header); give it with --from"));
        String to;
        try {
            from = history.normalise(from);
            to = history.normalise(target);
        } catch (IllegalArgumentException e) {
            throw new ExtensionInputException(e.getMessage());
        }

        List<String> dropped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("etom", ETOM.NS).setNsPrefix("skos", SKOS.uri).setNsPrefixes(extension.getPrefixMapping());

        // 1. What happens to each reference.
        Map<Node, List<String>> uses = new TreeMap<>(Comparator.comparing(Node::getURI, ExtensionMigration::byIdentifier));
        extension.find().forEachRemaining(t -> {
            if (isReference(t.getSubject())) uses.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(curie(prefixes, t.getPredicate()) + " (subject)");
            if (isReference(t.getObject())) uses.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(curie(prefixes, t.getPredicate()));
        });
        Map<Node, ReferenceFate> fates = new LinkedHashMap<>();
        for (Map.Entry<Node, List<String>> e : uses.entrySet())
            fates.put(e.getKey(), fate(e.getKey(), new ArrayList<>(new TreeSet<>(e.getValue())), from, to, problems));

        // 2. Rewrite: references replaced, statements that cannot move dropped.
        Set<Node> droppedMarkers = new HashSet<>();
        extension.find(Node.ANY, RDF.type.asNode(), NOT_APPLICABLE).forEachRemaining(t -> {
            for (Triple p : extension.find(t.getSubject(), PROCESS, Node.ANY).toList()) {
                ReferenceFate f = fates.get(p.getObject());
                if (f != null && !f.survives()) {
                    droppedMarkers.add(t.getSubject());
                    dropped.add("not-applicable marker " + curie(prefixes, t.getSubject()) + " on " + f.before().id() + " " + f.before().label()
                        + ": the process is " + f.change() + " in " + to + "; decide whether the marker applies to anything there");
                }
            }
        });
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(extension.getPrefixMapping());
        for (Map.Entry<String, String> p : prefixes.getNsPrefixMap().entrySet())
            if (p.getValue().equals(ETOM.processNamespace(from))) out.getPrefixMapping().setNsPrefix(p.getKey(), ETOM.processNamespace(to));
        for (Triple t : extension.find().toList()) {
            if (droppedMarkers.contains(t.getSubject())) continue;
            ReferenceFate sf = fates.get(t.getSubject());
            if (t.getPredicate().equals(LOCAL_NAME) && sf != null && !sf.survives()) {
                dropped.add("local name " + literal(t.getObject()) + " of " + sf.before().id() + " " + sf.before().label() + ": the process is "
                    + sf.change() + " in " + to + (sf.ancestor() != null ? "; its nearest surviving ancestor " + sf.ancestor().id() + " has its own name" : ""));
                continue;
            }
            // The same name as SKOS reads it goes with it; an alternative label of the extension's own making is reported.
            if (t.getPredicate().equals(SKOS.altLabel.asNode()) && sf != null && !sf.survives()) {
                if (!extension.contains(t.getSubject(), LOCAL_NAME, t.getObject()))
                    dropped.add("alternative label " + literal(t.getObject()) + " of " + sf.before().id() + " " + sf.before().label()
                        + ": the process is " + sf.change() + " in " + to);
                continue;
            }
            Node s = replace(t.getSubject(), fates), o = replace(t.getObject(), fates);
            if (t.getSubject().equals(header) && t.getPredicate().equals(EXTENDS_RELEASE)) o = NodeFactory.createURI(ETOM.release(to));
            // A header that is also an owl:Ontology imports the release it extends, so Protégé opens it with that release.
            if (t.getSubject().equals(header) && t.getPredicate().equals(OWL2.imports.asNode()) && o.isURI()
                && o.getURI().equals(ETOM.releaseGraph(from))) o = NodeFactory.createURI(ETOM.releaseGraph(to));
            out.add(Triple.create(s, t.getPredicate(), o));
        }

        // 3. The extension's own processes, renumbered where their parent's path changed.
        List<MigrationResult.Renumbering> renumbered = renumber(out, header, to, problems);
        nameClashes(out, to, problems);

        String name = header.isURI() ? header.getURI() : header.toString();
        return new MigrationResult(name, from, to, new ArrayList<>(fates.values()), renumbered, dropped, problems, out);
    }

    private ReferenceFate fate(Node ref, List<String> properties, String from, String to, List<String> problems) {
        String iri = ref.getURI();
        String rest = iri.substring(RELEASE_PREFIX.length());
        String version = rest.substring(0, rest.indexOf('/'));
        String id = rest.substring(rest.indexOf("/process/") + "/process/".length());
        ProcessElement before = null;
        if (history.versions().contains(version) && ProcessIdentifier.isValid(id)) before = history.release(version).get(ProcessIdentifier.parse(id));
        if (before == null) {
            problems.add(iri + " is no process of any release etom-kg has; it is left as it is");
            return new ReferenceFate(iri, null, "unknown", null, null, properties, "no release has this process");
        }
        String note = version.equals(from) ? "" : "a process of release " + version + ", not of " + from + " which the extension extends; ";
        ReleaseHistory.Trace trace = history.trace(version, before.id(), to);
        if (trace.arrived()) {
            String change = version.equals(to) ? "unchanged" : Change.describe(history.changes(trace));
            List<String> steps = new ArrayList<>();
            for (Correspondence c : trace.path())
                if (!c.is(Change.UNCHANGED))
                    steps.add(c.kind() + " between " + c.fromRelease() + " and " + c.toRelease() + " (" + c.from().id() + " to " + c.to().id() + ", rule " + c.rule().word() + ")");
            return new ReferenceFate(iri, before, change, trace.end(), null, properties, note + String.join("; ", steps));
        }
        Correspondence broken = trace.broken();
        boolean ambiguous = broken != null && broken.is(Change.AMBIGUOUS);
        ProcessElement ancestor = history.nearestSurvivingAncestor(version, before.id(), to).orElse(null);
        String why = ambiguous
            ? "ambiguous between " + broken.fromRelease() + " and " + broken.toRelease() + " (candidates "
                + String.join(", ", broken.candidates().stream().map(c -> c.id().text()).toList()) + "; see crosswalk-report.md)"
            : (history.versions().indexOf(version) < history.versions().indexOf(to) ? "removed in " : "not yet in ") + trace.brokenAt();
        if (ancestor == null) problems.add(before.id() + " " + before.label() + " is " + (ambiguous ? "ambiguous" : "removed")
            + " in " + to + " and no ancestor of it survives; its statements are left pointing at " + version);
        return new ReferenceFate(iri, before, ambiguous ? "ambiguous" : "removed", null, ancestor, properties,
            note + why + (ancestor != null ? "; statements move to the nearest surviving ancestor " + ancestor.id() : ""));
    }

    private static boolean isReference(Node n) {
        return n.isURI() && n.getURI().startsWith(RELEASE_PREFIX) && n.getURI().contains("/process/");
    }

    private static Node replace(Node n, Map<Node, ReferenceFate> fates) {
        ReferenceFate f = fates.get(n);
        if (f == null || f.replacement() == null) return n;
        return NodeFactory.createURI(f.replacement());
    }

    /** Gives each extension process the identifier and level its (new) parent implies, parents first. */
    private List<MigrationResult.Renumbering> renumber(Graph g, Node header, String to, List<String> problems) {
        ReleaseProcesses release = history.release(to);
        String ns = literalOf(g, header, NAMESPACE);
        List<Node> own = g.find(Node.ANY, RDF.type.asNode(), EXTENSION_PROCESS).mapWith(Triple::getSubject).toList();
        Map<Node, String> notation = new HashMap<>();
        Map<Node, Integer> level = new HashMap<>();
        for (Node p : own) {
            String n = literalOf(g, p, SKOS.notation.asNode());
            if (n != null) notation.put(p, n);
            String l = literalOf(g, p, ETOM.level.asNode());
            if (l != null && l.matches("-?\\d+")) level.put(p, Integer.parseInt(l));
        }
        Set<String> taken = new HashSet<>(notation.values());
        Map<Node, String> newNotation = new HashMap<>();
        Map<Node, Integer> newLevel = new HashMap<>();
        List<MigrationResult.Renumbering> out = new ArrayList<>();
        Map<Node, Node> renamedIri = new LinkedHashMap<>();

        // parents first: a process is ready once its parent is a reference process or a settled own process
        List<Node> pending = new ArrayList<>(own);
        pending.sort(Comparator.comparing(n -> notation.getOrDefault(n, n.toString()), ExtensionMigration::byIdentifier));
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Node p : new ArrayList<>(pending)) {
                Node parent = objectOf(g, p, ETOM.parent.asNode());
                String parentId;
                int parentLevel;
                if (parent != null && parent.isURI() && parent.getURI().startsWith(ETOM.processNamespace(to))
                    && ProcessIdentifier.isValid(parent.getURI().substring(ETOM.processNamespace(to).length()))
                    && release.has(ProcessIdentifier.parse(parent.getURI().substring(ETOM.processNamespace(to).length())))) {
                    ProcessElement pe = release.get(ProcessIdentifier.parse(parent.getURI().substring(ETOM.processNamespace(to).length())));
                    parentId = pe.id().text();
                    parentLevel = pe.level();
                } else if (parent != null && own.contains(parent)) {
                    if (pending.contains(parent)) continue;   // not settled yet
                    parentId = newNotation.get(parent);
                    parentLevel = newLevel.getOrDefault(parent, -1);
                } else {
                    problems.add("cannot renumber " + notation.getOrDefault(p, p.toString()) + ": its parent " + parent
                        + " is neither a process of " + to + " nor one of the extension's own");
                    pending.remove(p);
                    progress = true;
                    continue;
                }
                pending.remove(p);
                progress = true;
                String old = notation.get(p);
                if (parentId == null || parentLevel < 0 || old == null) {
                    problems.add("cannot renumber " + (old != null ? old : p.toString()) + ": its parent has no usable identifier or level");
                    if (old != null) newNotation.put(p, old);
                    continue;
                }
                String stem = "2" + parentId.substring(parentId.indexOf('.'));
                String last = old.substring(old.lastIndexOf('.') + 1);
                String wanted = stem + "." + last;
                if (!wanted.equals(old) && taken.contains(wanted)) wanted = nextFree(stem, taken);
                int lvl = parentLevel + 1;
                newNotation.put(p, wanted);
                newLevel.put(p, lvl);
                boolean idChanged = !wanted.equals(old);
                if (idChanged) {
                    taken.remove(old);
                    taken.add(wanted);
                    g.remove(p, SKOS.notation.asNode(), Node.ANY);
                    g.add(Triple.create(p, SKOS.notation.asNode(), NodeFactory.createLiteralString(wanted)));
                }
                Integer oldLevel = level.get(p);
                if (oldLevel == null || oldLevel != lvl) {
                    g.remove(p, ETOM.level.asNode(), Node.ANY);
                    g.add(Triple.create(p, ETOM.level.asNode(), NodeFactory.createLiteralDT(Integer.toString(lvl), XSDDatatype.XSDinteger)));
                }
                if (idChanged || oldLevel == null || oldLevel != lvl) {
                    String newIri = p.isURI() ? p.getURI() : p.toString();
                    if (idChanged && p.isURI() && ns != null && p.getURI().equals(ns + old) && !g.contains(NodeFactory.createURI(ns + wanted), Node.ANY, Node.ANY)) {
                        newIri = ns + wanted;
                        renamedIri.put(p, NodeFactory.createURI(newIri));
                    }
                    out.add(new MigrationResult.Renumbering(p.isURI() ? p.getURI() : p.toString(), newIri, old, wanted, oldLevel == null ? -1 : oldLevel, lvl,
                        idChanged ? "its parent is now " + parentId : "its parent " + parentId + " is at level " + parentLevel + " now"));
                }
            }
        }
        for (Node p : pending) problems.add("cannot renumber " + notation.getOrDefault(p, p.toString()) + ": its parents form a cycle");
        if (!renamedIri.isEmpty()) renameNodes(g, renamedIri);
        out.sort(Comparator.comparing(MigrationResult.Renumbering::oldIdentifier, ExtensionMigration::byIdentifier));
        return out;
    }

    private static String nextFree(String stem, Set<String> taken) {
        int n = 1;
        while (taken.contains(stem + "." + n)) n++;
        return stem + "." + n;
    }

    private static void renameNodes(Graph g, Map<Node, Node> renamed) {
        for (Triple t : g.find().toList()) {
            Node s = renamed.getOrDefault(t.getSubject(), t.getSubject()), o = renamed.getOrDefault(t.getObject(), t.getObject());
            if (s != t.getSubject() || o != t.getObject()) {
                g.delete(t);
                g.add(Triple.create(s, t.getPredicate(), o));
            }
        }
    }

    /** Reports an own process that now shares its name with a sibling under its (new) parent. */
    private void nameClashes(Graph g, String to, List<String> problems) {
        ReleaseProcesses release = history.release(to);
        Map<String, Map<String, List<String>>> byParent = new TreeMap<>();
        for (Node p : g.find(Node.ANY, RDF.type.asNode(), EXTENSION_PROCESS).mapWith(Triple::getSubject).toList()) {
            Node parent = objectOf(g, p, ETOM.parent.asNode());
            String label = literalOf(g, p, RDFS.label.asNode());
            if (parent == null || !parent.isURI() || label == null) continue;
            byParent.computeIfAbsent(parent.getURI(), k -> new TreeMap<>())
                .computeIfAbsent(label.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(literalOf(g, p, SKOS.notation.asNode()));
        }
        for (Map.Entry<String, Map<String, List<String>>> e : byParent.entrySet()) {
            String parentIri = e.getKey();
            if (parentIri.startsWith(ETOM.processNamespace(to))) {
                String id = parentIri.substring(ETOM.processNamespace(to).length());
                if (ProcessIdentifier.isValid(id))
                    for (ProcessElement c : release.children(ProcessIdentifier.parse(id))) {
                        List<String> same = e.getValue().get(c.label().toLowerCase(Locale.ROOT));
                        if (same != null) problems.add("process " + same + " is named like " + c.id() + " \"" + c.label() + "\" under " + id
                            + " in " + to + "; rename it");
                    }
            }
            for (Map.Entry<String, List<String>> n : e.getValue().entrySet())
                if (n.getValue().size() > 1) problems.add("processes " + n.getValue() + " now share the name \"" + n.getKey() + "\" under one parent; rename one");
        }
    }

    private static Node objectOf(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String literalOf(Graph g, Node s, Node p) {
        Node o = objectOf(g, s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    private static String literal(Node n) {
        return n.isLiteral() ? "\"" + n.getLiteralLexicalForm() + "\"" + (n.getLiteralLanguage().isEmpty() ? "" : "@" + n.getLiteralLanguage()) : n.toString();
    }

    private static String curie(PrefixMapping prefixes, Node n) {
        if (!n.isURI()) return n.toString();
        String short_ = prefixes.shortForm(n.getURI());
        return short_.equals(n.getURI()) ? "<" + n.getURI() + ">" : short_;
    }

    /** Orders IRIs and identifiers so that 1.3.3.10 comes before 1.3.3.9's children and after 1.3.3.2. */
    private static int byIdentifier(String a, String b) {
        String[] x = a.split("[./]"), y = b.split("[./]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean nx = x[i].matches("\\d{1,9}"), ny = y[i].matches("\\d{1,9}");
            int c = nx && ny ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }
}
