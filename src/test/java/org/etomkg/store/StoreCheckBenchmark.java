package org.etomkg.store;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Prints what trusting the store costs, on a store built from {@code ontology/}: the check at
 * open (every triple read back, indexes compared, every node looked up again), its cheap part
 * that health repeats (counts and index agreement), and a rebuild of the search index, as after
 * a crash. Each run starts from a store TDB2 has just opened, caches empty.
 * Run by {@code bench/store-check.sh [RUNS]}.
 */
public final class StoreCheckBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path data = Files.createTempDirectory("etom-kg-check");
        StoreBuilder.Result built = new StoreBuilder().rebuild(Path.of("ontology"), data);
        System.out.printf("store: %d graphs, %,d triples (built in %.1f s)%n", built.graphs(), built.triples(), built.millis() / 1000.0);
        Path store = data.resolve(EmbeddedStore.STORE);
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            try (KnowledgeStore opened = KnowledgeStore.open(data)) {
                long open = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("run %d: open %d ms, of which the check %d ms (%s)%n", i, open, opened.opened().millis(),
                    opened.opened().sound() ? "sound" : opened.opened().message());
            }
            DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(store.toString());
            try {
                long t1 = System.nanoTime();
                Txn.executeRead(tdb, () -> GraphFingerprint.scan(tdb, false));
                long t2 = System.nanoTime();
                long docs = SearchIndex.build(tdb, store);
                long t3 = System.nanoTime();
                System.out.printf("run %d: cheap check (counts, indexes) %d ms; search index rebuilt from the store: %,d entries in %d ms%n",
                    i, (t2 - t1) / 1_000_000, docs, (t3 - t2) / 1_000_000);
            } finally {
                TDBInternal.expel(tdb);
            }
        }
        StoreBuilder.deleteTree(data);
    }
}
