package org.etomkg.store;

import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/** What tests read off a store to see that a refused write changed nothing. */
public final class StoreContents {
    private StoreContents() {}

    /**
     * Every quad of the store, counted in one read transaction. Counted by SPARQL, which TDB2 answers
     * from its indexes without turning each term back into a node: iterating {@code find()} did, and
     * took seconds on the shipped store, many times over in the test suite.
     */
    public static long quads(KnowledgeStore store) {
        var dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> count(dsg, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
            + dsg.getDefaultGraph().size());
    }

    private static long count(org.apache.jena.sparql.core.DatasetGraph dsg, String query) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
        }
    }
}
