package org.etomkg.server.linked;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.vocab.ETOM;

/**
 * What the store holds about the resource of a {@link ResourcePath}: which IRIs its document
 * describes (none when the store does not hold it), and their description, which is the
 * {@code DESCRIBE} of those IRIs, the very query {@code /etom/sparql} answers ({@link LabelledDescribe}).
 */
final class Descriptions {
    private static final Node REGISTRY = NodeFactory.createURI(ETOM.BASE + "graph/extensions");
    private static final Node EXTENSION_PROCESS = ETOM.term("ExtensionProcess");
    private static final Node HEADER = ETOM.term("header");

    private final DatasetGraph dsg;

    Descriptions(DatasetGraph dsg) { this.dsg = dsg; }

    /** The IRIs the path's document describes, in order; empty when the store holds none of them. */
    List<Node> described(ResourcePath path) {
        return Txn.calculateRead(dsg, () -> {
            Graph union = dsg.getUnionGraph();
            Optional<String[]> ext = path.extension();
            if (ext.isPresent()) return extension(ext.get()[0], ext.get()[1]);
            Node iri = NodeFactory.createURI(path.iri());
            List<Node> out = new ArrayList<>();
            if (union.find(iri, Node.ANY, Node.ANY).hasNext()) out.add(iri);
            if (path.isHashDocument()) out.addAll(hashTerms(union, path.iri() + "#"));
            return out;
        });
    }

    /** The typed resources of a hash namespace, in IRI order. */
    private static List<Node> hashTerms(Graph union, String namespace) {
        TreeSet<String> terms = new TreeSet<>();
        union.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(namespace)) terms.add(s.getURI());
        });
        return terms.stream().map(NodeFactory::createURI).toList();
    }

    /** A stored extension's header, or one of its processes by identifier. */
    private List<Node> extension(String name, String id) {
        if (!ExtensionStore.validName(name)) return List.of();
        Node graph = NodeFactory.createURI(ExtensionStore.graphOf(name));
        if (id == null) {
            var it = dsg.find(REGISTRY, graph, HEADER, Node.ANY);
            return it.hasNext() ? List.of(it.next().getObject()) : List.of();
        }
        var it = dsg.find(graph, Node.ANY, SKOS.notation.asNode(), NodeFactory.createLiteralString(id));
        while (it.hasNext()) {
            Node p = it.next().getSubject();
            if (dsg.contains(graph, p, RDF.type.asNode(), EXTENSION_PROCESS)) return List.of(p);
        }
        return List.of();
    }

    /** The {@code DESCRIBE} query of those IRIs, built as a syntax tree (no IRI is pasted into text). */
    static Query describeQuery(List<Node> iris) {
        Query q = QueryFactory.make();
        q.setQueryDescribeType();
        iris.forEach(q::addDescribeNode);
        return q;
    }

    /** Runs the DESCRIBE on the store, under the store's timeout, in one read transaction. */
    Model describe(List<Node> iris) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg))
                    .query(describeQuery(iris)).build()) {
                return qe.execDescribe();
            }
        });
    }

    /** What a document shows: the IRIs it describes (none when the store holds none) and, when asked for, their description. */
    record Found(List<Node> iris, Model description) {}

    /** Looks the path up and, when asked and held, describes it, in one read transaction. */
    Found lookUp(ResourcePath path, boolean describe) {
        return Txn.calculateRead(dsg, () -> {
            List<Node> iris = described(path);
            return new Found(iris, describe && !iris.isEmpty() ? describe(iris) : null);
        });
    }

    /** True when a stored extension of the release has a process of that identifier (the web app gives it a page). */
    boolean extensionHasProcess(String release, String id) {
        return Txn.calculateRead(dsg, () -> {
            Node extendsRelease = ETOM.term("extendsRelease"), target = NodeFactory.createURI(ETOM.release(release));
            var stored = dsg.find(REGISTRY, Node.ANY, extendsRelease, target);
            while (stored.hasNext()) {
                Node graph = stored.next().getSubject();
                var it = dsg.find(graph, Node.ANY, SKOS.notation.asNode(), NodeFactory.createLiteralString(id));
                while (it.hasNext()) if (dsg.contains(graph, it.next().getSubject(), RDF.type.asNode(), EXTENSION_PROCESS)) return true;
            }
            return false;
        });
    }

    /** The versions of the releases in the store, in order. */
    List<String> releases() {
        return Txn.calculateRead(dsg, () -> {
            TreeSet<String> out = new TreeSet<>();
            dsg.getUnionGraph().find(Node.ANY, ETOM.version.asNode(), Node.ANY).forEachRemaining((Triple t) -> {
                if (t.getObject().isLiteral() && t.getSubject().isURI() && t.getSubject().getURI().equals(ETOM.release(t.getObject().getLiteralLexicalForm())))
                    out.add(t.getObject().getLiteralLexicalForm());
            });
            return new ArrayList<>(out);
        });
    }

    /** The names of the stored extensions, in order. */
    List<String> extensions() {
        return Txn.calculateRead(dsg, () -> {
            TreeSet<String> out = new TreeSet<>();
            String prefix = ExtensionStore.graphOf("");
            dsg.find(REGISTRY, Node.ANY, HEADER, Node.ANY).forEachRemaining(q -> {
                Node graph = q.getSubject();
                if (graph.isURI() && graph.getURI().startsWith(prefix)) out.add(graph.getURI().substring(prefix.length()));
            });
            return new ArrayList<>(out);
        });
    }

    /** The releases whose version has a process of this identifier, for a helpful 404. */
    List<String> releasesWith(String id) {
        return Txn.calculateRead(dsg, () -> {
            TreeSet<String> out = new TreeSet<>();
            Graph union = dsg.getUnionGraph();
            union.find(Node.ANY, ETOM.version.asNode(), Node.ANY).forEachRemaining((Triple t) -> {
                if (!t.getObject().isLiteral()) return;
                String v = t.getObject().getLiteralLexicalForm();
                if (union.find(NodeFactory.createURI(ETOM.processNamespace(v) + id), Node.ANY, Node.ANY).hasNext()) out.add(v);
            });
            return new ArrayList<>(out);
        });
    }
}
