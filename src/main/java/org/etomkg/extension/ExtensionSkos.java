package org.etomkg.extension;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.vocab.ETOM;

/**
 * The SKOS statements an extension implies, for the SKOS tools that read neither etom:parent
 * nor etom:localName. The store adds them to the extension's own graph when it stores it, never
 * to a reference graph; rule 7 accepts them, so an extension read back from the store validates
 * as it did, and an extension may also write them itself.
 * <ul>
 * <li>the header is a {@code skos:ConceptScheme};
 * <li>each of its own processes is a {@code skos:Concept}, {@code skos:broader} its etom:parent
 *     (a reference process or one of its own), and has its rdfs:label as {@code skos:prefLabel}
 *     in each language where that label is its only name and the extension gives no preferred
 *     label of its own;
 * <li>an own parent has its own children as {@code skos:narrower}; a reference parent does not,
 *     since that would be a statement about the reference;
 * <li>each local name is a {@code skos:altLabel} of the process it names, in its language (as
 *     the meta-model says: etom:localName is a sub-property of skos:altLabel). Not
 *     {@code skos:prefLabel}: SKOS allows one preferred label per language, and in the union of
 *     several extensions two CSPs may name the same reference process in one language.
 * </ul>
 */
public final class ExtensionSkos {
    private static final Node EXTENSION = ETOM.term("Extension");
    private static final Node EXTENSION_PROCESS = ETOM.term("ExtensionProcess");
    private static final Node LOCAL_NAME = ETOM.term("localName");
    private static final Node PARENT = ETOM.parent.asNode();

    private ExtensionSkos() {}

    /** The statements {@link ExtensionSkos} implies that the extension does not already make. */
    public static Graph derived(Graph extension) {
        Graph out = GraphFactory.createDefaultGraph();
        for (Node header : subjects(extension, EXTENSION)) out.add(Triple.create(header, RDF.type.asNode(), SKOS.ConceptScheme.asNode()));
        Set<Node> own = new HashSet<>(subjects(extension, EXTENSION_PROCESS));
        for (Node p : own) {
            out.add(Triple.create(p, RDF.type.asNode(), SKOS.Concept.asNode()));
            for (Triple t : extension.find(p, PARENT, Node.ANY).toList()) {
                out.add(Triple.create(p, SKOS.broader.asNode(), t.getObject()));
                if (own.contains(t.getObject())) out.add(Triple.create(t.getObject(), SKOS.narrower.asNode(), p));
            }
            preferredLabels(extension, p, out);
        }
        extension.find(Node.ANY, LOCAL_NAME, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral()) out.add(Triple.create(t.getSubject(), SKOS.altLabel.asNode(), t.getObject()));
        });
        extension.find().forEachRemaining(out::delete);
        return out;
    }

    /** The extension with what it implies added: what the store keeps. */
    public static Graph withDerived(Graph extension) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(extension.getPrefixMapping());
        extension.find().forEachRemaining(out::add);
        derived(extension).find().forEachRemaining(out::add);
        return out;
    }

    /** The rdfs:label as skos:prefLabel, per language, where it is the only one and no prefLabel is given. */
    private static void preferredLabels(Graph extension, Node process, Graph out) {
        Map<String, List<Node>> labels = new HashMap<>();
        extension.find(process, RDFS.label.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral()) labels.computeIfAbsent(t.getObject().getLiteralLanguage(), k -> new java.util.ArrayList<>()).add(t.getObject());
        });
        Set<String> given = new HashSet<>();
        extension.find(process, SKOS.prefLabel.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral()) given.add(t.getObject().getLiteralLanguage());
        });
        labels.forEach((language, names) -> {
            if (names.size() == 1 && !given.contains(language)) out.add(Triple.create(process, SKOS.prefLabel.asNode(), names.get(0)));
        });
    }

    private static List<Node> subjects(Graph g, Node type) {
        return g.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject).toList();
    }
}
