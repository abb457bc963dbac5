package org.etomkg.extension;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.vocab.ETOM;

/** Reads the header of an extension: which node it is and which release it extends. */
public final class ExtensionHeader {
    private ExtensionHeader() {}

    /** The extension's header node, when there is exactly one. */
    public static Optional<Node> find(Graph extension) {
        List<Node> headers = extension.find(Node.ANY, RDF.type.asNode(), ETOM.term("Extension")).mapWith(Triple -> Triple.getSubject()).toList();
        return headers.size() == 1 ? Optional.of(headers.get(0)) : Optional.empty();
    }

    /** Every node typed etom:Extension, in a stable order. */
    public static List<Node> all(Graph extension) {
        return extension.find(Node.ANY, RDF.type.asNode(), ETOM.term("Extension")).mapWith(t -> t.getSubject()).toList().stream()
            .distinct().sorted(java.util.Comparator.comparing(Node::toString)).toList();
    }

    /** The release number an {@code etom:extendsRelease} IRI names, such as 25.5. */
    public static Optional<String> release(Graph extension, Node header) {
        String prefix = ETOM.release("");
        return extension.find(header, ETOM.term("extendsRelease"), Node.ANY).toList().stream()
            .map(t -> t.getObject())
            .filter(o -> o.isURI() && o.getURI().startsWith(prefix) && !o.getURI().substring(prefix.length()).contains("/"))
            .map(o -> o.getURI().substring(prefix.length()))
            .findFirst();
    }
}
