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
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The embedded TDB2 store under a data folder ({@code DATA/store}). Everything else reaches
 * the data through {@link #connect()} or {@link #datasetGraph()}, the one seam a remote
 * SPARQL store could stand behind. The default graph is the union of the named graphs.
 */
public final class KnowledgeStore implements AutoCloseable {
    static final String STORE = "store";
    static final String PREVIOUS = "store.previous";

    private final Path dataDir;
    private final DatasetGraph dsg;

    private KnowledgeStore(Path dataDir, DatasetGraph dsg) {
        this.dataDir = dataDir;
        this.dsg = dsg;
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        dsg.getContext().set(ARQ.httpServiceAllowed, false);
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
        return new KnowledgeStore(dataDir, DatabaseMgr.connectDatasetGraph(dataDir.resolve(STORE).toString()));
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
        TDBInternal.expel(dsg);
    }
}
