package org.etomkg.store.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.system.Txn;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreException;
import org.etomkg.store.StoreUnavailableException;

/**
 * A store that speaks the SPARQL 1.1 Protocol, Update and the Graph Store Protocol, in place of
 * the embedded one ({@code --store URL|FILE}). It holds nothing of the data in memory: every
 * answer is asked of the store when it is needed, so any number of processes over one store agree.
 * The store must show the union of its named graphs as its default graph; {@link #open} checks.
 */
public final class RemoteStore implements KnowledgeStore {
    /** Longest a read of ours (not a user's query, which has the service's timeout) may take. */
    static final long READ_SECONDS = 120;
    /**
     * A long query goes as an HTML form POST, not as Jena's default body of type
     * application/sparql-query: Virtuoso 7 never answers that body (the request times out while the
     * same query as a form is answered at once). Both are SPARQL 1.1 Protocol; every store takes the form.
     */
    static final QuerySendMode SEND_MODE = QuerySendMode.asGetWithLimitForm;
    /** How often health asks the store again whether it answers. */
    static final long PING_MILLIS = 1_000;

    private final StoreEndpoints endpoints;
    private final RemoteDatasetGraph dsg;
    private final Integrity opened;
    private volatile Integrity last;
    private volatile long lastAt;

    private RemoteStore(StoreEndpoints endpoints, Integrity opened) {
        this.endpoints = endpoints;
        this.dsg = new RemoteDatasetGraph(endpoints);
        this.opened = opened;
        this.last = opened;
        this.lastAt = System.currentTimeMillis();
    }

    /**
     * Connects to the store and checks that it answers and that its default graph is the union of
     * its named graphs.
     *
     * @throws StoreException saying what is wrong and how to set the store up
     */
    public static RemoteStore open(StoreEndpoints endpoints) {
        long start = System.nanoTime();
        endpoints = settleQueryEndpoint(endpoints);
        RemoteStore store = new RemoteStore(endpoints, new Integrity(true, "ok", 0, 0, 0));
        store.checkUnionDefaultGraph();
        Map<String, Long> triples = store.graphTriples();
        Integrity opened = new Integrity(true, "ok", triples.size(), triples.values().stream().mapToLong(Long::longValue).sum(),
            (System.nanoTime() - start) / 1_000_000);
        return new RemoteStore(endpoints, opened);
    }

    /** A dataset URL's query endpoint is {@code /sparql}, or {@code /query} on a server that offers only that. */
    private static StoreEndpoints settleQueryEndpoint(StoreEndpoints endpoints) {
        RuntimeException first;
        try {
            ping(endpoints.query(), 10_000);
            return endpoints;
        } catch (RuntimeException e) {
            first = e;
        }
        if (endpoints.query().endsWith("/sparql") && first instanceof HttpException h && (h.getStatusCode() == 404 || h.getStatusCode() == 405)) {
            StoreEndpoints other = endpoints.withQuery(endpoints.query().replaceFirst("/sparql$", "/query"));
            try {
                ping(other.query(), 10_000);
                return other;
            } catch (RuntimeException ignored) { /* report the first */ }
        }
        throw unreachable(endpoints, first);
    }

    private static void ping(String endpoint, long millis) {
        // SELECT, not ASK: Virtuoso answers ASK in a form Jena does not read
        try (QueryExec exec = QueryExecHTTP.newBuilder().endpoint(endpoint).queryString("SELECT (1 AS ?one) WHERE {}")
                .timeout(millis, TimeUnit.MILLISECONDS).build()) {
            exec.select().hasNext();
        }
    }

