package org.etomkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.etomkg.progress.Progress;

/**
 * Builds the store of a data folder from the ontology files. A new store is built beside the
 * old one and swapped in only when complete, so a failed load leaves the previous store as it
 * was; the user's own graphs are carried over. Loading the same files twice gives the same store.
 * The search index is built inside the new store folder, so the swap moves it too, and so is the
 * manifest with every graph's triple count and checksum, read back from the new store.
 */
public final class StoreBuilder {
    static final String NEXT = "store.next";

    static final String DAMAGED = "store.damaged";

    /**
     * What a build did, for the command line and the benchmark; {@code leftOver} is a
     * {@code store.next} that an interrupted load had left behind and this one removed;
     * {@code notCarried} says which of the user's graphs a damaged old store could not give back
     * whole (that store is then kept as {@code store.damaged}).
     */
    public record Result(int graphs, long triples, long millis, boolean rebuilt, Optional<Path> leftOver, List<String> notCarried) {
        public Result(int graphs, long triples, long millis, boolean rebuilt) { this(graphs, triples, millis, rebuilt, Optional.empty(), List.of()); }
    }

    /** Rebuilds unconditionally. */
    public Result rebuild(Path ontologyDir, Path dataDir) {
        long start = System.nanoTime();
        EmbeddedStore.recover(dataDir);
        Path store = dataDir.resolve(EmbeddedStore.STORE);
        refuseIfHeld(store);
        Path next = dataDir.resolve(NEXT);
        Path previous = dataDir.resolve(EmbeddedStore.PREVIOUS);
        try {
            Files.createDirectories(dataDir);
            Optional<Path> leftOver = Files.exists(next) ? Optional.of(next) : Optional.empty();
            deleteTree(next);
            List<String> notCarried = new ArrayList<>();
            Built built = build(next, ontologyDir, store, notCarried);   // a file that fails to parse stops it here: only store.next had been written
            SearchIndex.keepSynonyms(ontologyDir, next);
            new StoreManifest(built.fingerprint(), built.shipped(), built.graphs()).write(next);
            deleteTree(previous);
            if (Files.exists(store)) Files.move(store, previous);
            Files.move(next, store);
            if (notCarried.isEmpty()) deleteTree(previous);
            else {
                deleteTree(dataDir.resolve(DAMAGED));
                Files.move(previous, dataDir.resolve(DAMAGED));
            }
            long triples = built.graphs().values().stream().mapToLong(GraphFingerprint::triples).sum();
            return new Result(built.shipped().size(), triples, (System.nanoTime() - start) / 1_000_000, true, leftOver, notCarried);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the store in " + dataDir + ": " + e.getMessage(), e);
        } finally {
            try { deleteTree(next); } catch (IOException ignored) { /* left for the next load to clear */ }
        }
    }

    /** Why {@link #ensure} would build the store, in words; empty when it is current. */
    private static Optional<String> whyBuild(Path ontologyDir, Path dataDir) {
        EmbeddedStore.recover(dataDir);   // an interrupted swap is put right first, as ensure does
        Optional<StoreManifest> manifest = StoreManifest.read(dataDir.resolve(EmbeddedStore.STORE));
        if (manifest.isEmpty()) return Optional.of("there is no store in " + dataDir.resolve(EmbeddedStore.STORE) + " yet");
        if (!manifest.get().fingerprint().equals(OntologyFiles.fingerprint(ontologyDir)))
            return Optional.of("the files in " + ontologyDir + " changed since the store was built");
        if (manifest.get().graphs().isEmpty()) return Optional.of("the store predates its checksums");   // rebuilt once to get them
        return Optional.empty();
    }

    /** Builds when the store is missing or was built from other ontology files. */
    public Result ensure(Path ontologyDir, Path dataDir) {
        return ensure(ontologyDir, dataDir, why -> {});
    }

    /** As {@link #ensure(Path, Path)}, first telling {@code building} why, when it builds. */
    public Result ensure(Path ontologyDir, Path dataDir, java.util.function.Consumer<String> building) {
        Optional<String> why = whyBuild(ontologyDir, dataDir);
        if (why.isPresent()) {
            building.accept(why.get());
            return rebuild(ontologyDir, dataDir);
        }
        return new Result(StoreManifest.read(dataDir.resolve(EmbeddedStore.STORE)).orElseThrow().shippedGraphs().size(), -1, 0, false);
    }

    /** The graphs the files provide, in the files' order; every graph's fingerprint (the user's carried over too); the folder's. */
    private record Built(List<String> shipped, Map<String, GraphFingerprint> graphs, String fingerprint) {}

