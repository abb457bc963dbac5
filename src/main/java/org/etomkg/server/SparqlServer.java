package org.etomkg.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The read-only SPARQL endpoint over the store: Fuseki main with one dataset, {@code /etom},
 * answering SPARQL 1.1 Query at {@code /etom/sparql} (GET and POST, every standard result
 * format) and Graph Store Protocol reads at {@code /etom/get}. Loopback only; no update,
 * no admin, no federated SERVICE; every query has a timeout.
 */
public final class SparqlServer implements AutoCloseable {
    public static final String DATASET = "/etom";

    private final FusekiServer server;

    private SparqlServer(FusekiServer server) { this.server = server; }

    /** Starts the server; port 0 picks a free one. */
    public static SparqlServer start(DatasetGraph dsg, int port, long timeoutSeconds) {
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(timeoutSeconds * 1000));
        dsg.getContext().set(ARQ.httpServiceAllowed, false);
        FusekiServer server = FusekiServer.create()
            .port(port)
            .loopback(true)
            .enablePing(true)
            .add(DATASET, dsg, false)
            .build();
        server.start();
        return new SparqlServer(server);
    }

    public int port() { return server.getHttpPort(); }

    public String queryEndpoint() { return "http://127.0.0.1:" + port() + DATASET + "/sparql"; }

    /** Blocks until the server stops. */
    public void join() { server.join(); }

    @Override public void close() { server.stop(); }
}
