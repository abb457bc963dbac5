package org.etomkg.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The store the commands and the service work on: the embedded TDB2 store of a data folder
 * ({@link EmbeddedStore}, the default), or a remote SPARQL 1.1 store
 * ({@code org.etomkg.store.remote.RemoteStore}). Everything reaches the data through
 * {@link #connect()} or {@link #datasetGraph()}. The default graph is the union of the named graphs.
 */
public interface KnowledgeStore extends AutoCloseable {

    /** What the last check of the store found; {@code message} says what is wrong when it is not sound. */
    record Integrity(boolean sound, String message, int graphs, long triples, long millis) {}

    /** True when a store has been built from ontology files in this data folder. */
    static boolean exists(Path dataDir) { return EmbeddedStore.exists(dataDir); }

    /**
     * Opens (or creates, empty) the embedded store of a data folder, after checking it.
     *
     * @throws StoreException naming the damage when the store is damaged
     */
    static KnowledgeStore open(Path dataDir) { return EmbeddedStore.open(dataDir); }

    /** Where the store is, for messages: a folder or an endpoint (never with credentials). */
    String where();

    /**
     * A number that changes with every committed write: what an answer computed from the store is
     * current for. A remote store reads it from the store, so that every process sees every write.
     */
    long writes();

    /**
     * A number that changes whenever the named graph is written: a copy of the graph taken with the
     * same number is current. The embedded store's reference graphs change only by a rebuild, which
     * no open store sees, so it answers 0; a remote store reads the graph's change mark.
     */
    default long graphWrites(String graphIri) { return 0; }

    /** The check made when the store was opened: how long it took, and what it covered. */
    Integrity opened();

    /** Whether the store is sound (and, for a remote one, answering), as last found. */
    Integrity integrity();

    /** Checks the whole store now, and keeps the verdict for {@link #integrity()}. */
    Integrity verify();

    DatasetGraph datasetGraph();

    /** A connection to the store; the seam through which loading, querying and checking reach the data. */
    RDFConnection connect();

    /** The named graphs, in IRI order. */
    List<String> graphNames();

    /** Each named graph's triple count. */
    Map<String, Long> graphTriples();

    /** Replaces one named graph at once: readers see the old graph or the new one. */
    void replaceGraph(String graphIri, Graph content);

    @Override void close();
}
