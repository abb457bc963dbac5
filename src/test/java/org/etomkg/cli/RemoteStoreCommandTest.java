package org.etomkg.cli;

import static org.etomkg.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.etomkg.cli.CommandLineTest.Run;
import org.etomkg.remote.LoadedFuseki;
import org.etomkg.remote.RemoteFuseki;
import org.etomkg.extension.ExtensionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands with {@code --store}, in-process, on a second Fuseki (its own process): load, query,
 * sparql, validate, diff, load --extension (check: RemoteStoreSuite); what a load sends, keeps and drops; and the
 * errors a user meets (a store that does not answer, one not set up for us, a broken store file).
 */
class RemoteStoreCommandTest {
    @TempDir static Path tmp;
    static RemoteFuseki fuseki;
    static String store;

    @BeforeAll
    static void loaded() {
        fuseki = LoadedFuseki.shared().fuseki;
        store = fuseki.url();
    }

    /** The store is shared with the other remote-store tests: what this class stored goes. */
    @AfterAll
    static void removeStored() {
        try (var remote = LoadedFuseki.shared().open()) {
            for (var e : new ExtensionStore(remote).list()) if (e.name().startsWith("cli-")) new ExtensionStore(remote).delete(e.name());
        }
    }

    @Test
    void theReadmeQuestionsAnswerAsOnTheEmbeddedStore() {
        Run counts = run("sparql", "SELECT ?release (COUNT(?e) AS ?elements) WHERE { ?e a etom:ProcessElement ; skos:inScheme/etom:version ?release } "
            + "GROUP BY ?release ORDER BY ?release", "--format", "csv", "--store", store);
        assertEquals(0, counts.exit(), counts.err());
        assertEquals("release,elements\n23.0.1,2563\n23.5,2770\n24.0,2853\n24.5,2836\n25.0,2854\n25.5,2901\n26.0,2923\n",
            counts.out().replace("\r", ""));
        Run summary = run("query", "release-summary", "--param", "release=25.5", "--store", store);
        assertEquals(0, summary.exit(), summary.err());
        assertTrue(summary.out().contains("2     | 120"), summary.out());
        Run diff = run("diff", "--from", "25.0", "--to", "25.5", "--changes-only", "--format", "csv", "--store", store);
        assertEquals(run("diff", "--from", "25.0", "--to", "25.5", "--changes-only", "--format", "csv").out(), diff.out());
    }

    @Test
    void anExtensionIsValidatedAgainstTheStoreAndStoredOnlyWhenItConforms() {
        Run valid = run("validate", "examples/nordlicht-telecom.ttl", "--store", store);
        assertEquals(0, valid.exit(), valid.out() + valid.err());
        Run stored = run("load", "--extension", "examples/nordlicht-telecom.ttl", "--name", "cli-remote", "--store", store);
        assertEquals(0, stored.exit(), stored.err());
        assertTrue(stored.out().startsWith("stored extension 'cli-remote'"), stored.out());
        Run listed = run("query", "extension-processes", "--param", "extension=cli-remote", "--format", "csv", "--store", store);
        assertTrue(listed.out().contains("Validate Web Shop Basket"), listed.out());
        Run refused = run("load", "--extension", "examples/invalid/r07-reference-invalid.ttl", "--name", "cli-refused", "--store", store);
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains("The store is unchanged"), refused.out());
        assertFalse(run("query", "extension-processes", "--param", "extension=cli-refused", "--format", "csv", "--store", store).out().contains(","
            + "\n2"), "nothing stored");
    }

    @Test
    void aLoadSendsWhatChangedAndDropsWhatIsGone() throws IOException {
        Path ontology = Files.createDirectories(tmp.resolve("ontology"));
        Files.writeString(ontology.resolve("a.ttl"), ontologyFile("a", "first"));
        Files.writeString(ontology.resolve("b.ttl"), ontologyFile("b", "first"));
        String scratch = fuseki.scratchUrl();
        assertEquals("2 sent, 0 unchanged, 0 dropped", sent(run("load", "--ontology", ontology.toString(), "--store", scratch)));
        assertEquals("0 sent, 2 unchanged, 0 dropped", sent(run("load", "--ontology", ontology.toString(), "--store", scratch)));
        Files.writeString(ontology.resolve("a.ttl"), ontologyFile("a", "second"));
        Files.delete(ontology.resolve("b.ttl"));
        assertEquals("1 sent, 0 unchanged, 1 dropped", sent(run("load", "--ontology", ontology.toString(), "--store", scratch)));
        Run labels = run("sparql", "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l", "--format", "csv", "--store", scratch);
        assertEquals("l\na second\n", labels.out().replace("\r", ""), "one copy of a, the new one; b gone");
    }

    private static String ontologyFile(String name, String version) {
        return "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            + "<https://example.org/" + name + "> a owl:Ontology .\n<https://example.org/" + name + "#thing> rdfs:label \"" + name + " " + version + "\" .\n";
    }

    private static String sent(Run r) {
        assertEquals(0, r.exit(), r.err());
        return r.out().strip().replaceFirst("^.*: ", "");
    }

    @Test
    void aStoreThatIsNotThereOrNotSetUpIsNamedWithWhatToDo() throws IOException {
        Run none = run("sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--store", "http://127.0.0.1:9/nowhere");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("the store at http://127.0.0.1:9/nowhere/sparql") && none.err().contains("did not answer"), none.err());

        Path ontology = Files.createDirectories(tmp.resolve("plain-ontology"));
        Files.writeString(ontology.resolve("a.ttl"), ontologyFile("a", "first"));
        Run plain = run("load", "--ontology", ontology.toString(), "--store", fuseki.plainUrl());
        assertEquals(2, plain.exit(), plain.out());
        assertTrue(plain.err().contains("does not show its named graphs in its default graph") && plain.err().contains("unionDefaultGraph"), plain.err());

        Path file = tmp.resolve("broken.store");
        Files.writeString(file, "query = " + store + "/sparql\nupdate = " + store + "/update\n");
        Run broken = run("sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--store", file.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains(file + ": no 'data = URL'"), broken.err());

        Run userInUrl = run("sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--store", "http://alice:secret@127.0.0.1:9/ds");
        assertEquals(2, userInUrl.exit());
        assertFalse(userInUrl.err().contains("secret"), "a password never shows: " + userInUrl.err());
    }
}
