package org.etomkg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionHeader;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.ReferenceFramework;
import org.etomkg.vocab.ETOM;

/** Shared pieces of the validation benchmark: the data graph, shape subsets, findings, memory. */
final class Bench {
    static { org.apache.jena.sys.JenaSystem.init(); }

    private Bench() {}

    /**
     * The data graph exactly as {@code ExtensionValidator.validate} builds it (no release override):
     * the extension, the release its header names, the meta-model, and the few triples of other
     * releases' processes the extension points at.
     */
    static Graph dataGraph(Graph extension, ReferenceFramework reference) {
        Graph data = GraphFactory.createDefaultGraph();
        extension.find().forEachRemaining(data::add);
        return dataGraph(data, extension, reference);
    }

    /** The release, meta-model and foreign references, built by the validator's own code. */
    private static Graph dataGraph(Graph data, Graph extension, ReferenceFramework reference) {
        Node header = ExtensionHeader.find(extension).orElseThrow();
        String release = ExtensionHeader.release(extension, header).orElseThrow();
        new ExtensionValidator(Path.of(System.getProperty("etomkg.shapes", "shapes")), reference)
            .referenceData(extension, release).find().forEachRemaining(data::add);
        return data;
    }

    /**
     * The same data as {@link #dataGraph}, without copying the extension: a read-only union of
     * the extension and a (small) graph of the release, meta-model and foreign references. For
     * measuring what the copy costs; the validator does not do this.
     */
    static Graph dataUnion(Graph extension, ReferenceFramework reference) {
        Graph empty = GraphFactory.createDefaultGraph();
        Graph rest = dataGraph(empty, extension, reference);
        return new org.apache.jena.graph.compose.Union(extension, rest);
    }

    /** The node shapes of a shapes graph (subjects typed sh:NodeShape), in IRI order. */
    static List<Node> nodeShapes(Graph shapes) {
        List<Node> out = new ArrayList<>(shapes.find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape).mapWith(Triple::getSubject).toSet());
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    /**
     * A shapes graph holding one node shape: its own triples and everything reachable through
     * blank nodes, plus the ontology node(s) its sh:prefixes point at (with their sh:declare).
     */
    static Graph oneShape(Graph shapes, Node shape) {
        Graph g = GraphFactory.createDefaultGraph();
        Set<Node> done = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(shape));
        while (!todo.isEmpty()) {
            Node s = todo.pop();
            if (!done.add(s)) continue;
            shapes.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                g.add(t);
                if (t.getObject().isBlank() || t.getPredicate().equals(SHACL.prefixes)) todo.push(t.getObject());
            });
        }
        return g;
    }

    /**
     * Findings of a SHACL report as comparable keys: focus node, source shape, result path
     * (N-Triples forms, tab separated). A blank source shape (the property shapes of
     * R01-Header) becomes {@code [property shape on PATH]}, since blank node labels differ
     * between two parses of the same shapes file.
     */
    static List<String> findingKeys(Model report) {
        Graph g = report.getGraph();
        List<String> out = new ArrayList<>();
        g.find(Node.ANY, SHACL.result, Node.ANY).forEachRemaining(t -> {
            Node r = t.getObject();
            Node focus = one(g, r, SHACL.focusNode), shape = one(g, r, SHACL.sourceShape), path = one(g, r, SHACL.resultPath);
            String p = path == null ? "-" : path.isBlank() ? "(complex path)" : NodeFmtLib.strNT(path);
            String s = shape == null ? "-" : shape.isBlank() ? "[property shape on " + p + "]" : NodeFmtLib.strNT(shape);
            out.add(NodeFmtLib.strNT(focus) + "\t" + s + "\t" + p);
        });
        Collections.sort(out);
        return out;
    }

    static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try { return it.hasNext() ? it.next().getObject() : null; } finally { it.close(); }
    }

    static void writeLines(Path file, List<String> lines) throws IOException {
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(file))) {
            lines.forEach(pw::println);
        }
    }

    /** Sum of the peak usage of the heap's memory pools since start (an upper bound of the heap high-water). */
    static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        return sum;
    }

    static double gcSeconds() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms / 1000.0;
    }

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    /** CPU time of the calling thread, in nanoseconds: less disturbed than wall time on a shared machine. */
    static long cpu() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }

    static double cpuSecs(long c0) { return (cpu() - c0) / 1e9; }
}
