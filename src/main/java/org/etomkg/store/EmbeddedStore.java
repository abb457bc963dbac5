package org.etomkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.etomkg.progress.Progress;

/**
 * The embedded TDB2 store under a data folder ({@code DATA/store}), the default
 * {@link KnowledgeStore}. The default graph is the union of the named graphs. The
 * dataset carries the search index ({@link SearchIndex}): it answers {@code text:query}, and
 * writes through it index new names and descriptions.
 *
 * <p>Trust. {@link #open} refuses a damaged store rather than serve wrong answers: it reads every
 * graph back and compares its triple count and checksum with the manifest, and checks that
 * TDB2's indexes agree with one another ({@link GraphFingerprint}); a store TDB2 cannot open at
 * all is called damaged too. Every committed write keeps the manifest in step ({@link GraphLedger},
 * {@link LedgeredDataset}), and a write that a crash cut short between TDB2's commit and the
 * index's is finished at the next open: the index is rebuilt from the store. While the store is
 * open, {@link #integrity()} answers from the last check and repeats its cheap part (counts and
 * index agreement, no node table reads) at most once a minute.
 */
public final class EmbeddedStore implements KnowledgeStore {
    static final String STORE = "store";
    static final String PREVIOUS = "store.previous";
    static final long RECHECK_MILLIS = 60_000;

    static { MarkedName.register(); }   // queries/search.rq marks the words it matched

    private final Path dataDir;
    private final DatasetGraph tdb;
    private final SearchIndex.Opened index;
    private final GraphLedger ledger;
    private final DatasetGraph dsg;
    private final Integrity opened;
    private volatile Integrity last;
    private volatile long lastAt;

    private EmbeddedStore(Path dataDir, DatasetGraph tdb, SearchIndex.Opened index, GraphLedger ledger, Integrity opened) {
        this.dataDir = dataDir;
        this.tdb = tdb;
        this.index = index;
        this.ledger = ledger;
        this.opened = opened;
        this.last = opened;
        this.lastAt = System.currentTimeMillis();
        this.dsg = LedgeredDataset.over(tdb, index.index(), ledger);
    }

    /** True when a store has been built from ontology files in this data folder. */
    public static boolean exists(Path dataDir) {
        recover(dataDir);
        return Files.isDirectory(dataDir.resolve(STORE))
            && StoreManifest.read(dataDir.resolve(STORE)).filter(m -> !m.fingerprint().isBlank()).isPresent();
    }

