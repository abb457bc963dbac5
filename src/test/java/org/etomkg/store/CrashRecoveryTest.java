package org.etomkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while extensions are being stored, at many points: after each kill the store opens
 * sound, holds each extension's old or new version whole, and the search index agrees with it:
 * every process of every stored version is found by its word. jena-text commits TDB2 and then
 * Lucene; a kill between the two is what {@link GraphLedger}'s note lets the next open repair.
 */
class CrashRecoveryTest {
    static final int KILLS = 8;

    @TempDir Path tmp;

    @Test
    void killedWhileStoringTheIndexStillAgreesWithTheStore() throws Exception {
        Path onto = Files.createDirectories(tmp.resolve("ontology"));
        Files.copy(StoreBuilderTest.ONTOLOGY.resolve("etom-meta.ttl"), onto.resolve("etom-meta.ttl"));
        Files.copy(StoreBuilderTest.ONTOLOGY.resolve("etom.ttl"), onto.resolve("etom.ttl"));
        Path data = tmp.resolve("data");
        new StoreBuilder().rebuild(onto, data);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        int version = 1, interrupted = 0, consistent = 0, whole = 0;
        List<String> stored = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), StoringLoop.class.getName(), data.toString(), Integer.toString(version))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) lines.add(line);
                } catch (IOException e) {
                    // the kill closed the stream
                }
                lines.add("ended");
            });
            reader.start();
            String first = lines.poll(120, TimeUnit.SECONDS);   // not a timed assertion: a child that never answers ends the test
            assertEquals("ready", first, "the child opens the store after kill " + kill);
            if (kill % 2 == 0) {
                // after zero or one stored versions, at a random point of the next write
                // (the first run always stores one whole version, so that there is something to find)
                if (kill == 0 || random.nextBoolean()) {
                    String line = lines.take();
                    assertTrue(line.startsWith("stored "), "the child stores an extension: " + line);
                    stored.add(line);
                }
                Thread.sleep(random.nextInt(800));
            } else {
                // as a new version becomes visible: the commit has begun (its note is on disk)
                Path note = data.resolve("store").resolve(GraphLedger.NOTE);
                while (!Files.exists(note) && child.isAlive()) Thread.onSpinWait();
                Thread.sleep(random.nextInt(60));   // somewhere in TDB2's commit, Lucene's, or between them
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join();
            lines.stream().filter(l -> l.startsWith("stored ")).forEach(stored::add);
            version += 1000;   // each run's versions have words of their own

            if (Files.exists(data.resolve("store").resolve(GraphLedger.NOTE))) interrupted++;
            try (KnowledgeStore store = KnowledgeStore.open(data)) {
                assertTrue(store.opened().sound(), store.opened().message());
                for (String name : List.of("crash0", "crash1")) if (assertAgrees(store, name, kill)) whole++;
                consistent++;
            }
            assertFalse(Files.exists(data.resolve("store").resolve(GraphLedger.NOTE)), "the open settles the note");
        }
        System.out.printf("kill -9 while storing (seed %d): %d kills, %d between a commit's note and its end, %d consistent after reopening;"
            + " %d versions reported stored, %d extensions found whole and searchable%n", seed, KILLS, interrupted, consistent, stored.size(), whole);
        assertEquals(KILLS, consistent);
        assertTrue(whole > 0, "the child stored something before it was killed");
    }

    /** The extension is stored whole in one version, and search finds each of its processes by that version's word. */
    private static boolean assertAgrees(KnowledgeStore store, String name, int kill) {
        String graph = StoringLoop.graph(name);
        Set<String> words = new TreeSet<>();
        long processes = 0;
        for (QuerySolution s : select(store, "SELECT ?l { GRAPH <" + graph + "> { ?p a <" + org.etomkg.vocab.ETOM.term("ExtensionProcess").getURI()
                + "> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } }")) {
            processes++;
            words.add(s.getLiteral("l").getString().replaceAll(".* ", ""));
        }
        if (processes == 0) return false;   // not stored yet
        assertEquals(StoringLoop.PROCESSES, processes, name + " is whole after kill " + kill);
        assertEquals(1, words.size(), name + " holds one version after kill " + kill + ": " + words);
        String word = words.iterator().next();
        List<QuerySolution> found = select(store, """
            PREFIX text: <http://jena.apache.org/text#>
            SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {
              (?p ?score ?l) text:query ("%s" 100000) .
              GRAPH <%s> { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l }
            }""".formatted(word, graph));
        assertEquals(processes, found.get(0).getLiteral("n").getLong(),
            "search finds every process of " + name + " as stored (" + word + ") after kill " + kill);
        return true;
    }

    private static List<QuerySolution> select(KnowledgeStore store, String query) {
        try (var conn = store.connect()) {
            return Txn.calculateRead(conn, () -> {
                try (QueryExecution qe = conn.query(query)) {
                    List<QuerySolution> rows = new ArrayList<>();
                    qe.execSelect().forEachRemaining(rows::add);
                    return rows;
                }
            });
        }
    }
}
