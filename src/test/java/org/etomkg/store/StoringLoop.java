package org.etomkg.store;

import java.nio.file.Path;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.vocab.ETOM;

/**
 * The child process of {@link CrashRecoveryTest}: opens the store of a data folder and stores
 * extensions over and over, each version of {@value #PROCESSES} processes named with its own word
 * ({@code zq<version>}), alternating between two extension graphs, each with its registry entry in
 * the same write transaction, as {@code ExtensionStore.put} writes them. Prints "ready" once the
 * store is open and "stored NAME VERSION" after each commit, until it is killed.
 */
public final class StoringLoop {
    static final int PROCESSES = 2000;
    static final Node REGISTRY = NodeFactory.createURI(ETOM.BASE + "graph/extensions");

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int version = Integer.parseInt(args[1]);
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            System.out.println("ready");
            System.out.flush();
            for (;; version++) {
                String name = "crash" + (version % 2);
                store(store.datasetGraph(), name, version);
                System.out.println("stored " + name + " " + version);
                System.out.flush();
            }
        }
    }

    static String graph(String name) { return ETOM.BASE + "graph/extension/" + name; }

    static void store(DatasetGraph dsg, String name, int version) {
        Node g = NodeFactory.createURI(graph(name));
        Txn.executeWrite(dsg, () -> {
            dsg.removeGraph(g);
            for (int k = 1; k <= PROCESSES; k++) {
                Node p = NodeFactory.createURI("https://example.org/" + name + "/process/2.1.1." + k);
                dsg.add(g, p, RDF.type.asNode(), ETOM.term("ExtensionProcess"));
                dsg.add(g, p, RDFS.label.asNode(), NodeFactory.createLiteralLang("Resilient process " + k + " zq" + version, "en"));
                dsg.add(g, p, SKOS.notation.asNode(), NodeFactory.createLiteralString("2.1.1." + k));
            }
            dsg.deleteAny(REGISTRY, g, Node.ANY, Node.ANY);
            dsg.add(REGISTRY, g, RDF.type.asNode(), ETOM.term("StoredExtension"));
            dsg.add(REGISTRY, g, RDFS.label.asNode(), NodeFactory.createLiteralString(name));
        });
    }
}