    /**
     * Opens (or creates, empty) the store of a data folder, after checking it; a write a crash
     * interrupted is finished first (the search index rebuilt).
     *
     * @throws StoreException naming the damage when the store is damaged
     */
    public static EmbeddedStore open(Path dataDir) {
        recover(dataDir);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir + ": " + e.getMessage(), e);
        }
        Path store = dataDir.resolve(STORE);
        DatasetGraph tdb = connect(store);
        try {
            GraphLedger ledger = GraphLedger.of(store);
            Check check;
            try (Progress.Stage stage = Progress.stage("checking the store in " + store + " against its manifest")) {
                check = check(store, tdb, ledger, true);
                stage.done();
            }
            if (!check.integrity().sound()) throw new StoreException(check.integrity().message());
            if (ledger.interrupted() || !SearchIndex.exists(store)) SearchIndex.build(tdb, store);   // after a crash, or a store from before the index
            ledger.settle(check.found());
            tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
            tdb.getContext().set(ARQ.httpServiceAllowed, false);
            return new EmbeddedStore(dataDir, tdb, SearchIndex.open(store), ledger, check.integrity());
        } catch (RuntimeException e) {
            TDBInternal.expel(tdb);
            throw e;
        }
    }

    /** TDB2's own refusals to open a store are damage too, unless another live process holds its lock. */
    private static DatasetGraph connect(Path store) {
        try {
            return DatabaseMgr.connectDatasetGraph(store.toString());
        } catch (RuntimeException e) {
            if (StoreBuilder.holder(store).isPresent()) throw e;   // in use, not damaged
            throw new StoreException(damaged(store, "TDB2 cannot open it: " + e.getMessage()), e);
        }
    }

    static String damaged(Path store, String what) {
        return "the store in " + store + " is damaged (" + what + "): run ./etom-kg load to rebuild it";
    }

    /** The store's graphs as found, and the verdict on them. */
    private record Check(Map<String, GraphFingerprint> found, Integrity integrity) {}

    /**
     * Compares the store with its manifest: the indexes with one another and, per graph, the count
     * of the primary index; when {@code full}, also every triple read back through the node table.
     * The snapshot and the recorded fingerprints are taken together, so a write committing
     * meanwhile is seen wholly or not at all. A failure to read is damage too.
     */
    private static Check check(Path store, DatasetGraph tdb, GraphLedger ledger, boolean full) {
        long start = System.nanoTime();
        Map<String, GraphFingerprint> expected, noted;
        ledger.commits.lock();
        try {
            tdb.begin(ReadWrite.READ);
            expected = ledger.expected();
            noted = ledger.noted();
        } finally {
            ledger.commits.unlock();
        }
        try {
            GraphFingerprint.Scan scan = GraphFingerprint.scan(tdb, full);
            List<String> problems = new ArrayList<>(disagreements(scan.indexes()));
            Map<String, GraphFingerprint> found = scan.graphs();
            if (!full) {
                found = new TreeMap<>(scan.indexes().getOrDefault("GSPO", Map.of()));
                scan.indexes().getOrDefault("SPO", Map.of()).forEach(found::put);
            }
            problems.addAll(GraphLedger.differences(found, expected, noted, !full));
            long triples = found.values().stream().mapToLong(GraphFingerprint::triples).sum();
            long millis = (System.nanoTime() - start) / 1_000_000;
            String message = problems.isEmpty() ? "ok" : damaged(store, problems.get(0)
                + (problems.size() > 1 ? "; and " + (problems.size() - 1) + " more" : ""));
            return new Check(found, new Integrity(problems.isEmpty(), message, found.size(), triples, millis));
        } catch (RuntimeException e) {
            return new Check(Map.of(), new Integrity(false, damaged(store, "reading it failed: " + e), 0, 0,
                (System.nanoTime() - start) / 1_000_000));
        } finally {
            tdb.end();
        }
    }

    /** Each of a table's indexes must hold the same tuples, graph by graph. */
    private static List<String> disagreements(Map<String, Map<String, GraphFingerprint>> indexes) {
        List<String> out = new ArrayList<>();
        for (String primary : List.of("GSPO", "SPO"))
            indexes.forEach((name, perGraph) -> {
                if (name.length() != primary.length() || name.equals(primary)) return;
                Map<String, GraphFingerprint> reference = indexes.getOrDefault(primary, Map.of());
                if (!perGraph.equals(reference)) out.add("its index " + name + " disagrees with " + primary);
            });
        return out;
    }

    @Override public long writes() { return ledger.writes(); }

    @Override public Integrity opened() { return opened; }

    /**
     * The cheap part of the check (counts and the indexes' agreement) is repeated when the last
     * one is more than a minute old; a store once found damaged stays so until it is opened again.
     */
    @Override public Integrity integrity() {
        if (last.sound() && System.currentTimeMillis() - lastAt > RECHECK_MILLIS) {
            synchronized (this) {
                if (last.sound() && System.currentTimeMillis() - lastAt > RECHECK_MILLIS) {
                    last = check(dataDir.resolve(STORE), tdb, ledger, false).integrity();
                    lastAt = System.currentTimeMillis();
                }
            }
        }
        return last;
    }

    /** Checks the whole store now, as {@link #open} does, and keeps the verdict for {@link #integrity()}. */
    @Override public synchronized Integrity verify() {
        Integrity now = check(dataDir.resolve(STORE), tdb, ledger, true).integrity();
        if (last.sound()) last = now;
        lastAt = System.currentTimeMillis();
        return now;
    }

    /** Finishes a swap that a crash interrupted: the previous store comes back if no new one took its place. */
    static void recover(Path dataDir) {
        Path store = dataDir.resolve(STORE), previous = dataDir.resolve(PREVIOUS);
        try {
            if (!Files.exists(store) && Files.isDirectory(previous)) Files.move(previous, store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + previous + ": " + e.getMessage(), e);
        }
    }

    public Path dataDir() { return dataDir; }

    @Override public String where() { return dataDir.resolve(STORE).toString(); }

    @Override public DatasetGraph datasetGraph() { return dsg; }

    @Override public RDFConnection connect() {
        return RDFConnection.connect(DatasetFactory.wrap(dsg));
    }

    @Override public List<String> graphNames() {
        return Txn.calculateRead(dsg, () -> {
            List<String> names = new java.util.ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
            names.sort(null);
            return names;
        });
    }

    /** As the manifest records them, without reading the store: every committed write keeps these in step. */
    @Override public Map<String, Long> graphTriples() {
        Map<String, Long> out = new TreeMap<>();
        ledger.expected().forEach((g, f) -> { if (!g.equals(GraphFingerprint.DEFAULT_GRAPH)) out.put(g, f.triples()); });
        return out;
    }

    @Override public void replaceGraph(String graphIri, Graph content) {
        Node g = NodeFactory.createURI(graphIri);
        Txn.executeWrite(dsg, () -> {
            dsg.removeGraph(g);
            content.find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    @Override public void close() {
        try {
            TDBInternal.expel(tdb);
        } finally {
            index.close();
        }
    }
}
