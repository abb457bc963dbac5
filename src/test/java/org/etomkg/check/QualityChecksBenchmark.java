package org.etomkg.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;

/**
 * Prints what each quality check of {@code queries/checks/} costs on a store built from an
 * ontology folder (the shipped one by default), and the whole run, as {@code check} does it.
 * Run by {@code bench/quality-checks.sh [ONTOLOGY-DIR] [RUNS]}.
 */
public final class QualityChecksBenchmark {
    public static void main(String[] args) throws Exception {
        Path ontology = Path.of(args.length > 0 ? args[0] : "ontology");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path data = Files.createTempDirectory("etom-kg-checks");
        StoreBuilder.Result built = new StoreBuilder().rebuild(ontology, data);
        System.out.printf("store from %s: %d graphs, %,d triples%n", ontology, built.graphs(), built.triples());
        QualityChecks all = new QualityChecks(Path.of("queries", "checks"));
        try (KnowledgeStore store = KnowledgeStore.open(data); var conn = store.connect()) {
            QueryRunner runner = new QueryRunner(conn, 600);
            for (int i = 1; i <= runs; i++) {
                long skos = 0, others = 0;
                for (NamedQuery q : all.checks()) {
                    long t0 = System.nanoTime();
                    int rows = runner.run(q, Map.of()).rows().size();
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (q.name().startsWith("skos-")) skos += ms; else others += ms;
                    if (i == runs) System.out.printf("  %-34s %6d ms %7d findings%n", q.name(), ms, rows);
                }
                long t0 = System.nanoTime();
                List<Finding> findings = all.run(runner);
                long whole = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("run %d: the SKOS checks %d ms, the others %d ms; all %d checks in one run %d ms (%d findings)%n",
                    i, skos, others, all.checks().size(), whole, findings.size());
            }
        }
        try (var walk = Files.walk(data)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
