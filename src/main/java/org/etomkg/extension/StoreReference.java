package org.etomkg.extension;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.vocab.ETOM;

/**
 * The reference framework as the store holds it, for validating while serving. Each graph is
 * copied out of the store once: the reference graphs do not change while a server runs.
 */
public final class StoreReference implements ReferenceFramework {
    private final DatasetGraph dsg;
    private final Map<String, Graph> cache = new ConcurrentHashMap<>();

    public StoreReference(KnowledgeStore store) { this.dsg = store.datasetGraph(); }

    @Override public Set<String> releases() {
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new TreeSet<>();
            dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), ETOM.Release.asNode())
                .forEachRemaining(q -> dsg.find(q.getGraph(), q.getSubject(), ETOM.version.asNode(), Node.ANY)
                    .forEachRemaining(v -> out.add(v.getObject().getLiteralLexicalForm())));
            return out;
        });
    }

    @Override public Graph release(String version) { return copy(ETOM.releaseGraph(version)); }

    @Override public Graph metaModel() { return copy(ETOM.META_MODEL); }

    @Override public Graph versionLinks() {
        return cache.computeIfAbsent("nextVersion", k -> Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.find(NodeFactory.createURI(ETOM.BASE + "graph/crosswalk"), Node.ANY, ETOM.term("nextVersion"), Node.ANY)
                .forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        }));
    }

    private Graph copy(String graphIri) {
        return cache.computeIfAbsent(graphIri, iri -> Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.find(NodeFactory.createURI(iri), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        }));
    }
}
