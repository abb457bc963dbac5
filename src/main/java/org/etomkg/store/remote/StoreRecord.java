package org.etomkg.store.remote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.update.UpdateRequest;
import org.etomkg.vocab.ETOM;

/**
 * What etom-kg keeps in a remote store about the store itself, in one graph of its own
 * ({@code graph/store}), which no query of ours reads and {@link RemoteStore#graphNames} leaves
 * out. The embedded store keeps the same in its folder (the manifest and the ledger).
 * <ul>
 * <li>Change marks: every write etom-kg makes sets a new random mark on each graph it touched and
 * on the store, in the same update request. A replica compares marks to learn what changed since
 * it last looked (the search index, the checks' cache). A write made around etom-kg sets no mark.
 * <li>The load record: per graph loaded from the ontology files, the checksum of its triples, so
 * that a second {@code load} sends only what changed and drops what is gone.
 * </ul>
 */
final class StoreRecord {
    static final String GRAPH = ETOM.BASE + "graph/store";
    static final Node GRAPH_NODE = NodeFactory.createURI(GRAPH);
    /**
     * The record's own terms are URNs, not etom-kg IRIs: the store's default graph shows them to every
     * query, and they are not the knowledge graph's (the quality checks hold every etom-kg IRI to a type).
     */
    private static final String NS = "urn:etom-kg:store:";
    /** The store as a whole: its mark changes with every write. */
    static final Node STORE = NodeFactory.createURI(NS + "self");
    static final Node MARK = NodeFactory.createURI(NS + "mark");
    static final Node LOADED = NodeFactory.createURI(NS + "checksum");
    static final Node TRIPLES = NodeFactory.createURI(NS + "triples");
    private static final String ABOUT = NS + "graph:";

    /** Graphs a store keeps for itself (Virtuoso's system graphs), which are not the knowledge graph's. */
    private static final List<String> SYSTEM = List.of("http://www.openlinksw.com/", "http://localhost:8890/",
        "http://www.w3.org/ns/ldp#", "urn:activitystreams-owl:map", "urn:core:services:sparql",
        "http://localuriqaserver/");   // Virtuoso's service description graph, made when first asked for

    private StoreRecord() {}

    static boolean isOurs(Node g) {
        if (g == null || !g.isURI() || g.getURI().equals(GRAPH)) return false;
        return SYSTEM.stream().noneMatch(g.getURI()::startsWith);
    }

    /** Adds to a request the new marks of the graphs it touches and of the store. */
    static void mark(UpdateRequest request, Set<Node> graphs, long mark) {
        QuadDataAcc marks = new QuadDataAcc();
        int i = 0;
        for (Node g : graphs) {
            if (!g.isURI()) continue;
            request.add(unmark(about(g), i++));
            marks.addQuad(Quad.create(GRAPH_NODE, about(g), MARK, integer(mark)));
        }
        request.add(unmark(STORE, i));
        marks.addQuad(Quad.create(GRAPH_NODE, STORE, MARK, integer(mark)));
        request.add(new UpdateDataInsert(marks));
    }

    private static UpdateDeleteWhere unmark(Node subject, int i) {
        QuadAcc old = new QuadAcc();
        old.addQuad(Quad.create(GRAPH_NODE, subject, MARK, Var.alloc("m" + i)));
        return new UpdateDeleteWhere(old);
    }

    /** The record's name for a graph. */
    static Node about(Node graph) {
        return NodeFactory.createURI(ABOUT + java.net.URLEncoder.encode(graph.getURI(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The graph a record's name stands for, or the store itself. */
    private static Node graphOf(Node about) {
        String iri = about.getURI();
        if (!iri.startsWith(ABOUT)) return about;
        return NodeFactory.createURI(java.net.URLDecoder.decode(iri.substring(ABOUT.length()), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Each graph's mark, and the store's under {@link #STORE}. */
    static Map<Node, Long> marks(RemoteDatasetGraph dsg) {
        Map<Node, Long> out = new HashMap<>();
        dsg.select("SELECT ?g ?m WHERE { GRAPH <" + GRAPH + "> { ?g <" + MARK.getURI() + "> ?m } }")
            .forEachRemaining(b -> out.put(graphOf(b.get("g")), number(b.get("m"))));
        return out;
    }

    /** The store's mark, 0 when nothing was written through etom-kg yet. */
    static long storeMark(RemoteDatasetGraph dsg) {
        var rows = dsg.select("SELECT ?m WHERE { GRAPH <" + GRAPH + "> { <" + STORE.getURI() + "> <" + MARK.getURI() + "> ?m } }");
        long m = 0;
        while (rows.hasNext()) m = number(rows.next().get("m"));
        return m;
    }

    /** One graph's mark, 0 when etom-kg never wrote it. */
    static long mark(RemoteDatasetGraph dsg, Node graph) {
        var rows = dsg.select("SELECT ?m WHERE { GRAPH <" + GRAPH + "> { <" + about(graph).getURI() + "> <" + MARK.getURI() + "> ?m } }");
        long m = 0;
        while (rows.hasNext()) m = number(rows.next().get("m"));
        return m;
    }

    /** The load record: graph IRI to the checksum its triples had when loaded. */
    static Map<String, String> loaded(RemoteDatasetGraph dsg) {
        Map<String, String> out = new HashMap<>();
        dsg.select("SELECT ?g ?c WHERE { GRAPH <" + GRAPH + "> { ?g <" + LOADED.getURI() + "> ?c } }")
            .forEachRemaining(b -> out.put(graphOf(b.get("g")).getURI(), b.get("c").getLiteralLexicalForm()));
        return out;
    }

    static long number(Node n) {
        try {
            return Long.parseLong(n.getLiteralLexicalForm());
        } catch (RuntimeException e) {
            return n.hashCode();
        }
    }

    static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }
}
