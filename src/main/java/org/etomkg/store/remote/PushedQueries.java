package org.etomkg.store.remote;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpNull;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.PlanBase;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIteratorBase;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;

/**
 * Runs each query on a {@link RemoteDatasetGraph} where the data is: the whole query goes to
 * the store's query endpoint, in one request, rather than being evaluated here pattern by pattern.
 * Jena still does what it does after the pattern: a CONSTRUCT's template and a DESCRIBE's
 * description are filled in here from the rows the store sends ({@code SELECT *} of the same
 * pattern). Values bound beforehand are written into the query. A query that asks the search index
 * ({@code text:query}, {@code fn:marked}) runs on the local search replica instead, which holds what
 * search needs ({@code SearchReplica}).
 */
final class PushedQueries implements QueryEngineFactory {
    private static final PushedQueries INSTANCE = new PushedQueries();
    /** What only the local search replica answers: jena-text and our own functions. */
    private static final String[] LOCAL = { "http://jena.apache.org/text#", "https://w3id.org/etom-kg/function#" };

    static synchronized void register() {
        if (!QueryEngineRegistry.containsFactory(INSTANCE)) QueryEngineRegistry.addFactory(INSTANCE);
    }

    static RemoteDatasetGraph remote(DatasetGraph dsg) {
        while (dsg instanceof DatasetGraphWrapper w && !(dsg instanceof RemoteDatasetGraph)) dsg = w.getWrapped();
        return dsg instanceof RemoteDatasetGraph r ? r : null;
    }

    @Override public boolean accept(Query query, DatasetGraph dsg, Context context) { return remote(dsg) != null; }

    @Override public Plan create(Query query, DatasetGraph dsg, Binding initial, Context context) {
        RemoteDatasetGraph remote = remote(dsg);
        DatasetGraph replica = remote.searchReplica();
        if (replica != null && asksSearch(query)) return new Searched(query, replica, initial, context);
        Query sent = initial == null || initial.isEmpty() ? query : QueryTransformOps.transform(query, substitution(initial));
        return new Pushed(sent, remote, timeoutMillis(context));
    }

    @Override public boolean accept(Op op, DatasetGraph dsg, Context context) { return false; }

    @Override public Plan create(Op op, DatasetGraph dsg, Binding initial, Context context) {
        throw new UnsupportedOperationException("algebra is evaluated here, not sent");
    }

    static boolean asksSearch(Query query) {
        String text = query.serialize();
        for (String iri : LOCAL) if (text.contains(iri)) return true;
        return false;
    }

    private static Map<Var, Node> substitution(Binding b) {
        Map<Var, Node> out = new java.util.HashMap<>();
        b.forEach(out::put);
        return out;
    }

    private static long timeoutMillis(Context context) {
        Timeouts.Timeout t = context == null ? Timeouts.Timeout.UNSET : Timeouts.extractQueryTimeout(context);
        if (t != null && t.hasOverallTimeout()) return t.overallTimeoutMillis();
        if (t != null && t.hasInitialTimeout()) return t.initialTimeoutMillis();
        return TimeUnit.SECONDS.toMillis(RemoteStore.READ_SECONDS);
    }

    /** The rows a query's pattern gives, as the store sends them. */
    private static final class Pushed extends PlanBase {
        private final Query query;
        private final RemoteDatasetGraph remote;
        private final long timeoutMillis;

        Pushed(Query query, RemoteDatasetGraph remote, long timeoutMillis) {
            super(OpNull.create(), null);
            this.query = query;
            this.remote = remote;
            this.timeoutMillis = timeoutMillis;
        }

        @Override protected QueryIterator iteratorOnce() {
            if (query.getQueryPattern() == null) return new Rows(null, java.util.List.of(BindingFactory.empty()).iterator());
            if (query.isAskType()) {   // as a SELECT of one row: Virtuoso answers ASK in a form Jena does not read
                Query one = query.cloneQuery();
                one.setQuerySelectType();
                one.setQueryResultStar(true);
                one.setLimit(1);
                QueryExec exec = exec(one);
                try (exec) {
                    boolean yes = exec.select().hasNext();
                    return new Rows(null, (yes ? java.util.List.of(BindingFactory.empty()) : java.util.List.<Binding>of()).iterator());
                } catch (RuntimeException e) {
                    throw RemoteStore.unreachable(remote.endpoints(), e);
                }
            }
            Query select = query;
            if (!query.isSelectType()) {   // CONSTRUCT and DESCRIBE: the store sends the rows, Jena fills the template here
                select = query.cloneQuery();
                select.setQuerySelectType();
                select.setQueryResultStar(true);
            }
            QueryExec exec = exec(select);
            try {
                return new Rows(exec, exec.select());
            } catch (RuntimeException e) {
                exec.close();
                throw RemoteStore.unreachable(remote.endpoints(), e);
            }
        }

        private QueryExec exec(Query q) {
            return QueryExecHTTP.newBuilder().endpoint(remote.endpoints().query()).queryString(q.serialize())
                .sendMode(RemoteStore.SEND_MODE)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build();
        }

        @Override public void output(IndentedWriter out, SerializationContext sCxt) { out.print("(remote " + remote.endpoints() + ")"); }
    }

    /** A query answered by the search replica, read whole within a transaction of its own (its answers are a page of hits). */
    private static final class Searched extends PlanBase {
        private final Query query;
        private final DatasetGraph replica;
        private final Binding initial;
        private final Context context;

        Searched(Query query, DatasetGraph replica, Binding initial, Context context) {
            super(OpNull.create(), null);
            this.query = query;
            this.replica = replica;
            this.initial = initial;
            // The query's context is the remote store's: it must name the replica's index, or text:query finds none.
            this.context = context == null ? Context.create() : context.copy();
            if (replica instanceof org.apache.jena.query.text.DatasetGraphText text)
                this.context.set(org.apache.jena.query.text.TextQuery.textIndex, text.getTextIndex());
        }

        @Override protected QueryIterator iteratorOnce() {
            java.util.List<Binding> rows = org.apache.jena.system.Txn.calculateRead(replica, () -> {
                Plan plan = QueryEngineRegistry.findFactory(query, replica, context).create(query, replica, initial, context);
                java.util.List<Binding> out = new java.util.ArrayList<>();
                try {
                    plan.iterator().forEachRemaining(out::add);
                } finally {
                    plan.close();
                }
                return out;
            });
            return new Rows(null, rows.iterator());
        }

        @Override public void output(IndentedWriter out, SerializationContext sCxt) { out.print("(search replica)"); }
    }

    /** Rows read as they arrive; closing or cancelling closes the request. */
    private static final class Rows extends QueryIteratorBase {
        private final QueryExec exec;
        private final Iterator<Binding> rows;

        Rows(QueryExec exec, Iterator<Binding> rows) {
            this.exec = exec;
            this.rows = rows;
        }

        @Override protected boolean hasNextBinding() { return rows.hasNext(); }

        @Override protected Binding moveToNextBinding() { return rows.next(); }

        @Override protected void closeIterator() { if (exec != null) exec.close(); }

        @Override protected void requestCancel() { if (exec != null) exec.abort(); }

        @Override public void output(IndentedWriter out, SerializationContext sCxt) { out.print("(rows)"); }
    }
}
