package org.etomkg.extension;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.vocab.ETOM;

/**
 * The process a finding belongs to, for grouping a report the way an architect reads it: a
 * process is itself; an assignment, marker or flow step is its process; a KPI the process it
 * measures; a measurement its KPI's process. Anything else stands under its own label.
 */
final class ProcessOf {
    private ProcessOf() {}

    static String label(Node focus, Graph data) {
        Node process = process(focus, data, 0);
        if (process != null) return name(process, data);
        String label = first(focus, RDFS.label.asNode(), data);
        return label != null ? label : focus.isURI() ? focus.getLocalName() : focus.toString();
    }

    private static Node process(Node n, Graph data, int depth) {
        if (depth > 2) return null;
        if (first(n, SKOS.notation.asNode(), data) != null) return n;
        for (String p : new String[] {"process", "measures"}) {
            Node o = object(n, ETOM.term(p), data);
            if (o != null) return o;
        }
        Node kpi = object(n, ETOM.term("kpi"), data);
        return kpi == null ? null : process(kpi, data, depth + 1);
    }

    private static String name(Node process, Graph data) {
        String id = first(process, SKOS.notation.asNode(), data);
        String label = english(process, data);
        if (id == null) return label != null ? label : process.toString();
        return label == null ? id : id + " " + label;
    }

    /** The English label when there is one, else any label: reports are read in English. */
    private static String english(Node s, Graph data) {
        String any = null;
        for (var it = data.find(s, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
            Node o = it.next().getObject();
            if (!o.isLiteral()) continue;
            if (o.getLiteralLanguage().equalsIgnoreCase("en")) return o.getLiteralLexicalForm();
            if (any == null) any = o.getLiteralLexicalForm();
        }
        return any;
    }

    private static Node object(Node s, Node p, Graph data) {
        var it = data.find(s, p, Node.ANY);
        try { return it.hasNext() ? it.next().getObject() : null; } finally { it.close(); }
    }

    private static String first(Node s, Node p, Graph data) {
        Node o = object(s, p, data);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
