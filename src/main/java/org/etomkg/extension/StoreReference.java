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
 * copied out of the store once, and again only when the store says it was written since (a remote
 * store loaded anew while replicas serve it): every replica validates against the same reference.
 */
public final class StoreReference implements ReferenceFramework {
    private final KnowledgeStore store;
    private final DatasetGraph dsg;
    /** A copy younger than this is used without asking the store: one validation asks for the same graphs many times. */
    private static final long FRESH_MILLIS = 1_000;
    private record Copy(long writes, Graph graph, long checkedAt) {}
    private final Map<String, Copy> cache = new ConcurrentHashMap<>();

    public StoreReference(KnowledgeStore store) {
        this.store = store;
        this.dsg = store.datasetGraph();
    }

    private volatile Set<String> releases;
    private volatile long releasesAt;

    @Override public Set<String> releases() {
        long now = System.currentTimeMillis();
        if (releases == null || now - releasesAt >= FRESH_MILLIS) {
            releases = readReleases();
            releasesAt = now;
        }
        return releases;
    }

    private Set<String> readReleases() {
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
        String crosswalk = ETOM.BASE + "graph/crosswalk";
        return current("nextVersion", crosswalk, () -> Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.find(NodeFactory.createURI(crosswalk), Node.ANY, ETOM.term("nextVersion"), Node.ANY)
                .forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        }));
    }

    private Graph copy(String graphIri) {
        return current(graphIri, graphIri, () -> Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.find(NodeFactory.createURI(graphIri), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        }));
    }

    /** The cached copy when the graph was not written since it was taken, else a new one. */
    private Graph current(String key, String graphIri, java.util.function.Supplier<Graph> read) {
        long now = System.currentTimeMillis();
        Copy c = cache.get(key);
        if (c != null && now - c.checkedAt() < FRESH_MILLIS) return c.graph();
        long writes = store.graphWrites(graphIri);
        Copy fresh = c != null && c.writes() == writes ? new Copy(writes, c.graph(), now) : new Copy(writes, read.get(), now);
        cache.put(key, fresh);
        return fresh.graph();
    }
}
