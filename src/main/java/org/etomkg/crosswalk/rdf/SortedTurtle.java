package org.etomkg.crosswalk.rdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes a graph as Turtle in a stable order a person can read and diff: the graph's prefixes,
 * then one block per subject (IRIs in identifier-aware order, then blank nodes), rdf:type
 * first, then the other properties and values in order.
 */
public final class SortedTurtle {
    private SortedTurtle() {}

    public static String write(Graph g, String headerComment) {
        PrefixMap prefixes = PrefixMapFactory.create(g.getPrefixMapping());
        StringBuilder out = new StringBuilder();
        for (String line : headerComment.split("\n")) if (!line.isBlank()) out.append("# ").append(line).append('\n');
        new TreeMap<>(g.getPrefixMapping().getNsPrefixMap()).forEach((p, ns) ->
            out.append("@prefix ").append(p).append(": <").append(ns).append("> .\n"));
        out.append('\n');
        Map<Node, List<Triple>> bySubject = new TreeMap<>(SUBJECTS);
        g.find().forEachRemaining(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t));
        for (Map.Entry<Node, List<Triple>> e : bySubject.entrySet()) {
            List<Triple> ts = e.getValue();
            ts.sort(Comparator.comparing((Triple t) -> !t.getPredicate().equals(RDF.type.asNode()))
                .thenComparing(t -> t.getPredicate().getURI()).thenComparing(t -> NodeFmtLib.str(t.getObject(), prefixes)));
            out.append(NodeFmtLib.str(e.getKey(), prefixes));
            Node last = null;
            for (Triple t : ts) {
                if (t.getPredicate().equals(last)) out.append(" ,\n        ");
                else {
                    out.append(last == null ? "\n    " : " ;\n    ");
                    out.append(t.getPredicate().equals(RDF.type.asNode()) ? "a" : NodeFmtLib.str(t.getPredicate(), prefixes)).append(' ');
                }
                out.append(NodeFmtLib.str(t.getObject(), prefixes));
                last = t.getPredicate();
            }
            out.append(" .\n\n");
        }
        return out.toString();
    }

    private static final Comparator<Node> SUBJECTS = (a, b) -> {
        if (a.isURI() != b.isURI()) return a.isURI() ? -1 : 1;
        String x = a.isURI() ? a.getURI() : a.getBlankNodeLabel(), y = b.isURI() ? b.getURI() : b.getBlankNodeLabel();
        return compareNatural(x, y);
    };

    /** Compares text with runs of digits as numbers, so .../2.3.3.9 comes before .../2.3.3.10. */
    static int compareNatural(String x, String y) {
        int i = 0, j = 0;
        while (i < x.length() && j < y.length()) {
            char a = x.charAt(i), b = y.charAt(j);
            if (Character.isDigit(a) && Character.isDigit(b)) {
                int si = i, sj = j;
                while (i < x.length() && Character.isDigit(x.charAt(i))) i++;
                while (j < y.length() && Character.isDigit(y.charAt(j))) j++;
                String nx = x.substring(si, i).replaceFirst("^0+(?=.)", ""), ny = y.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = nx.length() != ny.length() ? Integer.compare(nx.length(), ny.length()) : nx.compareTo(ny);
                if (c != 0) return c;
            } else {
                if (a != b) return Character.compare(a, b);
                i++;
                j++;
            }
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
