package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load --extension}: a conforming extension is stored in its own graph; anything else leaves the store as it was. */
class LoadExtensionTest {
    static final String EXTENSION = "https://w3id.org/etom-kg/graph/extension/small-valid";
    static final Path VALID = Path.of("src/test/resources/extension/small-valid.ttl");

    @TempDir static Path dir;
    static Path data;

    @BeforeAll
    static void build() {
        data = org.etomkg.store.ShippedStore.copyTo(dir.resolve("data"));
    }

    @Test
    void aConformingExtensionIsStoredAndReplacedWhole() throws Exception {
        CommandLineTest.Run first = CommandLineTest.run("load", "--data", data.toString(), "--extension", VALID.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("stored extension 'small-valid'"), first.out());
        // 22 triples of the file, and 8 it implies in SKOS: the header a scheme; per process a concept,
        // its broader and its preferred label; the parent's narrower.
        assertEquals(22 + 8, triples(EXTENSION));

        // A new version without the child process replaces the old one whole.
        Path smaller = dir.resolve("smaller.ttl");
        Files.writeString(smaller, Files.readString(VALID).replaceAll("(?s)nl:2\\.3\\.3\\.10\\.5\\.1 a .*$", ""));
        assertEquals(0, CommandLineTest.run("load", "--data", data.toString(), "--extension", smaller.toString(), "--name", "small-valid").exit());
        assertEquals(15 + 4, triples(EXTENSION));
        assertFalse(hasSubject(EXTENSION, "https://nordlicht-telecom.example/etom/2.3.3.10.5.1"));
    }

    @Test
    void aViolatingExtensionIsReportedAndNothingIsStored() throws Exception {
        Path bad = dir.resolve("bad.ttl");
        // Another extension (its own header) whose child process is misnumbered.
        Files.writeString(bad, Files.readString(VALID).replace("\"2.3.3.10.5.1\"", "\"2.3.3.11.5.1\"").replace("nl:extension", "nl:other"));
        List<String> before = graphs();
        CommandLineTest.Run r = CommandLineTest.run("load", "--data", data.toString(), "--extension", bad.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("R03-Numbering"), r.out());
        assertTrue(r.out().contains("The store is unchanged"), r.out());
        assertEquals(before, graphs());
    }

    @Test
    void anUnreadableOrUnknownReleaseExtensionIsUnusableInput() throws Exception {
        Path broken = dir.resolve("broken.ttl");
        Files.writeString(broken, "@prefix etom: <https://w3id.org/etom-kg/ontology#> .\n<a> <b> .\n");
        CommandLineTest.Run r = CommandLineTest.run("load", "--data", data.toString(), "--extension", broken.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("broken.ttl:2:"), r.err());

        Path future = dir.resolve("future.ttl");
        Files.writeString(future, Files.readString(VALID).replace("release/25.5>", "release/99.9>"));
        CommandLineTest.Run f = CommandLineTest.run("load", "--data", data.toString(), "--extension", future.toString());
        assertEquals(2, f.exit());
        assertTrue(f.err().contains("unknown release '99.9'"), f.err());
    }

    private static long triples(String graph) {
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            var dsg = store.datasetGraph();
            return Txn.calculateRead(dsg, () -> dsg.getGraph(NodeFactory.createURI(graph)).size());
        }
    }

    private static boolean hasSubject(String graph, String subject) {
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            var dsg = store.datasetGraph();
            return Txn.calculateRead(dsg, () -> dsg.getGraph(NodeFactory.createURI(graph))
                .find(NodeFactory.createURI(subject), null, null).hasNext());
        }
    }

    private static List<String> graphs() {
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            return store.graphNames();
        }
    }
}
