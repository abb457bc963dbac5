package org.etomkg.extension;

import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * A read-through view of the data under validation that checks the budget on every lookup and
 * every few thousand triples read: all of SHACL's and SPARQL's work reaches the data through
 * {@code find}, so no rule can run past the budget for long.
 */
final class BudgetedGraph extends GraphWrapper {
    private static final int CHECK_EVERY = 4096;
    private final ValidationBudget budget;

    BudgetedGraph(Graph data, ValidationBudget budget) {
        super(data);
        this.budget = budget;
    }

    @Override public ExtendedIterator<Triple> find(Triple pattern) {
        budget.check();
        return super.find(pattern).filterKeep(new Checkpoint());
    }

    @Override public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        budget.check();
        return super.find(s, p, o).filterKeep(new Checkpoint());
    }

    @Override public boolean contains(Node s, Node p, Node o) {
        budget.check();
        return super.contains(s, p, o);
    }

    @Override public boolean contains(Triple t) {
        budget.check();
        return super.contains(t);
    }

    /** Checks the budget once every {@link #CHECK_EVERY} triples an iterator hands out. */
    private final class Checkpoint implements Predicate<Triple> {
        private int seen;

        @Override public boolean test(Triple t) {
            if (++seen % CHECK_EVERY == 0) budget.check();
            return true;
        }
    }
}
