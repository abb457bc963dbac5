package org.etomkg.crosswalk.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.etomkg.crosswalk.Change;
import org.etomkg.crosswalk.Correspondence;
import org.etomkg.crosswalk.MatchingRule;
import org.etomkg.crosswalk.ProcessElement;
import org.etomkg.crosswalk.ReleaseCrosswalk;
import org.etomkg.crosswalk.ReleaseHistory;
import org.etomkg.crosswalk.ReleaseProcesses;
import org.etomkg.crosswalk.matching.NameKey;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.store.StoreException;
import org.etomkg.vocab.ETOM;

/**
 * Reads a crosswalk file back into a {@link ReleaseHistory}, checking it against the release
 * files: a correspondence that names a process the releases do not have means the crosswalk
 * is stale, and the message says how to regenerate it.
 */
public final class CrosswalkGraphReader {
    private CrosswalkGraphReader() {}

    public static ReleaseHistory read(Path file, Graph g, List<ReleaseProcesses> releases, NameKey names) {
        Map<String, ReleaseProcesses> byVersion = new HashMap<>();
        for (ReleaseProcesses r : releases) byVersion.put(r.version(), r);
        List<ReleaseProcesses> ordered = new ArrayList<>(releases);
        ordered.sort(Comparator.comparing(r -> ReleaseVersion.of(r.version())));
        Map<String, List<Correspondence>> byPair = new HashMap<>();
        Map<Node, String[]> pairs = new HashMap<>();
        for (Node x : g.find(Node.ANY, RDF.type.asNode(), ETOM.term("ReleaseCrosswalk")).mapWith(Triple::getSubject).toList()) {
            String from = version(g, file, x, "fromRelease"), to = version(g, file, x, "toRelease");
            pairs.put(x, new String[] {from, to});
            byPair.put(from + " " + to, new ArrayList<>());
        }
        for (Node c : g.find(Node.ANY, RDF.type.asNode(), ETOM.term("Correspondence")).mapWith(Triple::getSubject).toList()) {
            Node pairNode = object(g, c, ETOM.term("inCrosswalk"));
            String[] pair = pairNode == null ? null : pairs.get(pairNode);
            if (pair == null) throw stale(file, c + " belongs to no etom:ReleaseCrosswalk");
            ProcessElement from = process(g, file, c, "fromProcess", byVersion);
            ProcessElement to = process(g, file, c, "toProcess", byVersion);
            List<ProcessElement> candidates = new ArrayList<>();
            for (Triple t : g.find(c, ETOM.term("candidate"), Node.ANY).toList()) candidates.add(resolve(file, c, t.getObject(), byVersion));
            candidates.sort(Comparator.comparing(ProcessElement::id));
            EnumSet<Change> changes = EnumSet.noneOf(Change.class);
            for (Triple t : g.find(c, ETOM.term("change"), Node.ANY).toList()) changes.add(Change.ofLocalName(local(file, c, t.getObject())));
            if (changes.isEmpty()) throw stale(file, c + " has no etom:change");
            Node rule = object(g, c, ETOM.term("matchingRule"));
            if (rule == null) throw stale(file, c + " has no etom:matchingRule");
            Node deleted = object(g, c, ETOM.term("deletedSheetEntry"));
            Node comment = object(g, c, RDFS.comment.asNode());
            byPair.get(pair[0] + " " + pair[1]).add(new Correspondence(pair[0], pair[1], from, to, changes,
                MatchingRule.ofLocalName(local(file, c, rule)), candidates, deleted == null ? null : deleted.getURI(),
                comment == null ? "" : comment.getLiteralLexicalForm()));
        }
        List<ReleaseCrosswalk> steps = new ArrayList<>();
        for (int i = 0; i + 1 < ordered.size(); i++) {
            String f = ordered.get(i).version(), t = ordered.get(i + 1).version();
            List<Correspondence> cs = byPair.get(f + " " + t);
            if (cs == null) throw stale(file, "no crosswalk from " + f + " to " + t);
            // a process with a next version and no correspondence node is unchanged by rule 1
            java.util.Set<ProcessIdentifier> described = new java.util.HashSet<>();
            for (Correspondence c : cs) if (c.from() != null) described.add(c.from().id());
            for (ProcessElement e : ordered.get(i).all()) {
                if (described.contains(e.id())) continue;
                Node next = object(g, NodeFactory.createURI(e.iri()), ETOM.term("nextVersion"));
                if (next == null) throw stale(file, "no correspondence and no etom:nextVersion for " + e.id() + " of " + f);
                ProcessElement to = resolve(file, NodeFactory.createURI(e.iri()), next, byVersion);
                if (!to.release().equals(t)) throw stale(file, e.id() + " of " + f + " has its etom:nextVersion in " + to.release());
                cs.add(new Correspondence(f, t, e, to, EnumSet.of(Change.UNCHANGED), MatchingRule.SAME_IDENTIFIER_SAME_NAME, List.of(), null, ""));
            }
            cs.sort(Comparator.comparing((Correspondence c) -> c.from() == null ? 1 : 0).thenComparing(c -> c.subject().id()));
            ReleaseCrosswalk step = new ReleaseCrosswalk(f, t, cs);
            for (ProcessElement e : ordered.get(i).all())
                if (step.forward(e.id()).isEmpty()) throw stale(file, "no correspondence for " + e.id() + " of " + f);
            for (ProcessElement e : ordered.get(i + 1).all())
                if (step.backward(e.id()).isEmpty())
                    throw stale(file, "no correspondence for " + e.id() + " of " + t);
            steps.add(step);
        }
        return new ReleaseHistory(ordered, steps, names);
    }

    private static String version(Graph g, Path file, Node x, String p) {
        Node r = object(g, x, ETOM.term(p));
        String prefix = ETOM.release("");
        if (r == null || !r.isURI() || !r.getURI().startsWith(prefix)) throw stale(file, x + " has no etom:" + p);
        return r.getURI().substring(prefix.length());
    }

    private static ProcessElement process(Graph g, Path file, Node c, String p, Map<String, ReleaseProcesses> releases) {
        Node o = object(g, c, ETOM.term(p));
        return o == null ? null : resolve(file, c, o, releases);
    }

    private static ProcessElement resolve(Path file, Node c, Node o, Map<String, ReleaseProcesses> releases) {
        String prefix = ETOM.release("");
        String iri = o.isURI() ? o.getURI() : "";
        int at = iri.indexOf("/process/");
        if (!iri.startsWith(prefix) || at < 0) throw stale(file, c + " names " + o + ", not a process IRI");
        String version = iri.substring(prefix.length(), at);
        ReleaseProcesses r = releases.get(version);
        String id = iri.substring(at + "/process/".length());
        ProcessElement e = r == null || !ProcessIdentifier.isValid(id) ? null : r.get(ProcessIdentifier.parse(id));
        if (e == null) throw stale(file, c + " names " + iri + ", which the release files do not have");
        return e;
    }

    private static String local(Path file, Node c, Node o) {
        if (!o.isURI() || !o.getURI().startsWith(ETOM.NS)) throw stale(file, c + " uses " + o + " where an etom: term belongs");
        return o.getURI().substring(ETOM.NS.length());
    }

    private static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static StoreException stale(Path file, String what) {
        return new StoreException(file + ": " + what + ". The crosswalk does not fit the release files; regenerate it with "
            + "./etom-kg import crosswalk");
    }
}
