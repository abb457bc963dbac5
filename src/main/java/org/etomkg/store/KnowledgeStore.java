package org.etomkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The embedded TDB2 store under a data folder ({@code DATA/store}). Everything else reaches
 * the data through {@link #connect()} or {@link #datasetGraph()}, the one seam a remote
 * SPARQL store could stand behind. The default graph is the union of the named graphs. The
 * dataset carries the search index ({@link SearchIndex}): it answers {@code text:query}, and
 * writes through it index new names and descriptions.
 */
public final class KnowledgeStore implements AutoCloseable {
    static final String STORE = "store";
    static final String PREVIOUS = "store.previous";

    private final Path dataDir;
    private final DatasetGraph tdb;
    private final SearchIndex.Opened index;
    private final DatasetGraph dsg;

    private KnowledgeStore(Path dataDir, DatasetGraph tdb, SearchIndex.Opened index) {
        this.dataDir = dataDir;
        this.tdb = tdb;
        this.index = index;
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        tdb.getContext().set(ARQ.httpServiceAllowed, false);
        // The plain wrapper keeps jena-text from joining TDB2's transaction coordinator: joined, a query
        // stopped by its timeout while others ran left a transaction open for good, so close could not
        // expel the store. Unjoined, the index commits right after TDB2 does. The context is TDB2's.
        this.dsg = TextDatasetFactory.create(new DatasetGraphWrapper(tdb), index.index(), false);
    }

    /** True when a store has been built in this data folder. */
    public static boolean exists(Path dataDir) {
        recover(dataDir);
        return Files.isDirectory(dataDir.resolve(STORE)) && StoreManifest.read(dataDir.resolve(STORE)).isPresent();
    }

    /** Opens (or creates, empty) the store of a data folder. */
    public static KnowledgeStore open(Path dataDir) {
        recover(dataDir);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir + ": " + e.getMessage(), e);
        }
        Path store = dataDir.resolve(STORE);
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            if (!SearchIndex.exists(store)) SearchIndex.build(tdb, store);   // a store built before there was an index
            return new KnowledgeStore(dataDir, tdb, SearchIndex.open(store));
        } catch (RuntimeException e) {
            TDBInternal.expel(tdb);
            throw e;
        }
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

    public DatasetGraph datasetGraph() { return dsg; }

    /** A connection to the store; the seam through which loading, querying and checking reach the data. */
    public RDFConnection connect() {
        return RDFConnection.connect(DatasetFactory.wrap(dsg));
    }

    /** The named graphs, in IRI order. */
    public List<String> graphNames() {
        return Txn.calculateRead(dsg, () -> {
            List<String> names = new java.util.ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
            names.sort(null);
            return names;
        });
    }

    /** Replaces one named graph in a single write transaction: readers see the old graph or the new one. */
    public void replaceGraph(String graphIri, Graph content) {
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
