package org.etomkg.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.store.OntologyFiles;

/**
 * Runs the floor (see {@link Floor}) over the data graph the validator builds, in this JVM,
 * and prints one line {@code floor_s=... violators=...} plus the time of each query.
 * Only the queries are timed: reading the extension and assembling the graph are not.
 *
 * <p>Usage: {@code SparqlFloor EXT.nt [--shapes DIR] [--ontology DIR] [--iterations K]
 * [--violators FILE] [--write-data FILE.nt] [--quiet] [--union]}. With K > 1 the queries run K times;
 * the first (cold) run is {@code floor_s}, the fastest {@code floor_warm_s}.
 * {@code --write-data} writes the assembled data graph as N-Triples, for TopBraid.
 * {@code --union} queries a union view of the extension and the reference instead of a copy
 * (to measure what copying the extension into the data graph costs).
 */
public final class SparqlFloor {
    static { org.apache.jena.sys.JenaSystem.init(); }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path shapesDir = Path.of("shapes"), ontology = Path.of("ontology"), violatorsFile = null, writeData = null;
        int iterations = 1;
        boolean quiet = false, union = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--shapes" -> shapesDir = Path.of(args[++i]);
                case "--ontology" -> ontology = Path.of(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--violators" -> violatorsFile = Path.of(args[++i]);
                case "--write-data" -> writeData = Path.of(args[++i]);
                case "--quiet" -> quiet = true;
                case "--union" -> union = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Graph ext = ExtensionFiles.read(file);
        OntologyFolder reference = new OntologyFolder(ontology);
        reference.release("25.5");
        long t0 = System.nanoTime();
        Graph data = union ? Bench.dataUnion(ext, reference) : Bench.dataGraph(ext, reference);
        double assemble = Bench.secs(t0);
        if (writeData != null) {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(writeData), 1 << 16)) {
                RDFDataMgr.write(os, data, Lang.NTRIPLES);
            }
        }
        List<Floor.Rule> rules = Floor.rules(OntologyFiles.parse(shapesDir.resolve(ExtensionValidator.FILE_SHAPES)),
            OntologyFiles.parse(shapesDir.resolve(ExtensionValidator.UNION_SHAPES)));

        Floor.Outcome first = null;
        double best = Double.MAX_VALUE;
        for (int it = 0; it < iterations; it++) {
            Floor.Outcome o = Floor.run(rules, ext, data);
            if (first == null) first = o;
            best = Math.min(best, o.seconds());
        }
        if (!quiet) {
            for (int i = 0; i < rules.size(); i++) {
                Floor.Rule r = rules.get(i);
                double[] f = first.perRule().get(i);
                System.out.printf("  %-28s %-34s %8.3f s %8.3f s cpu %8d rows%n", r.shape(), r.label(), f[0], f[2], (long) f[1]);
            }
        }
        long violators = first.violators().values().stream().mapToLong(Set::size).sum();
        if (violatorsFile != null) {
            List<String> lines = new ArrayList<>();
            first.violators().forEach((shape, nodes) -> { for (Node n : nodes) lines.add(NodeFmtLib.strNT(n) + "\t" + shape); });
            java.util.Collections.sort(lines);
            Bench.writeLines(violatorsFile, lines);
        }
        System.out.printf("floor_s=%.3f floor_cpu_s=%.3f floor_warm_s=%.3f assemble_s=%.3f queries=%d violators=%d ext_triples=%d data_triples=%d heap_peak_mb=%.0f%n",
            first.seconds(), first.cpuSeconds(), best, assemble, rules.size(), violators, ext.size(), data.size(), Bench.heapPeakBytes() / 1048576.0);
    }
}
