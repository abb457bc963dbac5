package org.etomkg.store.remote;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.riot.out.NodeFmtLib;
import org.etomkg.store.SearchReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a serving process's {@link SearchReplica} current with a remote store. Writes this
 * process makes are copied before their request returns; writes through another process are
 * learnt from the store's change marks ({@link StoreRecord}), asked every {@code poll}: a graph
 * whose mark changed is copied again. So a search anywhere finds a write made anywhere within one
 * poll and the time to copy the graph; every other answer is the store's own, at once.
 */
public final class SearchFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchFeed.class);

    private final RemoteDatasetGraph dsg;
    private final SearchReplica replica;
    private final ScheduledExecutorService poller;
    private Map<Node, Long> known;

    private SearchFeed(RemoteDatasetGraph dsg, SearchReplica replica, Map<Node, Long> known, long pollMillis) {
        this.dsg = dsg;
        this.replica = replica;
        this.known = known;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "etom-kg search feed");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Fills the replica from the store, puts it behind the store's searches, and starts polling. */
    public static SearchFeed start(RemoteStore store, Path ontologyDir, long pollMillis) {
        RemoteDatasetGraph dsg = store.remote();
        Map<Node, Long> marks = StoreRecord.marks(dsg);   // before the copy: a write meanwhile is copied again at the first poll
        long begin = System.nanoTime();
        SearchReplica replica = SearchReplica.fill(ontologyDir, graphs -> searchable(dsg, graphs));
        LOG.info("search: the store's searchable statements copied and indexed in {} ms", (System.nanoTime() - begin) / 1_000_000);
        SearchFeed feed = new SearchFeed(dsg, replica, marks, pollMillis);
        dsg.afterWrite(feed::copied);
        dsg.searchReplica(replica.dataset());
        return feed;
    }

    /** The quads search needs, of these graphs or of every graph. */
    private static Iterator<Quad> searchable(RemoteDatasetGraph dsg, Collection<Node> graphs) {
        String predicates = SearchReplica.PREDICATES.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        String which = graphs.isEmpty() ? "" : "VALUES ?g { " + graphs.stream().filter(Node::isURI)
            .map(NodeFmtLib::strNT).collect(Collectors.joining(" ")) + " } ";
        // JSON, the default: TSV would be half the bytes, but Virtuoso writes its header without the "?" TSV requires
        Iterator<Binding> rows = dsg.select("SELECT ?g ?s ?p ?o WHERE { " + which + "VALUES ?p { " + predicates + " } GRAPH ?g { ?s ?p ?o } }");
        return new Iterator<>() {
            Quad next;
            @Override public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Binding b = rows.next();
                    if (StoreRecord.isOurs(b.get("g"))) next = Quad.create(b.get("g"), b.get("s"), b.get("p"), b.get("o"));
                }
                return next != null;
            }
            @Override public Quad next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                Quad q = next;
                next = null;
                return q;
            }
        };
    }

    private void copied(Set<Node> graphs) {
        try {
            replica.refresh(graphs);
        } catch (RuntimeException e) {
            LOG.warn("search: could not copy {} after a write ({}); the next poll tries again", graphs, e.getMessage());
        }
    }

    /** Copies again the graphs whose marks changed since the last look. */
    synchronized void poll() {
        try {
            Map<Node, Long> now = StoreRecord.marks(dsg);
            Set<Node> changed = new HashSet<>();
            now.forEach((g, m) -> { if (!Objects.equals(known.get(g), m)) changed.add(g); });
            known.keySet().forEach(g -> { if (!now.containsKey(g)) changed.add(g); });
            changed.remove(StoreRecord.STORE);
            changed.removeIf(g -> !StoreRecord.isOurs(g));
            replica.refresh(changed);
            known = new HashMap<>(now);
        } catch (RuntimeException e) {
            LOG.debug("search: the store did not answer the poll ({}); trying again", e.getMessage());
        }
    }

    @Override public void close() {
        poller.shutdownNow();
        replica.close();
    }
}
