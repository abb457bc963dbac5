package org.etomkg.store;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.vocab.ETOM;

/**
 * The child process of {@link CrashRecoveryTest}: opens the store of a data folder and stores
 * extensions over and over through {@link ExtensionStore#put}, the write a PUT to
 * {@code /api/extensions/NAME} makes once the extension conforms. Each version has
 * {@value #PROCESSES} processes named with its own word ({@code zq<version>}), alternating between
 * two extension names. Prints "ready" once the store is open and "stored NAME VERSION" after each
 * commit, until it is killed.
 */
public final class StoringLoop {
    static final int PROCESSES = 2000;

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int version = Integer.parseInt(args[1]);
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            ExtensionStore extensions = new ExtensionStore(store);
            System.out.println("ready");
            System.out.flush();
            for (;; version++) {
                String name = "crash" + (version % 2);
                String header = "https://example.org/" + name + "/extension";
                extensions.put(name, new ExtensionReport(header, "25.5", List.of(), ModelFactory.createDefaultModel()), extension(name, version));
                System.out.println("stored " + name + " " + version);
                System.out.flush();
            }
        }
    }

    static String graph(String name) { return ExtensionStore.graphOf(name); }

    static Graph extension(String name, int version) {
        Graph g = GraphFactory.createDefaultGraph();
        for (int k = 1; k <= PROCESSES; k++) {
            Node p = NodeFactory.createURI("https://example.org/" + name + "/process/2.1.1." + k);
            g.add(Triple.create(p, RDF.type.asNode(), ETOM.term("ExtensionProcess")));
            g.add(Triple.create(p, RDFS.label.asNode(), NodeFactory.createLiteralLang("Resilient process " + k + " zq" + version, "en")));
            g.add(Triple.create(p, SKOS.notation.asNode(), NodeFactory.createLiteralString("2.1.1." + k)));
        }
        return g;
    }
}
