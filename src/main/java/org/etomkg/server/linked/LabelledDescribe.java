package org.etomkg.server.linked;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.describe.DescribeHandler;
import org.apache.jena.sparql.core.describe.DescribeHandlerFactory;
import org.apache.jena.sparql.core.describe.DescribeHandlerRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.vocab.ETOM;

/**
 * What {@code DESCRIBE <iri>} gives, on {@code /etom/sparql} and when an IRI is dereferenced:
 * the resource's statements as subject over the union of the graphs, with the closure over the
 * blank nodes they reach, plus the labels ({@code rdfs:label}, {@code skos:prefLabel},
 * {@code etom:displayLabel}) of every IRI they link to, so a reader sees names, not numbers.
 * Bounded: at most {@link #MAX_TRIPLES} statements per query, and the query's timeout applies.
 */
public final class LabelledDescribe implements DescribeHandler {
    /** A description never grows beyond this many statements; the largest we hold has a few thousand. */
    public static final int MAX_TRIPLES = 200_000;
    static final List<Node> LABELS = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), ETOM.term("displayLabel"));

    private static final DescribeHandlerFactory FACTORY = LabelledDescribe::new;

    private Model acc;
    private Graph union;
    private long deadline;
    private int added;

    /**
     * Makes this the only DESCRIBE handler of the JVM (Jena's registry is global; its default,
     * the blank-node closure of the default graph, sees nothing here, where the data lives in
     * named graphs). Idempotent.
     */
    public static synchronized void register() {
        DescribeHandlerRegistry registry = DescribeHandlerRegistry.get();
        List<DescribeHandlerFactory> current = new java.util.ArrayList<>();
        registry.handlers().forEachRemaining(current::add);
        if (current.equals(List.of(FACTORY))) return;
        registry.clear();
        registry.add(FACTORY);
    }

    @Override
    public void start(Model accumulateResultModel, Context cxt) {
        acc = accumulateResultModel;
        Object ds = cxt.get(ARQConstants.sysCurrentDataset);
        DatasetGraph dsg = ds instanceof Dataset d ? d.asDatasetGraph() : (DatasetGraph) ds;
        union = dsg.getUnionGraph();
        long timeout = timeoutMillis(cxt.get(ARQ.queryTimeout));
        deadline = timeout > 0 ? System.currentTimeMillis() + timeout : Long.MAX_VALUE;
    }

    private static long timeoutMillis(Object setting) {
        if (setting == null) return -1;
        String s = setting.toString().split(",")[0].strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void describe(Resource resource) {
        Node start = resource.asNode();
        Set<Node> seen = new HashSet<>();
        Set<Node> labelled = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.add(start);
        seen.add(start);
        while (!todo.isEmpty()) {
            Node s = todo.poll();
            ExtendedIterator<Triple> it = union.find(s, Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    add(t);
                    Node o = t.getObject();
                    if (o.isBlank() && seen.add(o)) todo.add(o);
                    else if (o.isURI() && !o.equals(start) && labelled.add(o)) labels(o);
                }
            } finally {
                it.close();
            }
        }
    }

    private void labels(Node o) {
        for (Node p : LABELS) {
            ExtendedIterator<Triple> it = union.find(o, p, Node.ANY);
            try {
                while (it.hasNext()) add(it.next());
            } finally {
                it.close();
            }
        }
    }

    private void add(Triple t) {
        if (++added > MAX_TRIPLES) throw new QueryCancelledException();
        if ((added & 255) == 0 && System.currentTimeMillis() > deadline) throw new QueryCancelledException();
        acc.getGraph().add(t);
    }

    @Override public void finish() {}
}
