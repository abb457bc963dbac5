package org.etomkg.extension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.vocab.ETOM;

/**
 * Extensions in the store. Each is a named graph of its own ({@code graph/extension/NAME}),
 * and the registry graph records, per name, its header, release, warning count and when it
 * was stored. Storing or deleting changes both in one write transaction: a reader sees the old
 * extension or the new one, never half, and a rebuild of the reference keeps them. The graph
 * holds the extension with the SKOS statements it implies ({@link ExtensionSkos}), so that SKOS
 * tools see its processes under their parents and its local names as labels; nothing is
 * written to a reference graph.
 */
public final class ExtensionStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Node REGISTRY = NodeFactory.createURI(ETOM.BASE + "graph/extensions");

    /** What the registry says of one stored extension. */
    public record Entry(String name, String header, String release, long warnings, String storedAt) {}

    private final KnowledgeStore store;

    public ExtensionStore(KnowledgeStore store) { this.store = store; }

    /** True for a name usable in a URL path and a graph IRI. */
    public static boolean validName(String name) { return name != null && NAME.matcher(name).matches(); }

    public static String graphOf(String name) { return ETOM.BASE + "graph/extension/" + name; }

    /** Stores an extension that conformed, with what it implies in SKOS, replacing an earlier version of the same name. */
    public void put(String name, ExtensionReport report, Graph extension) {
        if (!validName(name)) throw new IllegalArgumentException("'" + name + "' is not a usable extension name (letters, digits, . _ -)");
        if (!report.conforms()) throw new IllegalStateException("only a conforming extension is stored");
        if (report.release() == null || !org.apache.jena.irix.IRIs.check(report.extension()))
            throw new IllegalArgumentException("the extension's header has no IRI or names no release: it cannot be stored");
        Node graph = NodeFactory.createURI(graphOf(name));
        DatasetGraph dsg = store.datasetGraph();
        Txn.executeWrite(dsg, () -> {
            dsg.removeGraph(graph);
            ExtensionSkos.withDerived(extension).find().forEachRemaining(t -> dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
            dsg.deleteAny(REGISTRY, graph, Node.ANY, Node.ANY);
            dsg.add(REGISTRY, graph, RDF.type.asNode(), ETOM.term("StoredExtension"));
            dsg.add(REGISTRY, graph, RDFS.label.asNode(), NodeFactory.createLiteralString(name));
            dsg.add(REGISTRY, graph, ETOM.term("header"), NodeFactory.createURI(report.extension()));
            dsg.add(REGISTRY, graph, ETOM.term("extendsRelease"), NodeFactory.createURI(ETOM.release(report.release())));
            dsg.add(REGISTRY, graph, ETOM.term("warnings"), NodeFactory.createLiteralDT(Long.toString(report.count(Finding.Severity.Warning)), XSDDatatype.XSDinteger));
            dsg.add(REGISTRY, graph, ETOM.term("storedAt"), NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime));
        });
    }

    /** The stored extension of that name, if any. */
    public Optional<Graph> get(String name) {
        if (!validName(name)) return Optional.empty();
        Node graph = NodeFactory.createURI(graphOf(name));
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            if (!dsg.find(REGISTRY, graph, Node.ANY, Node.ANY).hasNext()) return Optional.<Graph>empty();
            Graph copy = GraphFactory.createDefaultGraph();
            dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> copy.add(q.asTriple()));
            return Optional.of(copy);
        });
    }

    /** Removes the extension; false when there was none of that name. */
    public boolean delete(String name) {
        if (!validName(name)) return false;
        Node graph = NodeFactory.createURI(graphOf(name));
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateWrite(dsg, () -> {
            if (!dsg.find(REGISTRY, graph, Node.ANY, Node.ANY).hasNext()) return false;
            dsg.removeGraph(graph);
            dsg.deleteAny(REGISTRY, graph, Node.ANY, Node.ANY);
            return true;
        });
    }

    public List<Entry> list() {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            List<Entry> out = new ArrayList<>();
            dsg.find(REGISTRY, Node.ANY, RDF.type.asNode(), ETOM.term("StoredExtension")).forEachRemaining(q -> {
                Node g = q.getSubject();
                out.add(new Entry(value(dsg, g, RDFS.label.asNode()), value(dsg, g, ETOM.term("header")),
                    value(dsg, g, ETOM.term("extendsRelease")).replace(ETOM.release(""), ""),
                    Long.parseLong(value(dsg, g, ETOM.term("warnings"))), value(dsg, g, ETOM.term("storedAt"))));
            });
            out.sort(java.util.Comparator.comparing(Entry::name));
            return out;
        });
    }

    private static String value(DatasetGraph dsg, Node g, Node p) {
        var it = dsg.find(REGISTRY, g, p, Node.ANY);
        if (!it.hasNext()) return "";
        Node o = it.next().getObject();
        return o.isURI() ? o.getURI() : o.getLiteralLexicalForm();
    }
}
