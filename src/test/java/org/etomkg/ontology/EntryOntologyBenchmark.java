package org.etomkg.ontology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;

/**
 * Prints how long the OWL API (as Protégé uses it: imports through the catalog, no network)
 * takes to open each per-release entry ontology, {@code ontology/etom-R.ttl}, and the whole
 * closure, {@code ontology/etom.ttl}, with the axiom and individual counts of each import
 * closure. Every open uses a fresh manager, so nothing is shared between them; the first run
 * warms the JVM and the best of the runs is reported beside it. Not run by the tests: run
 * {@code bench/entry-ontologies.sh [RUNS]}.
 */
public final class EntryOntologyBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Path> files = new ArrayList<>();
        ReleaseEntries.all().forEach(e -> files.add(e.file()));
        files.add(OfflineCatalog.ONTOLOGY_DIR.resolve("etom.ttl"));
        System.out.printf("%-24s %8s %10s %12s %10s %10s%n", "file", "imports", "axioms", "individuals", "first ms", "best ms");
        for (Path file : files) {
            long first = 0, best = Long.MAX_VALUE;
            OWLOntology last = null;
            for (int i = 0; i < runs; i++) {
                OfflineCatalog catalog = OfflineCatalog.read();
                OWLOntologyManager manager = catalog.manager();
                long start = System.nanoTime();
                last = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(file.toFile()));
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (!catalog.notInCatalog.isEmpty()) throw new IllegalStateException(file + ": not in the catalog: " + catalog.notInCatalog);
                if (i == 0) first = ms;
                best = Math.min(best, ms);
            }
            System.out.printf("%-24s %8d %,10d %,12d %,10d %,10d%n", file.getFileName(), last.importsClosure().count() - 1,
                last.getAxiomCount(Imports.INCLUDED), last.individualsInSignature(Imports.INCLUDED).count(), first, best);
        }
    }
}
