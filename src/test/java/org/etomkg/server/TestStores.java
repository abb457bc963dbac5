package org.etomkg.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ShippedStore;
import org.etomkg.store.StoreContents;

/** Stores for the service tests: built from the real {@code ontology/} into a temporary folder. */
final class TestStores {
    static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();
    static final Path QUERIES = Path.of("queries").toAbsolutePath();
    static final Path SHAPES = Path.of("shapes").toAbsolutePath();

    private TestStores() {}

    /**
     * A store built from {@code ontology/}, as a data folder {@code tmp/data} of its own. The build
     * runs once per test JVM ({@link ShippedStore}); each caller gets a copy of it, free to write to.
     */
    static Path built(Path tmp) {
        return ShippedStore.copyTo(tmp.resolve("data"));
    }

    /** Copies a data folder; the lock file stays behind, since no process holds the copy. */
    static void copyTree(Path from, Path to) throws IOException {
        ShippedStore.copyTree(from, to);
    }

    /** Every quad of the store, counted in one read transaction. */
    static long quads(KnowledgeStore store) {
        return StoreContents.quads(store);
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
