package org.etomkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.etomkg.progress.Progress;
import org.etomkg.query.QueryRunner;
import org.etomkg.server.EtomServer;
import org.etomkg.server.ServerOptions;
import org.etomkg.server.LocalKey;
import org.etomkg.server.Users;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ServerRecord;
import org.etomkg.store.StoreBuilder;
import org.etomkg.store.remote.RemoteStore;
import org.etomkg.store.remote.SearchFeed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code etom-kg serve}: builds the store if it is missing or stale, then runs the service. */
@Command(name = "serve", description = "Serve the store: SPARQL at /etom/sparql, named queries and extensions at /api. "
    + "Loopback and read-only unless told otherwise.")
final class ServeCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Mixin StoreOption storeOption;

    @Option(names = "--poll", paramLabel = "SECONDS",
        description = "With --store: how often to ask the store what other processes wrote, for search (default: ${DEFAULT-VALUE})")
    double poll = 2;

    @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 3030;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host = "127.0.0.1";

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Timeout of every query (default: ${DEFAULT-VALUE})")
    long timeout = QueryRunner.DEFAULT_TIMEOUT_SECONDS;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body accepted (default: ${DEFAULT-VALUE}, 10 MiB)")
    long maxBody = 10L * 1024 * 1024;

    @Option(names = "--users", paramLabel = "FILE", description = "Users who may write (see: etom-kg user add); without it nothing can be written")
    Path users;

    @Option(names = "--update", description = "Offer SPARQL Update at /etom/update, for authenticated users")
    boolean update;

    @Option(names = "--admin", description = "Offer Fuseki's admin endpoints under /$/, for authenticated users")
    boolean admin;

    @Option(names = "--validation-timeout", paramLabel = "SECONDS",
        description = "Longest one validation (POST /api/validate, PUT /api/extensions/NAME) may run (default: ${DEFAULT-VALUE})")
    long validationTimeout = ServerOptions.Limits.defaults().validationSeconds();

    @Option(names = "--shacl", description = "Offer Fuseki's SHACL operation at /etom/shacl, for authenticated users")
    boolean shacl;

    @Option(names = "--cors", paramLabel = "ORIGINS", description = "Allow cross-origin requests from these origins (comma-separated)")
    String cors;

    @Override public Integer call() {
        ServerOptions options = ServerOptions.defaults().withPort(port).withHost(host)
            .withLimits(ServerOptions.Limits.defaults().withTimeout(timeout).withMaxBody(maxBody).withValidation(validationTimeout))
            .withUsers(users == null ? Users.none() : Users.load(users)).withUpdate(update).withAdmin(admin).withCors(cors).withShacl(shacl)
            .withLocalKey(LocalKey.generate());
        if (storeOption.remote()) return serveRemote(options);
        StoreBuilder.Result built = new StoreBuilder().ensure(locations.ontology(), locations.data, why -> Progress.say("building the store from "
            + locations.ontology() + " before serving, since " + why + " (about a minute on two cores; once)"));
        LoadCommand.reportLeftOver(built, locations.data);
        if (built.rebuilt()) System.out.printf("built the store: %,d triples in %.1f s%n", built.triples(), built.millis() / 1000.0);
        KnowledgeStore store = KnowledgeStore.open(locations.data);   // refuses a damaged store: exit 2 with the damage
        System.out.printf("checked the store: %d graphs, %,d triples as recorded, in %.1f s%n", store.opened().graphs(),
            store.opened().triples(), store.opened().millis() / 1000.0);
        EtomServer server = EtomServer.start(store, locations.queries(), locations.shapes(), locations.ontology(), options);
        ServerRecord.publish(locations.data, server.queryEndpoint(), options.localKey().value());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerRecord.withdraw(locations.data);
            server.close();
            store.close();
        }));
        return announceAndWait(server);
    }

    private static int announceAndWait(EtomServer server) {
        System.out.println("SPARQL endpoint: " + server.queryEndpoint());
        System.out.println("API: " + server.baseUrl() + "/api/queries  (OpenAPI: " + server.baseUrl() + "/api/openapi.json)");
        System.out.flush();
        server.join();
        return 0;
    }

    /**
     * Serves a remote store: nothing of it is built or kept here but the search replica, so any
     * number of these may serve one store. No server record is left in the data folder: commands
     * that want this store name it with --store too.
     */
    private int serveRemote(ServerOptions options) {
        RemoteStore store = storeOption.open();
        System.out.printf("connected to %s: %d graphs, %,d triples, in %.1f s%n", store.where(), store.opened().graphs(),
            store.opened().triples(), store.opened().millis() / 1000.0);
        SearchFeed search;
        try (Progress.Stage stage = Progress.stage("copying names and identifiers from " + store.where() + " for search")) {
            search = SearchFeed.start(store, locations.ontology(), Math.max(100, Math.round(poll * 1000)));
            stage.done();
        }
        EtomServer server = EtomServer.start(store, locations.queries(), locations.shapes(), locations.ontology(), options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            search.close();
        }));
        return announceAndWait(server);
    }
}
