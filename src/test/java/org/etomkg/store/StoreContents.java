package org.etomkg.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/** What tests read off a store to see that a refused write changed nothing. */
public final class StoreContents {
    private StoreContents() {}

    /**
     * Every quad of the store, counted in one read transaction. Counted by SPARQL, which TDB2 answers
     * from its indexes without turning each term back into a node: iterating {@code find()} did, a
     * third of a second on the shipped store, before and after each of many refused writes.
     */
    public static long quads(KnowledgeStore store) {
        var dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> count(dsg, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
            + dsg.getDefaultGraph().size());
    }

    private static long count(DatasetGraph dsg, String query) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
        }
    }
}
