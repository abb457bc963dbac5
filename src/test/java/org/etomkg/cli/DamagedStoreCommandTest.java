package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The commands on a damaged store and after an interrupted load, as a user sees them: exit codes
 * and the one line on stderr. A small store (the meta-model and the entry file) is enough.
 */
class DamagedStoreCommandTest {
    static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();
    static final String QUERY = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";

    @TempDir Path tmp;
    Path onto, data;

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        StringWriter picocliErr = new StringWriter();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        all[args.length + 2] = "--ontology";
        all[args.length + 3] = onto.toString();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = EtomKg.commandLine();
            cl.setErr(new PrintWriter(picocliErr, true));
            int exit = cl.execute(all);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + picocliErr);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @BeforeEach
    void smallOntology() throws IOException {
        onto = Files.createDirectories(tmp.resolve("ontology"));
        Files.copy(ONTOLOGY.resolve("etom-meta.ttl"), onto.resolve("etom-meta.ttl"));
        Files.copy(ONTOLOGY.resolve("etom.ttl"), onto.resolve("etom.ttl"));
        data = tmp.resolve("data");
        Run load = run("load");
        assertEquals(0, load.exit(), load.err());
    }

    @Test
    void aLoadClearsWhatAnInterruptedLoadLeftAndSaysSo() throws IOException {
        Path next = data.resolve("store.next");
        Files.createDirectories(next.resolve("Data-0001"));
        Files.writeString(next.resolve("Data-0001/GSPO.dat"), "half written");

        Run load = run("load");
        assertEquals(0, load.exit(), load.err());
        assertTrue(load.err().contains("etom-kg: removed " + next + " left by an interrupted load"), load.err());
        assertFalse(Files.exists(next));

        Run again = run("load");
        assertEquals(0, again.exit(), again.err());
        assertFalse(again.err().contains("removed"), "nothing left over, nothing said: " + again.err());
    }

    @Test
    void aDamagedStoreIsRefusedByEveryCommandUntilALoadRebuildsIt() throws IOException {
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            var mine = GraphFactory.createDefaultGraph();
            mine.add(NodeFactory.createURI("urn:etom-kg-test:a"), RDFS.label.asNode(), NodeFactory.createLiteralString("mine"));
            store.replaceGraph("urn:etom-kg-test:mine", mine);
        }
        try (RandomAccessFile nodes = new RandomAccessFile(data.resolve("store/Data-0001/nodes-data.obj").toFile(), "rw")) {
            nodes.setLength(0);   // an emptied node table
        }
        for (String[] command : new String[][] {{"sparql", QUERY}, {"serve", "--port", "0"}, {"check"}}) {
            Run r = run(command);
            assertEquals(2, r.exit(), command[0] + ": " + r.out() + r.err());
            assertTrue(r.err().contains("etom-kg: the store in " + data.resolve("store") + " is damaged (")
                && r.err().contains("run ./etom-kg load to rebuild it"), command[0] + ": " + r.err());
            assertFalse(r.err().contains("in use"), r.err());
        }

        Run load = run("load");
        assertEquals(0, load.exit(), load.err());
        assertTrue(load.err().contains("could not give back urn:etom-kg-test:mine") && load.err().contains(data.resolve("store.damaged").toString()),
            "the user's graph the damage took is named, and the old store kept: " + load.err());
        assertTrue(Files.isDirectory(data.resolve("store.damaged")));
        Run after = run("sparql", QUERY, "--format", "csv");
        assertEquals(0, after.exit(), after.err());
        assertFalse(after.out().contains("\n0"), after.out());
    }
}