    /**
     * Writes the graphs with TDB2's bulk loader (the one {@code tdb2.tdbloader} uses), parsing the
     * files straight into it as that command does, then the user's graphs carried over from the old
     * store, and indexes them. The manifest's counts and checksums are taken from the triples as they
     * are handed to the loader, rather than by reading every graph back: the store's check at open
     * compares them with what TDB2 then reads.
     */
    private static Built build(Path location, Path ontologyDir, Path oldStore, List<String> notCarried) {
        // The synonym file's check (it loads Lucene) and the folder's digest run on the second core while the
        // first parses; a bad synonym file still stops the build before anything is swapped in.
        CompletableFuture<String> checked = CompletableFuture.supplyAsync(() -> {
            SearchIndex.checkSynonyms(ontologyDir);
            return OntologyFiles.fingerprint(ontologyDir);
        });
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        try {
            Map<Node, Long> hashes = new HashMap<>();   // nodes recur across graphs (every release names the same properties)
            Map<String, GraphFingerprint> graphs = new TreeMap<>();
            OntologyStream.Read read;
            String fingerprint;
            DataLoader loader = LoaderFactory.phasedLoader(dsg, (format, args) -> {});   // as tdb2.tdbloader; its log lines are not ours to show
            loader.startBulk();
            try {
                StreamRDF into = loader.stream();
                read = OntologyStream.into(ontologyDir, into, hashes);
                fingerprint = joined(checked);
                graphs.putAll(read.graphs());
                // The user's graphs are the old store's that no file provides, so they are read once every file has been.
                Map<Node, List<Quad>> carried = userGraphs(oldStore, read.files().keySet(), notCarried);
                carried.forEach((name, quads) -> {
                    quads.forEach(into::quad);
                    graphs.put(GraphFingerprint.key(name), GraphFingerprint.ofTriples(quads.stream().map(Quad::asTriple).iterator(), hashes));
                });
                try (Progress.Stage stage = Progress.stage("writing the last of " + graphs.size() + " graphs into TDB2")) {
                    loader.finishBulk();
                    stage.done();
                }
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            SearchIndex.build(dsg, location);   // from scratch, so the user's graphs are searchable too
            return new Built(new ArrayList<>(read.files().keySet()), graphs, fingerprint);
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** The value of work done beside, or the error it met, as the caller would have met it. */
    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /**
     * Graphs in the old store that no ontology file ever provided are the user's: keep them. A store
     * without a manifest was never built from files (descriptions loaded before the first build), so
     * all its graphs are the user's. From a damaged store, a graph is carried over only when it reads
     * back as the manifest recorded it; the others are named in {@code notCarried}.
     */
    private static Map<Node, List<Quad>> userGraphs(Path oldStore, java.util.Set<String> fromFiles, List<String> notCarried) {
        Map<Node, List<Quad>> carried = new LinkedHashMap<>();
        if (!Files.isDirectory(oldStore)) return carried;
        Optional<StoreManifest> manifest = StoreManifest.read(oldStore);
        List<String> shipped = manifest.map(StoreManifest::shippedGraphs).orElse(List.of());
        Map<String, GraphFingerprint> recorded = manifest.map(StoreManifest::graphs).orElse(Map.of());
        DatasetGraph old = null;
        try {
            old = DatabaseMgr.connectDatasetGraph(oldStore.toString());
            DatasetGraph from = old;
            Txn.executeRead(from, () -> {
                List<Node> graphs = new ArrayList<>();
                try {
                    from.listGraphNodes().forEachRemaining(graphs::add);
                } catch (RuntimeException e) {
                    usersRecorded(recorded, shipped, fromFiles).forEach(g -> notCarried.add(g + " (the graphs' names cannot be read: " + e.getMessage() + ")"));
                }
                for (Node g : graphs) {
                    if (!g.isURI() || fromFiles.contains(g.getURI()) || shipped.contains(g.getURI())) continue;
                    try {
                        List<Quad> quads = new ArrayList<>();
                        from.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
                        GraphFingerprint expected = recorded.get(g.getURI());
                        if (expected != null && !expected.equals(GraphFingerprint.ofGraph(from, g))) {
                            notCarried.add(g.getURI() + " (it does not read back as stored)");
                            continue;
                        }
                        carried.put(g, quads);
                    } catch (RuntimeException e) {
                        notCarried.add(g.getURI() + " (" + e.getMessage() + ")");
                    }
                }
            });
        } catch (RuntimeException e) {
            usersRecorded(recorded, shipped, fromFiles).forEach(g -> notCarried.add(g + " (TDB2 cannot open the old store: " + e.getMessage() + ")"));
        } finally {
            if (old != null) TDBInternal.expel(old);
        }
        return carried;
    }

    /** The user's graphs as the old manifest recorded them, for when the old store cannot say. */
    private static List<String> usersRecorded(Map<String, GraphFingerprint> recorded, List<String> shipped, java.util.Set<String> fromFiles) {
        return recorded.keySet().stream().filter(g -> !shipped.contains(g) && !fromFiles.contains(g)).toList();
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
