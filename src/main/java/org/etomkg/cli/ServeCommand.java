package org.etomkg.cli;

import java.util.concurrent.Callable;

import org.etomkg.query.QueryRunner;
import org.etomkg.server.SparqlServer;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ServerRecord;
import org.etomkg.store.StoreBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code etom-kg serve}: builds the store if it is missing or stale, then serves SPARQL on loopback. */
@Command(name = "serve", description = "Serve the store as a read-only SPARQL endpoint at http://127.0.0.1:PORT/etom/sparql.")
final class ServeCommand implements Callable<Integer> {
    @Mixin Locations locations;

    @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 3030;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Query timeout (default: ${DEFAULT-VALUE})")
    long timeout = QueryRunner.DEFAULT_TIMEOUT_SECONDS;

    @Override public Integer call() {
        StoreBuilder.Result built = new StoreBuilder().ensure(locations.ontology(), locations.data);
        if (built.rebuilt()) System.out.printf("built the store: %,d triples in %.1f s%n", built.triples(), built.millis() / 1000.0);
        KnowledgeStore store = KnowledgeStore.open(locations.data);
        SparqlServer server = SparqlServer.start(store.datasetGraph(), port, timeout);
        ServerRecord.publish(locations.data, server.queryEndpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerRecord.withdraw(locations.data);
            server.close();
            store.close();
        }));
        System.out.println("SPARQL endpoint: " + server.queryEndpoint());
        System.out.flush();
        server.join();
        return 0;
    }
}
