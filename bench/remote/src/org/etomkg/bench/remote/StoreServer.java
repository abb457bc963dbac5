package org.etomkg.bench.remote;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The second Fuseki of the benchmark, in a process of its own, as {@code RemoteFuseki.Main} in the
 * tests: a TDB2 store in DIR served as dataset {@code /ds} (query, update, read-write Graph Store
 * Protocol), the union of the named graphs as default graph, on 127.0.0.1 only.
 *
 * <p>Usage: {@code StoreServer DIR PORT} (0: a free port); prints {@code READY port} once it answers.
 */
public final class StoreServer {
    private StoreServer() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: StoreServer DIR PORT");
            System.exit(2);
        }
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(args[0]);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        FusekiServer server = FusekiServer.create().port(Integer.parseInt(args[1])).loopback(true)
            .add("/ds", dsg, true).build();
        server.start();
        System.out.println("READY " + server.getHttpPort());
        System.out.flush();
        server.join();
    }
}
