package org.etomkg.bench.topbraid;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.topbraid.shacl.validation.ValidationUtil;
import org.topbraid.shacl.vocabulary.SH;

/**
 * Validates with TopBraid SHACL the same graphs Jena SHACL validates in etom-kg: the extension
 * alone against extension-file.ttl, and the assembled data graph (extension, release, meta-model,
 * written out by the etom-kg side) against extension.ttl. Prints one line of figures;
 * {@code topbraid_s} is the time of the two {@code ValidationUtil.validateModel} calls (reading
 * the files is not timed).
 *
 * <p>Usage: {@code TopBraidRun EXTENSION.nt DATA.nt EXTENSION-FILE-SHAPES.ttl EXTENSION-SHAPES.ttl [FINDINGS.tsv]};
 * the findings file gets focus node, source shape, result path per result, as the etom-kg side writes them.
 */
public final class TopBraidRun {
    public static void main(String[] args) throws Exception {
        long t = System.nanoTime();
        Model ext = RDFDataMgr.loadModel(args[0]);
        Model data = RDFDataMgr.loadModel(args[1]);
        Model fileShapes = RDFDataMgr.loadModel(args[2]);
        Model unionShapes = RDFDataMgr.loadModel(args[3]);
        double read = secs(t);

        t = System.nanoTime();
        long c = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Resource own = ValidationUtil.validateModel(ext, fileShapes, true);
        double fileS = secs(t);
        t = System.nanoTime();
        Resource union = ValidationUtil.validateModel(data, unionShapes, true);
        double unionS = secs(t);
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c) / 1e9;

        List<String> keys = new ArrayList<>();
        keys.addAll(keys(own.getModel()));
        keys.addAll(keys(union.getModel()));
        Collections.sort(keys);
        if (args.length > 4) {
            try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
                keys.forEach(pw::println);
            }
        }
        System.out.printf("topbraid_s=%.3f topbraid_cpu_s=%.3f file_shapes_s=%.3f union_shapes_s=%.3f read_s=%.3f findings=%d data_triples=%d heap_peak_mb=%.0f%n",
            fileS + unionS, cpu, fileS, unionS, read, keys.size(), data.size(), heapPeakBytes() / 1048576.0);
    }

    /** Same form as the etom-kg side: focus, source shape, path; a blank source shape by its path. */
    static List<String> keys(Model report) {
        Graph g = report.getGraph();
        List<String> out = new ArrayList<>();
        g.find(Node.ANY, SH.result.asNode(), Node.ANY).forEachRemaining(tr -> {
            Node r = tr.getObject();
            Node focus = one(g, r, SH.focusNode.asNode()), shape = one(g, r, SH.sourceShape.asNode()), path = one(g, r, SH.resultPath.asNode());
            String p = path == null ? "-" : path.isBlank() ? "(complex path)" : NodeFmtLib.strNT(path);
            String s = shape == null ? "-" : shape.isBlank() ? "[property shape on " + p + "]" : NodeFmtLib.strNT(shape);
            out.add(NodeFmtLib.strNT(focus) + "\t" + s + "\t" + p);
        });
        return out;
    }

    static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try { return it.hasNext() ? it.next().getObject() : null; } finally { it.close(); }
    }

    static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        return sum;
    }

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