    /** A triple of a named graph must be in the default graph, or every query of ours would find nothing. */
    void checkUnionDefaultGraph() {
        Iterator<Binding> one = dsg.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER (isIRI(?s) && !isBlank(?o)) } LIMIT 1");
        if (!one.hasNext()) return;   // empty: load will fill it, and the check runs again at the next open
        Binding b = one.next();
        String ask = "SELECT (1 AS ?one) WHERE { " + org.apache.jena.riot.out.NodeFmtLib.strNT(b.get("s")) + " "
            + org.apache.jena.riot.out.NodeFmtLib.strNT(b.get("p")) + " " + org.apache.jena.riot.out.NodeFmtLib.strNT(b.get("o")) + " } LIMIT 1";
        boolean seen = dsg.select(ask).hasNext();
        if (!seen) throw new StoreException("the store at " + endpoints + " does not show its named graphs in its default graph, "
            + "and etom-kg's queries ask the union of them: set it up so (Fuseki: tdb2:unionDefaultGraph true in the dataset's "
            + "configuration file; Virtuoso does so by default)");
    }

    /** What a failed request to the store becomes: a message naming the store and what it said, never its credentials. */
    static RuntimeException unreachable(StoreEndpoints endpoints, Throwable e) {
        if (e instanceof StoreException s) return s;
        if (e instanceof QueryCancelledException q) return q;
        String what;
        if (e instanceof HttpException h && h.getStatusCode() > 0) what = answered(h.getStatusCode(), h.getResponse());
        else if (e instanceof QueryExceptionHTTP q && q.getStatusCode() > 0) what = answered(q.getStatusCode(), q.getResponse());
        else what = "it did not answer (" + rootCause(e) + ")";
        return new StoreUnavailableException("the store at " + endpoints + ": " + what, e);
    }

    /** What went wrong underneath Jena's "unexpected error making the query": refused, timed out, closed. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String name = root.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return root.getMessage() == null || root.getMessage().isBlank() ? name : name + ": " + root.getMessage();
    }

    private static String answered(int status, String body) {
        return "it answered " + status + (body != null && !body.isBlank() ? ": " + firstLines(body) : "");
    }

    private static String firstLines(String body) {
        String s = body.strip();
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    public StoreEndpoints endpoints() { return endpoints; }

    @Override public String where() { return endpoints.toString(); }

    /** The store's change mark: every write made through etom-kg, by any process, changes it. */
    @Override public long writes() { return StoreRecord.storeMark(dsg); }

    @Override public long graphWrites(String graphIri) { return StoreRecord.mark(dsg, NodeFactory.createURI(graphIri)); }

    @Override public Integrity opened() { return opened; }

    /** Whether the store answers, asked again at most once a second. */
    @Override public Integrity integrity() {
        if (System.currentTimeMillis() - lastAt > PING_MILLIS) {
            synchronized (this) {
                if (System.currentTimeMillis() - lastAt > PING_MILLIS) {
                    last = pingNow();
                    lastAt = System.currentTimeMillis();
                }
            }
        }
        return last;
    }

    private Integrity pingNow() {
        long start = System.nanoTime();
        try {
            ping(endpoints.query(), 3_000);
            return new Integrity(true, "ok", opened.graphs(), opened.triples(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            return new Integrity(false, unreachable(endpoints, e).getMessage(), 0, 0, (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override public synchronized Integrity verify() {
        last = pingNow();
        lastAt = System.currentTimeMillis();
        return last;
    }

    @Override public DatasetGraph datasetGraph() { return dsg; }

    RemoteDatasetGraph remote() { return dsg; }

    /** A whole named graph, fetched by the Graph Store Protocol; empty when there is none of that name. */
    public Graph graph(String iri) { return dsg.graph(iri); }

    @Override public RDFConnection connect() { return RDFConnection.connect(DatasetFactory.wrap(dsg)); }

    @Override public List<String> graphNames() {
        List<String> names = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        names.sort(null);
        return names;
    }

    @Override public Map<String, Long> graphTriples() {
        Map<String, Long> out = new TreeMap<>();
        dsg.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").forEachRemaining(b -> {
            Node g = b.get("g");
            if (StoreRecord.isOurs(g)) out.put(g.getURI(), StoreRecord.number(b.get("n")));
        });
        return out;
    }

    /** One update request: the store runs it as one transaction where it has them (Fuseki does). */
    @Override public void replaceGraph(String graphIri, Graph content) {
        Node g = NodeFactory.createURI(graphIri);
        Txn.executeWrite(dsg, () -> dsg.addGraph(g, content));
    }

    @Override public void close() {}
}
