package org.etomkg.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.suggest.TelecomSynonyms;
import org.etomkg.vocab.ETOM;

/**
 * What search needs from a remote store, kept in this process: the searchable literals
 * ({@link SearchIndex#PROPERTIES}) and the statements {@code queries/search.rq} joins them with
 * (types, schemes, releases, parents, levels), in memory, with a search index of the same
 * analysis as the embedded store's. A remote store has no index of ours, so {@code serve} fills
 * this at start and refreshes a graph whenever it learns the graph changed; queries that ask the
 * index run here, every other query runs on the store.
 */
public final class SearchReplica implements AutoCloseable {
    /** The predicates copied: the searchable ones and those search joins them with. */
    public static final List<Node> PREDICATES;
    static {
        List<Node> p = new java.util.ArrayList<>(SearchIndex.PROPERTIES);
        p.addAll(List.of(RDF.type.asNode(), SKOS.inScheme.asNode(), ETOM.version.asNode(), ETOM.term("extendsRelease"),
            ETOM.term("parent"), ETOM.term("level")));
        PREDICATES = List.copyOf(p);
    }

    private final SearchIndex.Opened index;
    private final DatasetGraph dsg;
    private final Function<Collection<Node>, Iterator<Quad>> source;

    /**
     * @param source the quads of {@link #PREDICATES} in the given graphs of the store (in every graph when given none)
     */
    private SearchReplica(Path ontologyDir, Function<Collection<Node>, Iterator<Quad>> source) {
        this.index = SearchIndex.Opened.inMemory(TelecomSynonyms.inFolder(ontologyDir));
        DatasetGraph memory = org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph();   // TDB2 in memory: it has the union default graph search.rq asks
        memory.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
        this.dsg = TextDatasetFactory.create(memory, index.index(), false);
        this.source = source;
    }

    /** Fills a replica from the whole store. */
    public static SearchReplica fill(Path ontologyDir, Function<Collection<Node>, Iterator<Quad>> source) {
        SearchReplica replica = new SearchReplica(ontologyDir, source);
        Txn.executeWrite(replica.dsg, () -> source.apply(List.of()).forEachRemaining(replica.dsg::add));
        return replica;
    }

    /** Copies these graphs again, as the store has them now (a graph gone from the store goes here too). */
    public void refresh(Collection<Node> graphs) {
        if (graphs.isEmpty()) return;
        List<Quad> fresh = new java.util.ArrayList<>();
        source.apply(graphs).forEachRemaining(fresh::add);   // read before the write: searches go on meanwhile
        Txn.executeWrite(dsg, () -> {
            for (Node g : graphs) dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            fresh.forEach(dsg::add);
        });
    }

    /** The dataset to run searches on: it answers {@code text:query}. */
    public DatasetGraph dataset() { return dsg; }

    @Override public void close() { index.close(); }
}
