package org.etomkg.store.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * A remote SPARQL 1.1 store seen as a Jena dataset, so that everything written for the embedded
 * store (Fuseki, the named queries, the linked-data pages, the extension store) works on it too.
 *
 * <p>Queries are not taken apart: {@link PushedQueries} sends each whole to the store's query
 * endpoint. Pattern reads ({@code find}) become small SELECTs, and a whole graph is fetched with
 * the Graph Store Protocol. The default graph is the store's, which must be the union of its named
 * graphs (Fuseki's {@code unionDefaultGraph}, Virtuoso's default).
 *
 * <p>Writes. Within a write transaction nothing reaches the store until {@code commit}, which
 * sends every change, in order, as one SPARQL Update request, together with new change marks
 * ({@link StoreRecord}) for the graphs it touched. A store that runs one request in one
 * transaction (Fuseki, TDB2) then shows readers the old graphs or the new ones, never half. Reads
 * within a write transaction see the store as it was. A read transaction takes no snapshot: two
 * reads may straddle another client's write.
 */
public final class RemoteDatasetGraph extends DatasetGraphBaseFind {
    static final long WRITE_SECONDS = 600;

    private final StoreEndpoints endpoints;
    private final Context context = Context.create();
    private final PrefixMap prefixes = PrefixMapFactory.create();
    private final ThreadLocal<Pending> txn = new ThreadLocal<>();
    private final List<Consumer<Set<Node>>> afterWrite = new CopyOnWriteArrayList<>();
    private volatile DatasetGraph searchReplica;   // holds the search index, when serving (see PushedQueries)

    static { PushedQueries.register(); }

    RemoteDatasetGraph(StoreEndpoints endpoints) { this.endpoints = endpoints; }

    StoreEndpoints endpoints() { return endpoints; }

    /** Told the graphs of every write this process commits, once the store has taken it. */
    void afterWrite(Consumer<Set<Node>> listener) { afterWrite.add(listener); }

    void searchReplica(DatasetGraph replica) { this.searchReplica = replica; }

    DatasetGraph searchReplica() { return searchReplica; }

    // ---- reads

    /** A SELECT over the store's query endpoint, its rows read as they arrive; the request is closed when they run out. */
    Iterator<Binding> select(String query) {
        QueryExec exec = QueryExecHTTP.newBuilder().endpoint(endpoints.query()).queryString(query).sendMode(RemoteStore.SEND_MODE)
            .timeout(RemoteStore.READ_SECONDS, TimeUnit.SECONDS).build();
        RowSet rows;
        try {
            rows = exec.select();
        } catch (RuntimeException e) {
            exec.close();
            throw RemoteStore.unreachable(endpoints, e);
        }
        return new Iterator<>() {
            boolean open = true;
            @Override public boolean hasNext() {
                if (!open) return false;
                boolean more = rows.hasNext();
                if (!more) { open = false; exec.close(); }
                return more;
            }
            @Override public Binding next() {
                if (!hasNext()) throw new NoSuchElementException();
                return rows.next();
            }
        };
    }

    private Iterator<Quad> quads(Node g, Node s, Node p, Node o, boolean union) {
        if (isBlank(g) || isBlank(s) || isBlank(p) || isBlank(o)) return List.<Quad>of().iterator();   // no blank node survives a request
        String pattern = term(s, "s") + " " + term(p, "p") + " " + term(o, "o");
        String query = union ? "SELECT DISTINCT ?s ?p ?o WHERE { " + pattern + " }"
            : "SELECT ?g ?s ?p ?o WHERE { GRAPH " + term(g, "g") + " { " + pattern + " } }";
        Iterator<Binding> rows = select(query);
        Node graph = union ? Quad.defaultGraphIRI : g;
        return new Iterator<>() {
            @Override public boolean hasNext() { return rows.hasNext(); }
            @Override public Quad next() {
                Binding b = rows.next();
                return Quad.create(value(b, "g", graph), value(b, "s", s), value(b, "p", p), value(b, "o", o));
            }
        };
    }

    private static boolean isBlank(Node n) { return n != null && n.isBlank(); }

    private static String term(Node n, String var) {
        return n == null || n == Node.ANY || n.isVariable() ? "?" + var : NodeFmtLib.strNT(n);
    }

    private static Node value(Binding b, String var, Node given) {
        Node v = b.get(var);
        return v != null ? v : given;
    }

