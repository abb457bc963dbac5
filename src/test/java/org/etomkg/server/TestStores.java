package org.etomkg.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;

/** Stores for the service tests: built from the real {@code ontology/} into a temporary folder. */
final class TestStores {
    static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();
    static final Path QUERIES = Path.of("queries").toAbsolutePath();
    static final Path SHAPES = Path.of("shapes").toAbsolutePath();

    private TestStores() {}

    /** Builds the store from {@code ontology/} into {@code tmp/data} and returns that data folder. */
    static Path built(Path tmp) {
        Path data = tmp.resolve("data");
        new StoreBuilder().rebuild(ONTOLOGY, data);
        return data;
    }

    /** Every quad of the store, counted in one read transaction. */
    static long quads(KnowledgeStore store) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            long n = 0;
            for (var it = store.datasetGraph().find(); it.hasNext(); it.next()) n++;
            return n;
        });
    }

    /** The triples of one named graph. */
    static long triples(KnowledgeStore store, String graph) {
        Node g = NodeFactory.createURI(graph);
        return Txn.calculateRead(store.datasetGraph(), () -> {
            long n = 0;
            for (var it = store.datasetGraph().find(g, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); it.next()) n++;
            return n;
        });
    }

    /** A folder of named queries: a copy of {@code queries/} plus the given extra files. */
    static Path queriesWith(Path dir, Path... extra) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(QUERIES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".rq")).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        for (Path p : extra) Files.copy(p, dir.resolve(p.getFileName()));
        return dir;
    }
}
