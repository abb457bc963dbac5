package org.etomkg.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.progress.Progress;

/**
 * The ontology files read as {@code tdb2.tdbloader} reads its input: parsed one after another
 * straight into the loader, so the parse runs while the loader's own threads index, and no file is
 * held whole in memory. Each file's triples go into the graph its {@code owl:Ontology} names
 * (triples before that declaration wait for it), counted and checksummed on the way as the
 * manifest records them. The rules and messages are {@link OntologyFiles#read}'s: a syntax error or
 * warning, no or two ontology IRIs, or an IRI another file declared stops the read; what was
 * streamed by then is the caller's to throw away.
 */
final class OntologyStream {
    /** What was read: each graph's file and fingerprint, in the files' order. */
    record Read(Map<String, Path> files, Map<String, GraphFingerprint> graphs) {}

    private OntologyStream() {}

    /** Streams every file of {@code dir} into {@code quads}; {@code hashes} caches nodes' hashes (nodes recur across files). */
    static Read into(Path dir, StreamRDF quads, Map<Node, Long> hashes) {
        List<Path> listed = OntologyFiles.list(dir);
        if (listed.isEmpty()) throw new StoreException(dir + ": no Turtle files to load");
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, GraphFingerprint> graphs = new TreeMap<>();
        // Counted in kB, since the files run from a few lines to the largest release: by files, the estimate would be far off.
        long kB = listed.stream().mapToLong(OntologyStream::kB).sum();
        try (Progress.Stage stage = Progress.stage("loading the " + listed.size() + " ontology files in " + dir + " into TDB2", kB, "kB")) {
            for (Path file : listed) {
                OneFile one = new OneFile(file, quads, files, hashes);
                OntologyFiles.parse(file, one);
                graphs.put(one.graphName(), new GraphFingerprint(one.triples, one.checksum));
                stage.advance(kB(file));
            }
            stage.done();
        }
        return new Read(files, graphs);
    }

    private static long kB(Path file) {
        try {
            return Math.max(1, java.nio.file.Files.size(file) / 1024);
        } catch (java.io.IOException e) {
            return 1;   // the parse will say what is wrong with it
        }
    }

    /** One file's triples on their way into its graph. */
    private static final class OneFile extends StreamRDFBase {
        private static final Node TYPE = RDF.type.asNode();
        private static final Node ONTOLOGY = OWL.Ontology.asNode();
        private final Path file;
        private final StreamRDF out;
        private final Map<String, Path> claimed;
        private final Map<Node, Long> hashes;
        private final Set<Triple> seen = new HashSet<>();   // a graph holds a triple once, however often the file says it
        private final List<Triple> waiting = new ArrayList<>();
        private Node graph;
        private int ontologies;
        long triples;
        long checksum;

        OneFile(Path file, StreamRDF out, Map<String, Path> claimed, Map<Node, Long> hashes) {
            this.file = file;
            this.out = out;
            this.claimed = claimed;
            this.hashes = hashes;
        }

        @Override public void triple(Triple t) {
            if (!seen.add(t)) return;
            triples++;
            checksum += GraphFingerprint.triple(hash(t.getSubject()), hash(t.getPredicate()), hash(t.getObject()));
            if (t.getPredicate().equals(TYPE) && t.getObject().equals(ONTOLOGY) && ++ontologies == 1 && t.getSubject().isURI()) {
                graph = t.getSubject();
                Path earlier = claimed.putIfAbsent(graph.getURI(), file);
                if (earlier != null) throw OntologyFiles.alreadyDeclared(file, graph.getURI(), earlier);
                waiting.forEach(w -> out.quad(Quad.create(graph, w)));
                waiting.clear();
            }
            if (graph == null) waiting.add(t);
            else out.quad(Quad.create(graph, t));
        }

        @Override public void quad(Quad q) {
            triple(q.asTriple());   // Turtle has no graphs; a quad here would be a parser's detail
        }

        /** The graph's name, once the whole file has been read. */
        String graphName() {
            if (ontologies != 1 || graph == null)
                throw OntologyFiles.notOneOntology(file, ontologies);
            return graph.getURI();
        }

        private long hash(Node n) {
            Long h = hashes.get(n);
            if (h == null) hashes.put(n, h = GraphFingerprint.node(n));
            return h;
        }
    }
}
