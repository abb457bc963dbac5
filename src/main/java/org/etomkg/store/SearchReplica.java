package org.etomkg.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
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
        MarkedName.register();   // queries/search.rq marks the words it matched
        List<Node> p = new java.util.ArrayList<>(SearchIndex.PROPERTIES);
        p.addAll(List.of(RDF.type.asNode(), SKOS.inScheme.asNode(), ETOM.version.asNode(), ETOM.term("extendsRelease"),
            ETOM.term("parent"), ETOM.term("level")));
        PREDICATES = List.copyOf(p);
    }

    private final SearchIndex.Opened index;
    private final DatasetGraph dsg;
    private final Function<Collection<Node>, Iterator<Quad>> source;
    /**
     * Search asks the default graph, as the union of the store's graphs: the replica keeps every
     * triple there once, and here which graphs hold it, so that a graph can be taken out again.
     */
    private final Map<Node, Set<Triple>> byGraph = new HashMap<>();
    private final Map<Triple, Integer> holders = new HashMap<>();

    /**
     * @param source the quads of {@link #PREDICATES} in the given graphs of the store (in every graph when given none)
     */
    private SearchReplica(Path ontologyDir, Function<Collection<Node>, Iterator<Quad>> source) {
        this.index = SearchIndex.Opened.inMemory(TelecomSynonyms.inFolder(ontologyDir));
        this.dsg = TextDatasetFactory.create(org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem(), index.index(), false);
        this.source = source;
    }

    /** Fills a replica from the whole store. */
    public static SearchReplica fill(Path ontologyDir, Function<Collection<Node>, Iterator<Quad>> source) {
        SearchReplica replica = new SearchReplica(ontologyDir, source);
        Map<Node, Set<Triple>> all = new HashMap<>();
        source.apply(List.of()).forEachRemaining(q -> all.computeIfAbsent(q.getGraph(), g -> new HashSet<>()).add(q.asTriple()));
        replica.replace(all);
        return replica;
    }

    /** Copies these graphs again, as the store has them now (a graph gone from the store goes here too). */
    public void refresh(Collection<Node> graphs) {
        if (graphs.isEmpty()) return;
        Map<Node, Set<Triple>> fresh = new HashMap<>();
        graphs.forEach(g -> fresh.put(g, new HashSet<>()));
        source.apply(graphs).forEachRemaining(q -> fresh.computeIfAbsent(q.getGraph(), g -> new HashSet<>()).add(q.asTriple()));   // read before the write: searches go on meanwhile
        replace(fresh);
    }

    /** Puts these graphs' triples in place of what the replica had of them, in one write. */
    private synchronized void replace(Map<Node, Set<Triple>> graphs) {
        Graph union = dsg.getDefaultGraph();
        Txn.executeWrite(dsg, () -> graphs.forEach((g, triples) -> {
            for (Triple t : byGraph.getOrDefault(g, Set.of()))
                if (holders.merge(t, -1, Integer::sum) == 0) { holders.remove(t); union.delete(t); }
            for (Triple t : triples)
                if (holders.merge(t, 1, Integer::sum) == 1) union.add(t);
            if (triples.isEmpty()) byGraph.remove(g); else byGraph.put(g, triples);
        }));
    }

    /** The dataset to run searches on: it answers {@code text:query}. */
    public DatasetGraph dataset() { return dsg; }

    @Override public void close() { index.close(); }
}
