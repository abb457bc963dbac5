package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The query commands in-process over a store of the shipped files: formats, exit codes and messages. */
class CommandLineTest {
    @TempDir static Path data;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = EtomKg.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    static String[] withData(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return all;
    }

    @BeforeAll
    static void store() {
        org.etomkg.store.ShippedStore.copyTo(data);   // the shared build: loading the shipped files is StoreBuilderTest's and the README's to test
    }

    @Test
    void loadSaysHowManyGraphsItLoaded(@TempDir Path small) throws java.io.IOException {
        Path ontology = java.nio.file.Files.createDirectories(small.resolve("ontology"));
        for (String file : new String[] {"etom-meta.ttl", "etom.ttl"})
            java.nio.file.Files.copy(Path.of("ontology", file), ontology.resolve(file));
        Run r = run("load", "--ontology", ontology.toString(), "--data", small.resolve("data").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("loaded 2 graphs, "), "one graph per Turtle file: " + r.out());
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnUsage() {
        java.util.List<String> checked = new java.util.ArrayList<>();
        EtomKg.commandLine().getSubcommands().forEach((name, command) -> {
            helpOf(name);
            command.getSubcommands().keySet().forEach(sub -> helpOf(name, sub));
            checked.add(name);
        });
        assertTrue(checked.containsAll(java.util.List.of("load", "validate", "import", "export", "serve")), checked.toString());
    }

    private static void helpOf(String... command) {
        String[] args = java.util.Arrays.copyOf(command, command.length + 1);
        args[command.length] = "--help";
        Run r = run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
        assertTrue(r.out().startsWith("Usage: etom-kg " + String.join(" ", command) + " "), String.join(" ", args) + ": " + r.out());
        assertTrue(r.out().contains("-h, --help"), r.out());
    }

    @Test
    void sparqlAnswersAsJsonWithTheDeclaredPrefixes() {
        Run r = run(withData("sparql", "SELECT (COUNT(?e) AS ?n) WHERE { ?e skos:inScheme/etom:version \"25.5\" ; etom:level 2 }", "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonObject json = JSON.parse(r.out());
        assertEquals("120", json.get("results").getAsObject().get("bindings").getAsArray().get(0).getAsObject()
            .get("n").getAsObject().get("value").getAsString().value());
    }

    @Test
    void aQueryThatDoesNotParseSaysWhereOnTheUsersOwnLines() {
        Run r = run(withData("sparql", "SELECT ?x WHERE { ?x etom:level }"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("line 1"), r.err());
    }

    @Test
    void onlySelectIsAnswered() {
        Run r = run(withData("sparql", "ASK { ?s ?p ?o }"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("only SELECT"), r.err());
    }

    @Test
    void namedQueryAsCsv() {
        Run r = run(withData("query", "process", "--param", "id=1.1.9", "--format", "csv"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("25.0,1.1.9,Selling,2,1.1,Market & Sales"), r.out());
        assertTrue(!r.out().contains("25.5,1.1.9"), "Selling moved to 1.12.9 in 25.5: " + r.out());
    }

    @Test
    void listShowsEveryQueryWithItsParameters() {
        Run r = run(withData("query", "--list"));
        assertEquals(0, r.exit(), r.err());
        for (String name : new String[] {"release-summary", "subtree", "path-to-root", "map-cell", "process", "search", "release-diff"})
            assertTrue(r.out().contains(name), name + " missing from:\n" + r.out());
        assertTrue(r.out().contains("--param release=RELEASE (default 26.0)"), r.out());
    }

    @Test
    void unknownQueryMissingAndIllTypedParametersAreUserErrors() {
        Run unknown = run(withData("query", "no-such-query"));
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no named query 'no-such-query'"), unknown.err());

        Run missing = run(withData("query", "subtree"));
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("needs parameter 'id'"), missing.err());

        Run illTyped = run(withData("query", "subtree", "--param", "id=1.x"));
        assertEquals(2, illTyped.exit());
        assertTrue(illTyped.err().contains("parameter 'id' (identifier): '1.x' is not valid"), illTyped.err());

        Run extra = run(withData("query", "subtree", "--param", "id=1.3.3", "--param", "colour=red"));
        assertEquals(2, extra.exit());
        assertTrue(extra.err().contains("has no parameter 'colour'"), extra.err());
    }

    @Test
    void checkPassesOnTheShippedFilesWithWarningsForTheQuirks() {
        Run r = run(withData("check", "--limit", "1"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("0 errors"), r.out());
        assertTrue(r.out().contains("WARN source-quirks"), r.out());
        // Per release, a row per check that names one, zeros shown: the SKOS checks among them.
        String table = r.out().substring(r.out().indexOf("findings per release"));
        assertTrue(table.lines().findFirst().orElseThrow().matches("findings per release\\s+23\\.0\\.1\\s+23\\.5.*26\\.0"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("skos-reaches-domain(\\s+0){7}")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("source-quirks ")), table);
    }
}
