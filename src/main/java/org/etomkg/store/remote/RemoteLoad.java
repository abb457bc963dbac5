package org.etomkg.store.remote;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.etomkg.progress.Progress;
import org.etomkg.store.OntologyFiles;

/**
 * {@code load --store}: the ontology files into a remote store, each file in its own named graph,
 * sent whole with the Graph Store Protocol (a PUT replaces the graph: the store runs it as one
 * transaction, so readers see the old graph or the new). After each graph, the load record
 * ({@link StoreRecord}) notes its checksum, so a second load sends only what changed, never
 * duplicates, and drops the graphs whose files are gone. A load cut short leaves every graph old
 * or new, and the next load finishes it. Extensions and other graphs are left alone.
 */
public final class RemoteLoad {
    public record Result(int graphs, int sent, int dropped, long triples, long millis) {}

    private RemoteLoad() {}

    public static Result load(RemoteStore store, Path ontologyDir) {
        long start = System.nanoTime();
        OntologyFiles files = OntologyFiles.read(ontologyDir);   // every file parsed before anything is sent
        Map<String, String> checksums = files.checksums();
        RemoteDatasetGraph dsg = store.remote();
        Map<String, String> loaded = StoreRecord.loaded(dsg);
        Set<String> send = new TreeSet<>();
        checksums.forEach((iri, sum) -> { if (!sum.equals(loaded.get(iri))) send.add(iri); });
        long triples = files.graphs().values().stream().mapToLong(Graph::size).sum();
        long sending = send.stream().mapToLong(iri -> files.graphs().get(iri).size()).sum();
        try (Progress.Stage stage = Progress.stage("sending " + send.size() + " graphs to " + store.where(), sending, "triples")) {
            for (String iri : send) {
                Graph graph = files.graphs().get(iri);
                try {
                    GSP.service(dsg.endpoints().data()).graphName(iri).PUT(graph);
                } catch (RuntimeException e) {
                    throw RemoteStore.unreachable(dsg.endpoints(), e);
                }
                record(dsg, iri, checksums.get(iri), graph.size());
                stage.advance(graph.size());
            }
            stage.done();
        }
        int dropped = 0;
        for (String iri : loaded.keySet()) {
            if (checksums.containsKey(iri)) continue;
            UpdateRequest request = new UpdateRequest();
            request.add(new UpdateDrop(Target.create(NodeFactory.createURI(iri)), true));
            forget(request, iri);
            dsg.send(request, Set.of(NodeFactory.createURI(iri)));
            dropped++;
        }
        store.checkUnionDefaultGraph();   // an empty store could not be checked when it was opened
        return new Result(files.graphs().size(), send.size(), dropped, triples, (System.nanoTime() - start) / 1_000_000);
    }

    /** Notes one graph as loaded, with its change mark, in one update request. */
    private static void record(RemoteDatasetGraph dsg, String iri, String checksum, long triples) {
        UpdateRequest request = new UpdateRequest();
        forget(request, iri);
        Node g = NodeFactory.createURI(iri), about = StoreRecord.about(g);
        QuadDataAcc now = new QuadDataAcc();
        now.addQuad(Quad.create(StoreRecord.GRAPH_NODE, about, StoreRecord.LOADED, NodeFactory.createLiteralString(checksum)));
        now.addQuad(Quad.create(StoreRecord.GRAPH_NODE, about, StoreRecord.TRIPLES, StoreRecord.integer(triples)));
        request.add(new UpdateDataInsert(now));
        dsg.send(request, Set.of(g));
    }

    private static void forget(UpdateRequest request, String iri) {
        Node about = StoreRecord.about(NodeFactory.createURI(iri));
        for (Node p : new Node[] { StoreRecord.LOADED, StoreRecord.TRIPLES }) {
            QuadAcc old = new QuadAcc();
            old.addQuad(Quad.create(StoreRecord.GRAPH_NODE, about, p, Var.alloc("v")));
            request.add(new UpdateDeleteWhere(old));
        }
    }
}
