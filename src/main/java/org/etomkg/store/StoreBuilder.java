package org.etomkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Builds the store of a data folder from the ontology files. A new store is built beside the
 * old one and swapped in only when complete, so a failed load leaves the previous store as it
 * was; the user's own graphs are carried over. Loading the same files twice gives the same store.
 * The search index is built inside the new store folder, so the swap moves it too, and so is the
 * manifest with every graph's triple count and checksum, read back from the new store.
 */
public final class StoreBuilder {
    static final String NEXT = "store.next";

    /**
     * What a build did, for the command line and the benchmark; {@code leftOver} is a
     * {@code store.next} that an interrupted load had left behind and this one removed.
     */
    public record Result(int graphs, long triples, long millis, boolean rebuilt, Optional<Path> leftOver) {
        public Result(int graphs, long triples, long millis, boolean rebuilt) { this(graphs, triples, millis, rebuilt, Optional.empty()); }
    }

    /** Rebuilds unconditionally. */
    public Result rebuild(Path ontologyDir, Path dataDir) {
        long start = System.nanoTime();
        OntologyFiles files = OntologyFiles.read(ontologyDir);   // parse everything before touching the store
        KnowledgeStore.recover(dataDir);
        Path store = dataDir.resolve(KnowledgeStore.STORE);
        refuseIfHeld(store);
        Path next = dataDir.resolve(NEXT);
        Path previous = dataDir.resolve(KnowledgeStore.PREVIOUS);
        try {
            Files.createDirectories(dataDir);
            Optional<Path> leftOver = Files.exists(next) ? Optional.of(next) : Optional.empty();
            deleteTree(next);
            Map<String, GraphFingerprint> graphs = build(next, files, store);
            new StoreManifest(files.fingerprint(), new ArrayList<>(files.graphs().keySet()), graphs).write(next);
            deleteTree(previous);
            if (Files.exists(store)) Files.move(store, previous);
            Files.move(next, store);
            deleteTree(previous);
            long triples = graphs.values().stream().mapToLong(GraphFingerprint::triples).sum();
            return new Result(files.graphs().size(), triples, (System.nanoTime() - start) / 1_000_000, true, leftOver);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the store in " + dataDir + ": " + e.getMessage(), e);
        } finally {
            try { deleteTree(next); } catch (IOException ignored) { /* left for the next load to clear */ }
        }
    }

    /** Builds when the store is missing or was built from other ontology files. */
    public Result ensure(Path ontologyDir, Path dataDir) {
        KnowledgeStore.recover(dataDir);
        Optional<StoreManifest> manifest = StoreManifest.read(dataDir.resolve(KnowledgeStore.STORE));
        if (manifest.isPresent() && manifest.get().fingerprint().equals(OntologyFiles.fingerprint(ontologyDir))
                && !manifest.get().graphs().isEmpty())   // a store from before the checksums is rebuilt once to get them
            return new Result(manifest.get().shippedGraphs().size(), -1, 0, false);
        return rebuild(ontologyDir, dataDir);
    }

    /** Writes the graphs, indexes them, and reads every graph back for the manifest's counts and checksums. */
    private static Map<String, GraphFingerprint> build(Path location, OntologyFiles files, Path oldStore) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        try {
            Txn.executeWrite(dsg, () -> {
                files.graphs().forEach((iri, graph) -> add(dsg, NodeFactory.createURI(iri), graph));
                copyUserGraphs(oldStore, files, dsg);
            });
            SearchIndex.build(dsg, location);   // from scratch, so the user's graphs are searchable too
            return Txn.calculateRead(dsg, () -> GraphFingerprint.scan(dsg, true).graphs());
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /**
     * Graphs in the old store that no ontology file ever provided are the user's: keep them. A store
     * without a manifest was never built from files (descriptions loaded before the first build), so
     * all its graphs are the user's.
     */
    private static void copyUserGraphs(Path oldStore, OntologyFiles files, DatasetGraph target) {
        if (!Files.isDirectory(oldStore)) return;
        List<String> shipped = StoreManifest.read(oldStore).map(StoreManifest::shippedGraphs).orElse(List.of());
        DatasetGraph old = DatabaseMgr.connectDatasetGraph(oldStore.toString());
        try {
            Txn.executeRead(old, () -> old.listGraphNodes().forEachRemaining(g -> {
                if (!g.isURI() || files.graphs().containsKey(g.getURI()) || shipped.contains(g.getURI())) return;
                old.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(target::add);
            }));
        } finally {
            TDBInternal.expel(old);
        }
    }

    private static void add(DatasetGraph dsg, Node name, Graph graph) {
        graph.find().forEachRemaining(t -> dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /** A store another live process holds (a running serve) must not be swapped from under it. */
    private static void refuseIfHeld(Path store) {
        holder(store).ifPresent(pid -> {
            throw new StoreException(store + " is in use by process " + pid
                + " (a running './etom-kg serve'?): stop it before loading, or use --data DIR");
        });
    }

    /** Another live process whose id is in the store's TDB2 lock file, if any. */
    static Optional<Long> holder(Path store) {
        Path lock = store.resolve("tdb.lock");
        try {
            if (!Files.isRegularFile(lock)) return Optional.empty();
            String text = Files.readString(lock).strip();
            if (!text.matches("[0-9]{1,10}")) return Optional.empty();
            long pid = Long.parseLong(text);
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                ? Optional.of(pid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();   // unreadable lock: let TDB2 itself decide when the store is opened
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
