package org.etomkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name that is one word thousands of characters long (no space in it) is stored and indexed,
 * and found by its start; Lucene refuses terms over 32,766 bytes, so the analyzer cuts them.
 */
class LongTokenSearchTest {
    @TempDir Path data;

    @Test
    void longWordsAreStoredAndFoundByTheirStart() {
        String[] labels = {"Capture" + "x".repeat(4_993), "Verify" + "y".repeat(32_800), "Résumé" + "é".repeat(20_000)};
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            var dsg = store.datasetGraph();
            Node g = NodeFactory.createURI("https://example.org/graph");
            Txn.executeWrite(dsg, () -> {
                for (int i = 0; i < labels.length; i++)
                    dsg.add(g, NodeFactory.createURI("https://example.org/p" + i), RDFS.label.asNode(), NodeFactory.createLiteralLang(labels[i], "en"));
            });
            assertEquals(List.of("https://example.org/p0"), search(store, "capturexxx*"));
            assertEquals(List.of("https://example.org/p1"), search(store, "verifyyyy*"));
            assertEquals(List.of("https://example.org/p2"), search(store, "resumee*"));
            assertEquals(List.of("https://example.org/p0"), search(store, "capture" + "x".repeat(400) + "*"), "a prefix longer than what is indexed");
            assertEquals(List.of("https://example.org/p0"), search(store, labels[0].toLowerCase()), "the whole word");
        }
    }

    private static List<String> search(KnowledgeStore store, String lucene) {
        String q = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query ('" + lucene + "') }";
        return Txn.calculateRead(store.datasetGraph(), () -> {
            try (var qe = QueryExecutionFactory.create(q, DatasetFactory.wrap(store.datasetGraph()))) {
                List<String> out = new java.util.ArrayList<>();
                qe.execSelect().forEachRemaining(s -> out.add(s.getResource("s").getURI()));
                return out;
            }
        });
    }
}