    @Override protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) { return quads(null, s, p, o, true); }

    @Override protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        Pending txn = this.txn.get();
        Graph known = txn == null ? null : txn.fetched.get(g);
        if (known != null) {
            List<Quad> out = new ArrayList<>();
            known.find(s, p, o).forEachRemaining(t -> out.add(Quad.create(g, t)));
            return out.iterator();
        }
        if (g.isURI() && concrete(s) == null && concrete(p) == null && concrete(o) == null) {
            Graph whole = graph(g.getURI());
            if (txn != null && txn.updates.isEmpty()) txn.fetched.put(g, whole);   // read as it was when fetched, for the rest of the transaction
            List<Quad> out = new ArrayList<>((int) Math.min(whole.size(), Integer.MAX_VALUE));
            whole.find().forEachRemaining(t -> out.add(Quad.create(g, t)));
            return out.iterator();
        }
        return quads(g, s, p, o, false);
    }

    @Override protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) { return quads(null, s, p, o, false); }

    @Override public Iterator<org.apache.jena.graph.Triple> findInUnionGraph(Node s, Node p, Node o) {
        Iterator<Quad> quads = quads(null, s, p, o, true);
        return new Iterator<>() {
            @Override public boolean hasNext() { return quads.hasNext(); }
            @Override public org.apache.jena.graph.Triple next() { return quads.next().asTriple(); }
        };
    }

    private static Node concrete(Node n) { return n == null || n == Node.ANY ? null : n; }

    /** A whole named graph by the Graph Store Protocol; empty when the store has none of that name. */
    Graph graph(String iri) {
        try {
            return GSP.service(endpoints.data()).graphName(iri).GET();
        } catch (HttpException e) {
            if (e.getStatusCode() == 404) return org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            throw RemoteStore.unreachable(endpoints, e);
        }
    }

    @Override public Iterator<Node> listGraphNodes() {
        List<Node> out = new ArrayList<>();
        // GROUP BY, not DISTINCT: Virtuoso 7 answers this in milliseconds, the DISTINCT form not within a minute
        select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").forEachRemaining(b -> out.add(b.get("g")));
        out.removeIf(g -> !StoreRecord.isOurs(g));
        return out.iterator();
    }

    @Override public Graph getDefaultGraph() { return GraphView.createDefaultGraph(this); }

    @Override public Graph getGraph(Node graphNode) { return GraphView.createNamedGraph(this, graphNode); }

    @Override public Graph getUnionGraph() { return GraphView.createUnionGraph(this); }

    @Override public boolean containsGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode)) return true;
        Iterator<Binding> rows = select("SELECT ?s WHERE { GRAPH " + NodeFmtLib.strNT(graphNode) + " { ?s ?p ?o } } LIMIT 1");
        return rows.hasNext() && rows.next() != null;
    }

    @Override public long size() {
        long n = 0;
        for (Iterator<Node> it = listGraphNodes(); it.hasNext(); it.next()) n++;
        return n;
    }

    @Override public PrefixMap prefixes() { return prefixes; }

    @Override public Context getContext() { return context; }

    // ---- writes, gathered per transaction

    /** The changes of one write transaction, in order; adds in a row share one INSERT DATA. */
    private static final class Pending {
        final TxnType type;
        ReadWrite mode;
        final List<Update> updates = new ArrayList<>();
        final Set<Node> graphs = new LinkedHashSet<>();
        /** Whole graphs fetched in this transaction: a writer of Turtle asks the same graph again, subject by subject. */
        final java.util.Map<Node, Graph> fetched = new java.util.HashMap<>();
        QuadDataAcc inserts;

        Pending(TxnType type) {
            this.type = type;
            this.mode = TxnType.initial(type);
        }

        void insert(Quad q) {
            if (inserts == null) {
                inserts = new QuadDataAcc();
                updates.add(new UpdateDataInsert(inserts));
            }
            inserts.addQuad(q);
            graphs.add(q.getGraph());
        }

        void other(Update u, Node graph) {
            inserts = null;
            updates.add(u);
            if (graph != null) graphs.add(graph);
        }
    }

    private Pending writing() {
        Pending p = txn.get();
        if (p == null) throw new JenaTransactionException("a write to " + endpoints + " outside a write transaction");
        if (p.mode != ReadWrite.WRITE) {
            if (p.type == TxnType.READ) throw new JenaTransactionException("a write in a read transaction");
            p.mode = ReadWrite.WRITE;   // promoted: nothing is locked remotely, the request at commit is the write
        }
        return p;
    }

    /** Outside a transaction, each change is a request of its own (as Jena's autocommit). */
    private void change(Consumer<Pending> what) {
        if (txn.get() != null) { what.accept(writing()); return; }
        begin(TxnType.WRITE);
        try {
            what.accept(writing());
            commit();
        } finally {
            end();
        }
    }

    @Override public void add(Quad q) { change(p -> p.insert(named(q))); }

    @Override public void add(Node g, Node s, Node p, Node o) { add(Quad.create(g, s, p, o)); }

    @Override public void delete(Quad q) {
        change(p -> {
            QuadDataAcc d = new QuadDataAcc();
            d.addQuad(named(q));
            p.other(new UpdateDataDelete(d), q.getGraph());
        });
    }

    @Override public void delete(Node g, Node s, Node p, Node o) { delete(Quad.create(g, s, p, o)); }

    @Override public void deleteAny(Node g, Node s, Node p, Node o) {
        if (concrete(g) == null) throw new UnsupportedOperationException("a delete across every graph of a remote store");
        change(pending -> {
            QuadAcc pattern = new QuadAcc();
            pattern.addQuad(Quad.create(g, var(s, "s"), var(p, "p"), var(o, "o")));
            pending.other(new UpdateDeleteWhere(pattern), g);
        });
    }

    private static Node var(Node n, String name) { return concrete(n) == null ? org.apache.jena.sparql.core.Var.alloc(name) : n; }

    private static Quad named(Quad q) {
        if (q.isDefaultGraph()) throw new UnsupportedOperationException("the default graph of a remote store is the union of its graphs: write to a named graph");
        return q;
    }

    @Override public void addGraph(Node graphName, Graph graph) {
        change(p -> {
            p.other(new UpdateDrop(Target.create(graphName), true), graphName);
            graph.find().forEachRemaining(t -> p.insert(Quad.create(graphName, t)));
        });
    }

    @Override public void removeGraph(Node graphName) { change(p -> p.other(new UpdateDrop(Target.create(graphName), true), graphName)); }

    @Override public void clear() { throw new UnsupportedOperationException("etom-kg does not clear a remote store: drop its graphs by name"); }

    /** Sends one update request, as it is, with the change marks of the graphs it touches. */
    void send(UpdateRequest request, Set<Node> graphs) {
        StoreRecord.mark(request, graphs, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        sendAsIs(request);
        for (Consumer<Set<Node>> listener : afterWrite) listener.accept(graphs);
    }

    // ---- transactions

    @Override public void begin(TxnType type) {
        if (txn.get() != null) throw new JenaTransactionException("already in a transaction");
        txn.set(new Pending(type));
    }

    @Override public boolean promote(Promote mode) {
        Pending p = txn.get();
        if (p == null) throw new JenaTransactionException("not in a transaction");
        if (p.type == TxnType.READ) return false;
        p.mode = ReadWrite.WRITE;
        return true;
    }

    @Override public void commit() {
        Pending p = txn.get();
        if (p == null) throw new JenaTransactionException("not in a transaction");
        txn.remove();
        if (p.updates.isEmpty()) return;
        List<UpdateRequest> requests = split(p.updates, endpoints.maxUpdateQuads());
        for (int i = 0; i < requests.size() - 1; i++) sendAsIs(requests.get(i));
        send(requests.get(requests.size() - 1), p.graphs);
    }

    /**
     * The changes as requests: one, unless the store takes only so many triples in one (Virtuoso's
     * SPARQL compiler runs out of memory on a few thousand). Then the inserts are sent in parts, in
     * order, and the change is no longer one transaction, as it is not on such a store anyway.
     */
    static List<UpdateRequest> split(List<Update> updates, int maxQuads) {
        List<UpdateRequest> out = new ArrayList<>();
        UpdateRequest current = new UpdateRequest();
        int inCurrent = 0;
        for (Update u : updates) {
            if (maxQuads <= 0 || !(u instanceof UpdateDataInsert insert)) { current.add(u); continue; }
            List<Quad> quads = insert.getQuads();
            for (int from = 0; from < quads.size(); ) {
                if (inCurrent >= maxQuads) { out.add(current); current = new UpdateRequest(); inCurrent = 0; }
                int to = Math.min(quads.size(), from + maxQuads - inCurrent);
                QuadDataAcc part = new QuadDataAcc();
                quads.subList(from, to).forEach(part::addQuad);
                current.add(new UpdateDataInsert(part));
                inCurrent += to - from;
                from = to;
            }
        }
        out.add(current);
        return out;
    }

    private void sendAsIs(UpdateRequest request) {
        try {
            UpdateExecHTTP.newBuilder().endpoint(endpoints.update()).update(request).timeout(WRITE_SECONDS, TimeUnit.SECONDS).build().execute();
        } catch (RuntimeException e) {
            throw RemoteStore.unreachable(endpoints, e);
        }
    }

    @Override public void abort() { txn.remove(); }

    @Override public void end() { txn.remove(); }

    @Override public ReadWrite transactionMode() {
        Pending p = txn.get();
        return p == null ? null : p.mode;
    }

    @Override public TxnType transactionType() {
        Pending p = txn.get();
        return p == null ? null : p.type;
    }

    @Override public boolean isInTransaction() { return txn.get() != null; }

    @Override public boolean supportsTransactions() { return true; }

    @Override public boolean supportsTransactionAbort() { return true; }

    @Override public void close() {}
}
