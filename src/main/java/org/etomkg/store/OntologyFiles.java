package org.etomkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.progress.Progress;
import org.etomkg.suggest.TelecomSynonyms;

/**
 * The Turtle files of an ontology folder, each parsed into the named graph its
 * {@code owl:Ontology} IRI names. Any syntax error or warning stops the read with the file,
 * line and column: shipped files must open cleanly in Protégé too.
 */
public final class OntologyFiles {
    private final Map<String, Graph> graphs;
    private final Map<String, Path> files;
    private final String fingerprint;

    private OntologyFiles(Map<String, Graph> graphs, Map<String, Path> files, String fingerprint) {
        this.graphs = graphs;
        this.files = files;
        this.fingerprint = fingerprint;
    }

    public static OntologyFiles read(Path dir) {
        Map<String, Graph> graphs = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        List<Path> listed = list(dir);
        try (Progress.Stage stage = Progress.stage("reading the ontology files in " + dir, listed.size(), "files")) {
            // Parsed side by side, one file per core; checked in the files' order, so the error reported is the first file's.
            List<Parsed> parsed = listed.parallelStream().map(file -> {
                Parsed p = Parsed.of(file);
                stage.advance(1);
                return p;
            }).toList();
            for (Parsed p : parsed) {
                Path file = p.file();
                Graph g = p.graph();
                String iri = ontologyIri(g, file);
                Path earlier = files.putIfAbsent(iri, file);
                if (earlier != null) throw alreadyDeclared(file, iri, earlier);
                graphs.put(iri, g);
            }
            stage.done();
        }
        if (graphs.isEmpty()) throw new StoreException(dir + ": no Turtle files to load");
        return new OntologyFiles(graphs, files, fingerprint(dir));
    }

    /** A digest of every file's path and bytes, so a store can tell whether it is stale. */
    public static String fingerprint(Path dir) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : list(dir)) {
                md.update(dir.relativize(f).toString().getBytes());
                byte[] bytes = Files.readAllBytes(f);
                // In slices: the JIT compiles a method called often, and only compiled code uses the CPU's SHA instructions.
                for (int i = 0; i < bytes.length; i += 1 << 16) md.update(bytes, i, Math.min(1 << 16, bytes.length - i));
            }
            // The search reads the synonyms from the store's copy, and its index has a layout of its own.
            Path synonyms = dir.resolve(TelecomSynonyms.FILE);
            if (Files.isRegularFile(synonyms)) md.update(Files.readAllBytes(synonyms));
            md.update(SearchIndex.LAYOUT.getBytes());
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Graph> graphs() { return graphs; }
    public Map<String, Path> files() { return files; }
    public String fingerprint() { return fingerprint; }

    /**
     * Each graph's checksum: the SHA-256 of its file's bytes, with its triple count. What a remote
     * load compares; not the triples', since blank nodes are named anew at every parse.
     */
    public Map<String, String> checksums() {
        Map<String, String> out = new java.util.TreeMap<>();
        files.forEach((iri, file) -> {
            try {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file));
                out.put(iri, graphs.get(iri).size() + " " + java.util.HexFormat.of().formatHex(sha));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) throw new StoreException(dir + ": no such ontology folder");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".ttl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one Turtle file strictly: the first warning or error stops it, naming file, line and column. */
    public static Graph parse(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        parse(file, StreamRDFLib.graph(g));
        return g;
    }

    /** As {@link #parse(Path)}, the triples handed to {@code into} as they are read. */
    static void parse(Path file, StreamRDF into) {
        try {
            RDFParser.source(file).lang(Lang.TURTLE).errorHandler(new Strict(file)).parse(into);
        } catch (StoreException e) {
            throw e;
        } catch (RiotException e) {
            throw new StoreException(file + ": " + e.getMessage(), e);
        }
    }

    /** A file must name its graph by exactly one ontology IRI. */
    static StoreException notOneOntology(Path file, int found) {
        return new StoreException(file + ": must declare exactly one owl:Ontology with an IRI (it names the file's graph); found " + found);
    }

    static StoreException alreadyDeclared(Path file, String iri, Path earlier) {
        return new StoreException(file + ": declares ontology <" + iri + ">, already declared by " + earlier);
    }

    /** One file's graph, or the error that stopped its parse, raised again when its turn comes. */
    private record Parsed(Path file, Graph parsed, RuntimeException error) {
        static Parsed of(Path file) {
            try {
                return new Parsed(file, parse(file), null);
            } catch (RuntimeException e) {
                return new Parsed(file, null, e);
            }
        }

        Graph graph() {
            if (error != null) throw error;
            return parsed;
        }
    }

    private static String ontologyIri(Graph g, Path file) {
        List<Node> ontologies = g.find(Node.ANY, RDF.type.asNode(), OWL.Ontology.asNode()).mapWith(t -> t.getSubject()).toList();
        if (ontologies.size() != 1 || !ontologies.get(0).isURI())
            throw notOneOntology(file, ontologies.size());
        return ontologies.get(0).getURI();
    }

    private record Strict(Path file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) { fail("warning", message, line, col); }
        @Override public void error(String message, long line, long col) { fail("error", message, line, col); }
        @Override public void fatal(String message, long line, long col) { fail("error", message, line, col); }

        private void fail(String kind, String message, long line, long col) {
            throw new StoreException(file + ":" + line + ":" + col + ": " + kind + ": " + message);
        }
    }
}
