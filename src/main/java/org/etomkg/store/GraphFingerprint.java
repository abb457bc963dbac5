package org.etomkg.store;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The triples of one graph, counted, and an order-independent checksum of them: the sum of a
 * 64-bit hash of each triple, made from the hashes of its nodes' N-Triples forms. Two stores that hold the same graph give the same
 * fingerprint whatever order TDB2 keeps it in; a triple lost, added, or read back different (a
 * damaged node table) changes it. The scans run inside the caller's read transaction.
 */
record GraphFingerprint(long triples, long checksum) {
    static final GraphFingerprint NONE = new GraphFingerprint(0, 0);
    /** The key of the default graph, which our stores leave empty. */
    static final String DEFAULT_GRAPH = Quad.defaultGraphIRI.getURI();

    /** The manifest's form: "triples checksum-in-hex". */
    String format() { return triples + " " + Long.toHexString(checksum); }

    static Optional<GraphFingerprint> parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split(" ");
        try {
            return parts.length == 2 ? Optional.of(new GraphFingerprint(Long.parseLong(parts[0]), Long.parseUnsignedLong(parts[1], 16)))
                : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override public String toString() { return format(); }

    static String key(Node graph) { return Quad.isDefaultGraph(graph) ? DEFAULT_GRAPH : graph.getURI(); }

    static Node node(String key) {
        return key.equals(DEFAULT_GRAPH) ? Quad.defaultGraphIRI : org.apache.jena.graph.NodeFactory.createURI(key);
    }

    /** One graph, read back through the dataset (inside a write transaction it sees that transaction's writes). */
    static GraphFingerprint ofGraph(DatasetGraph dsg, Node graph) {
        Map<Node, Long> hashes = new HashMap<>();
        long n = 0, sum = 0;
        for (var it = dsg.find(graph, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); n++) {
            Quad q = it.next();
            sum += triple(hashes.computeIfAbsent(q.getSubject(), GraphFingerprint::node),
                hashes.computeIfAbsent(q.getPredicate(), GraphFingerprint::node), hashes.computeIfAbsent(q.getObject(), GraphFingerprint::node));
        }
        return new GraphFingerprint(n, sum);
    }

    /**
     * Triples as they are written, before any store holds them: the same fingerprint as reading the
     * graph back gives when the store is sound. {@code hashes} caches nodes' hashes across calls.
     * The triples must be distinct, as a graph's are.
     */
    static GraphFingerprint ofTriples(java.util.Iterator<org.apache.jena.graph.Triple> triples, Map<Node, Long> hashes) {
        long n = 0, sum = 0;
        for (; triples.hasNext(); n++) {
            org.apache.jena.graph.Triple t = triples.next();
            sum += triple(hashes.computeIfAbsent(t.getSubject(), GraphFingerprint::node),
                hashes.computeIfAbsent(t.getPredicate(), GraphFingerprint::node), hashes.computeIfAbsent(t.getObject(), GraphFingerprint::node));
        }
        return new GraphFingerprint(n, sum);
    }

    /**
     * What one pass over each of TDB2's indexes finds: per index, per graph, the count and a checksum
     * of node ids; and, when {@code decode}, per graph the fingerprint of the triples themselves, each
     * node of the primary index read once from the node table. The default graph reports under
     * {@link #DEFAULT_GRAPH}.
     */
    record Scan(Map<String, Map<String, GraphFingerprint>> indexes, Map<String, GraphFingerprint> graphs) {}

    /**
     * Every index of a table holds the same tuples, so a damaged index (a zeroed block) shows as
     * indexes that disagree; a damaged node table as triples that read back different. Runs inside
     * the caller's read transaction on a TDB2 dataset.
     */
    static Scan scan(DatasetGraph tdb, boolean decode) {
        DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(tdb);
        NodeTable nodes = storage.getQuadTable().getNodeTupleTable().getNodeTable();
        Map<NodeId, Long> hashes = new HashMap<>();
        Map<String, Map<String, GraphFingerprint>> indexes = new TreeMap<>();
        Map<String, GraphFingerprint> graphs = new TreeMap<>();
        for (TupleIndex index : storage.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            boolean read = decode && index.getName().equals("GSPO");
            Map<NodeId, long[]> acc = new HashMap<>();
            long n = 0;
            for (var it = index.all(); it.hasNext(); ) {
                Tuple<NodeId> t = it.next();      // in G S P O order whatever the index's own order
                if (n++ % LOOKUP_EVERY == 0) lookUp(index, t);
                long[] a = acc.computeIfAbsent(t.get(0), k -> new long[4]);
                a[0]++;
                a[1] += triple(mix(t.get(1).hashCode()), t.get(2).hashCode(), t.get(3).hashCode());
                if (read) a[2] += triple(node(nodes, hashes, t.get(1)), node(nodes, hashes, t.get(2)), node(nodes, hashes, t.get(3)));
            }
            Map<String, GraphFingerprint> perGraph = new TreeMap<>();
            acc.forEach((id, a) -> {
                String g = key(nodes.getNodeForNodeId(id));
                perGraph.put(g, new GraphFingerprint(a[0], a[1]));
                if (read) graphs.put(g, new GraphFingerprint(a[0], a[2]));
            });
            indexes.put(index.getName(), perGraph);
        }
        NodeTable tripleNodes = storage.getTripleTable().getNodeTupleTable().getNodeTable();
        for (TupleIndex index : storage.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            boolean read = decode && index.getName().equals("SPO");
            long[] a = new long[3];
            for (var it = index.all(); it.hasNext(); ) {
                Tuple<NodeId> t = it.next();
                if (a[0] % LOOKUP_EVERY == 0) lookUp(index, t);
                a[0]++;
                a[1] += triple(mix(t.get(0).hashCode()), t.get(1).hashCode(), t.get(2).hashCode());
                if (read) a[2] += triple(node(tripleNodes, hashes, t.get(0)), node(tripleNodes, hashes, t.get(1)), node(tripleNodes, hashes, t.get(2)));
            }
            indexes.put(index.getName(), a[0] == 0 ? Map.of() : Map.of(DEFAULT_GRAPH, new GraphFingerprint(a[0], a[1])));
            if (read && a[0] > 0) graphs.put(DEFAULT_GRAPH, new GraphFingerprint(a[0], a[2]));
        }
        return new Scan(indexes, graphs);
    }

    /**
     * A scan walks an index's leaves; a lookup descends its tree. One tuple in every
     * {@value #LOOKUP_EVERY}, fewer than a leaf holds, is looked up again, so a damaged branch of the
     * tree (a zeroed {@code .idn} block) cannot hide.
     */
    static final int LOOKUP_EVERY = 32;

    private static void lookUp(TupleIndex index, Tuple<NodeId> t) {
        if (!index.find(t).hasNext()) throw new IllegalStateException("index " + index.getName() + " does not find " + t + " again");
    }

    /** A node's hash, read from the node table the first time its id is seen, and its id looked up again from the node. */
    private static long node(NodeTable nodes, Map<NodeId, Long> hashes, NodeId id) {
        if (id.isInline()) return node(NodeId.extract(id));   // NodeId.equals ignores the type: an inline value may equal a pointer
        Long h = hashes.get(id);
        if (h == null) {
            Node n = nodes.getNodeForNodeId(id);
            if (n == null) throw new IllegalStateException("node id " + id + " is missing from the node table");
            if (!id.equals(nodes.baseNodeTable().getNodeIdForNode(n)))
                throw new IllegalStateException("the node table does not find " + NodeFmtLib.strNT(n) + " again");
            hashes.put(id, h = node(n));
        }
        return h;
    }

    /**
     * A node's hash: of its N-Triples form. A value TDB2 keeps inline in its node id (integers,
     * decimals, dates and times) is taken in the form TDB2 reads it back from the id, so a node
     * hashes the same whether it comes from the writer's hands or from the store.
     */
    static long node(Node n) {
        if (n.isLiteral()) {
            try {
                NodeId inline = NodeId.inline(n);
                if (inline != null) n = NodeId.extract(inline);
            } catch (RuntimeException e) {
                // an ill-formed value is not inlined: its own form stands
            }
        }
        return hash(NodeFmtLib.strNT(n));
    }

    /** A triple's hash, from its nodes' hashes in order. */
    static long triple(long s, long p, long o) { return mix(mix(mix(s) + p) + o); }

    /** FNV-1a over the UTF-8 bytes, then a SplitMix64 finish so that sums of hashes spread well. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
