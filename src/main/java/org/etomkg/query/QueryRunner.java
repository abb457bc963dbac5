package org.etomkg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.system.Txn;

/**
 * Runs SELECT queries through an {@link RDFConnection}, with a timeout. Named-query
 * parameters are bound into the parsed query as RDF terms (Jena's substitution), so a value
 * can never change the shape of the query.
 */
public final class QueryRunner {
    public static final long DEFAULT_TIMEOUT_SECONDS = 10;

    private final RDFConnection connection;
    private final long timeoutSeconds;

    public QueryRunner(RDFConnection connection, long timeoutSeconds) {
        this.connection = connection;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Binds the given values (and defaults for the rest) and runs the query. */
    public QueryResult run(NamedQuery named, Map<String, String> values) {
        return select(named.query(), bindings(named, values));
    }

    /** The RDF term for every parameter; unknown or missing ones are an IllegalArgumentException. */
    public static Map<String, Node> bindings(NamedQuery named, Map<String, String> values) {
        for (String key : values.keySet())
            if (named.parameter(key).isEmpty())
                throw new IllegalArgumentException("query '" + named.name() + "' has no parameter '" + key + "' (it has "
                    + named.parameters().stream().map(QueryParameter::name).toList() + ")");
        Map<String, Node> out = new LinkedHashMap<>();
        for (QueryParameter p : named.parameters()) {
            String v = values.getOrDefault(p.name(), p.defaultValue());
            if (v == null) throw new IllegalArgumentException("query '" + named.name() + "' needs parameter '" + p.name() + "' ("
                + p.type() + ": " + p.description() + ")");
            out.put(p.name(), p.toNode(v));
        }
        return out;
    }

    public QueryResult select(Query query, Map<String, Node> bindings) {
        if (!query.isSelectType()) throw new IllegalArgumentException("only SELECT queries are answered here");
        var builder = connection.newQuery().query(query).timeout(timeoutSeconds, TimeUnit.SECONDS);
        var model = ModelFactory.createDefaultModel();
        bindings.forEach((k, v) -> builder.substitution(k, model.asRDFNode(v)));
        // The query builder does not start a transaction of its own on a local store.
        return Txn.calculateRead(connection, () -> {
            try (QueryExecution qe = builder.build()) {
                ResultSet rs = qe.execSelect();
                List<Binding> rows = new ArrayList<>();
                while (rs.hasNext()) rows.add(BindingFactory.copy(rs.nextBinding()));   // TDB2 bindings read lazily: copy inside the transaction
                return new QueryResult(rs.getResultVars(), rows);
            }
        });
    }
}
