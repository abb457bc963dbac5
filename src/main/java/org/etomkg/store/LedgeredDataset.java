package org.etomkg.store;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextDocProducer;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * The store's dataset with its search index (jena-text), whose every committed write also keeps
 * the {@link GraphLedger}: the graphs a write changed are fingerprinted inside its transaction and
 * noted on disk before TDB2 commits, and taken into the manifest once the index has committed
 * too. jena-text commits TDB2 and then Lucene, not in one transaction; the note is what lets an
 * open after a crash between the two see that the index must be rebuilt.
 *
 * <p>TDB2 admits one writer at a time, so the graphs changed are the writer's alone. The commit
 * holds the ledger's lock throughout, so that a check of the store ({@link KnowledgeStore#integrity})
 * can pair a snapshot with the fingerprints that describe it.
 */
final class LedgeredDataset extends DatasetGraphText {
    private final DatasetGraph tdb;
    private final GraphLedger ledger;
    private final Set<Node> changed;

    private LedgeredDataset(DatasetGraph tdb, TextIndex index, GraphLedger ledger, Set<Node> changed) {
        // The plain wrapper keeps jena-text from joining TDB2's transaction coordinator: joined, a query
        // stopped by its timeout while others ran left a transaction open for good, so close could not
        // expel the store. Unjoined, the index commits right after TDB2 does. The context is TDB2's.
        super(new DatasetGraphWrapper(tdb), index, new ChangedGraphs(new TextDocProducerTriples(index), changed), false);
        this.tdb = tdb;
        this.ledger = ledger;
        this.changed = changed;
        getContext().set(TextQuery.textIndex, index);
    }

    static LedgeredDataset over(DatasetGraph tdb, TextIndex index, GraphLedger ledger) {
        return new LedgeredDataset(tdb, index, ledger, new HashSet<>());
    }

    @Override public void begin(ReadWrite mode) {
        super.begin(mode);
        if (mode == ReadWrite.WRITE) changed.clear();   // the one writer; what an aborted write left is gone
    }

    @Override public void commit() {
        if (tdb.transactionMode() != ReadWrite.WRITE || changed.isEmpty()) {
            super.commit();
            return;
        }
        ledger.commits.lock();
        try {
            Map<String, GraphFingerprint> after = new TreeMap<>();
            for (Node g : changed) after.put(GraphFingerprint.key(g), GraphFingerprint.ofGraph(tdb, g));
            ledger.beforeCommit(after);
            super.commit();       // TDB2, then Lucene
            ledger.afterCommit(after);
        } finally {
            changed.clear();
            ledger.commits.unlock();
        }
    }

    /** Passes every change on to the index's producer and remembers the graph it touched. */
    private record ChangedGraphs(TextDocProducer index, Set<Node> changed) implements TextDocProducer {
        @Override public void start() { index.start(); }
        @Override public void finish() { index.finish(); }
        @Override public void reset() { index.reset(); }
        @Override public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
            if (action == TextQuadAction.ADD || action == TextQuadAction.DELETE) changed.add(g);
            index.change(action, g, s, p, o);
        }
    }
}
