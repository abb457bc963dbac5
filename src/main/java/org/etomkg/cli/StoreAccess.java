package org.etomkg.cli;

import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.rdfconnection.RDFConnection;
import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ServerRecord;
import org.etomkg.store.StoreBuilder;

/**
 * Gives a read-only command its connection: to the remote store given with {@code --store}; else
 * through the endpoint of a {@code serve} running on the same data folder (which holds the
 * store's lock), or else the embedded store, built first when it is missing or stale.
 */
final class StoreAccess {
    private StoreAccess() {}

    static <T> T withRunner(Locations locations, long timeoutSeconds, Function<QueryRunner, T> work) {
        return withConnection(locations, conn -> work.apply(new QueryRunner(conn, timeoutSeconds)));
    }

    static <T> T withRunner(Locations locations, StoreOption store, long timeoutSeconds, Function<QueryRunner, T> work) {
        return withConnection(locations, store, conn -> work.apply(new QueryRunner(conn, timeoutSeconds)));
    }

    /** A query connection to the remote store when one is given, else as {@link #withConnection(Locations, Function)}. */
    static <T> T withConnection(Locations locations, StoreOption store, Function<RDFConnection, T> work) {
        if (!store.remote()) return withConnection(locations, work);
        try (KnowledgeStore remote = store.open(); var conn = remote.connect()) {
            return work.apply(conn);
        }
    }

    /** A query connection to the store, through a running server when there is one. */
    static <T> T withConnection(Locations locations, Function<RDFConnection, T> work) {
        Optional<String> endpoint = runningEndpoint(locations);
        if (endpoint.isPresent()) {
            try (RDFConnection conn = RDFConnection.queryConnect(endpoint.get())) {
                return work.apply(conn);
            }
        }
        LoadCommand.reportLeftOver(new StoreBuilder().ensure(locations.ontology(), locations.data), locations.data);
        try (KnowledgeStore store = KnowledgeStore.open(locations.data); var conn = store.connect()) {
            return work.apply(conn);
        }
    }

    /** The endpoint of a {@code serve} running on this data folder, when it answers. */
    static Optional<String> runningEndpoint(Locations locations) {
        return ServerRecord.endpoint(locations.data).filter(StoreAccess::answers);
    }

    private static boolean answers(String endpoint) {
        try (RDFConnection conn = RDFConnection.queryConnect(endpoint)) {
            return conn.queryAsk("ASK {}");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
