package org.etomkg.cli;

import java.util.function.Function;

import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;

/** Opens the store for a read-only command, building it first when it is missing or stale. */
final class StoreAccess {
    private StoreAccess() {}

    static <T> T withRunner(Locations locations, long timeoutSeconds, Function<QueryRunner, T> work) {
        new StoreBuilder().ensure(locations.ontology(), locations.data);
        try (KnowledgeStore store = KnowledgeStore.open(locations.data); var conn = store.connect()) {
            return work.apply(new QueryRunner(conn, timeoutSeconds));
        }
    }
}
