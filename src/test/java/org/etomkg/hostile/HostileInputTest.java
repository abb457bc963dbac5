package org.etomkg.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.etomkg.cli.EtomKg;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.hostile.HostileInputs.Expect;
import org.etomkg.hostile.HostileInputs.HostileInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the hostile corpus through the one reader and through {@code etom-kg validate}:
 * refused with a message naming the file (exit 2), or read; never a stack trace, never a
 * connection to the trap the files point at.
 */
class HostileInputTest {
    @TempDir static Path dir;
    static ConnectionTrap trap;
    static Map<String, HostileInput> corpus;

    @BeforeAll
    static void writeCorpus() throws IOException {
        trap = new ConnectionTrap();
        corpus = HostileInputs.corpus(dir, trap).stream().collect(Collectors.toMap(HostileInput::name, Function.identity()));
    }

    @AfterAll
    static void closeTrap() throws IOException {
        trap.close();
    }

    @TestFactory
    Stream<DynamicTest> theReaderRefusesOrReadsEachFileAndContactsNothing() {
        return corpus.values().stream().sorted(java.util.Comparator.comparing(HostileInput::name))
            .map(in -> dynamicTest(in.name(), () -> {
                if (in.expect() == Expect.READ) {
                    Graph g = ExtensionFiles.read(in.file());
                    assertFalse(g.isEmpty(), in.name());
                } else {
                    ExtensionInputException e = assertThrows(ExtensionInputException.class, () -> ExtensionFiles.read(in.file()), in.name());
                    assertTrue(e.getMessage().startsWith(in.file().toString()), "names the file first: " + e.getMessage());
                    assertEquals(in.expect() == Expect.TOO_LARGE, e.tooLarge(), "size hint of: " + e.getMessage());
                }
                assertEquals(List.of(), trap.contacts(), in.name() + " reached the network");
            }));
    }

    @TestFactory
    Stream<DynamicTest> validateExitsWithTwoNamingTheFileAndShowsNoStackTrace() {
        return corpus.values().stream().sorted(java.util.Comparator.comparing(HostileInput::name))
            .map(in -> dynamicTest(in.name(), () -> {
                Run r = run("validate", in.file().toString());
                if (in.expect() == Expect.READ) {   // a report, or (for a file that is no extension) the validator's own complaint
                    assertTrue(r.exit() >= 0 && r.exit() <= 2, in.name() + ": exit " + r.exit() + "\n" + r.err());
                } else {
                    assertEquals(2, r.exit(), in.name() + ": " + r.err());
                    assertTrue(r.err().contains(in.file().toString()), "names the file: " + r.err());
                    assertTrue(r.err().lines().allMatch(l -> l.startsWith("etom-kg: " + in.file())),
                        "one line, ours, and no library's log line: " + r.err());
                }
                assertNoStackTrace(in.name(), r.err());
                assertEquals(List.of(), trap.contacts(), in.name() + " reached the network");
            }));
    }

    @Test
    void aFileContextThatExistsAndOneThatDoesNotGiveTheSameMessage() {
        String existing = message(corpus.get("jsonld-file-context-existing"));
        String missing = message(corpus.get("jsonld-file-context-missing"));
        assertTrue(existing.contains("remote JSON-LD contexts are not fetched"), existing);
        assertTrue(existing.contains("secret.jsonld") && missing.contains("no-such-context.jsonld"), existing + "\n" + missing);
        assertEquals(strip(existing), strip(missing));
    }

    @Test
    void aRemoteContextIsNamedInTheMessage() {
        HostileInput in = corpus.get("jsonld-imported-context");
        String m = message(in);
        assertTrue(m.contains(trap.uri("import.jsonld").toString()) && m.contains("inline the context"), m);
    }

    @Test
    void anExternalEntityNeverPutsTheFileIntoTheGraph() {
        String m = message(corpus.get("rdfxml-external-entity-file"));
        assertFalse(m.contains("leak.example"), m);
    }

    @Test
    void nestingAtTheLimitIsReadOnAThreadWithAServersStack() throws InterruptedException {
        int limit = 1000;   // NestingLimit.MAX_DEPTH, documented in the README
        List<HostileInput> atLimit = List.of(HostileInputs.turtleNestedBlankNodes(dir, limit), HostileInputs.turtleNestedLists(dir, limit),
            HostileInputs.jsonLdNestedArrays(dir, limit - 1), HostileInputs.jsonLdNestedObjects(dir, limit));
        List<String> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread t = new Thread(null, () -> {
            for (HostileInput in : atLimit) {
                try {
                    results.add(in.name() + " " + ExtensionFiles.read(in.file()).size());
                } catch (RuntimeException e) {
                    results.add(in.name() + " " + e.getMessage());
                }
            }
        }, "one-megabyte-stack", 1 << 20);
        t.start();
        t.join();
        assertEquals(List.of("turtle-nested-blank-nodes 1001", "turtle-nested-lists 2001", "jsonld-nested-arrays 1", "jsonld-nested-objects 1000"),
            results);
        ExtensionInputException over = assertThrows(ExtensionInputException.class,
            () -> ExtensionFiles.read(HostileInputs.turtleNestedLists(dir, limit + 1).file()));
        assertTrue(over.getMessage().contains(":2: nesting deeper than 1000 levels") && over.tooLarge(), over.getMessage());
    }

    private static String message(HostileInput in) {
        return assertThrows(ExtensionInputException.class, () -> ExtensionFiles.read(in.file())).getMessage();
    }

    /** The message without its file names and the context URL: what would tell the two cases apart. */
    private static String strip(String message) {
        return message.replaceAll("\\S*\\.jsonld", "FILE");
    }

    static void assertNoStackTrace(String name, String err) {
        for (String line : err.split("\n")) {
            assertFalse(line.strip().startsWith("at "), name + " printed a stack trace:\n" + err);
            assertFalse(line.contains("Exception") || line.contains("Error:"), name + " printed an exception:\n" + err);
        }
    }

    record Run(int exit, String out, String err) {}

    /** Runs the command line in-process, as CommandLineTest does, capturing stdout and both error streams. */
    static Run run(String... args) {
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), sysErr = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
            picocli.CommandLine cl = EtomKg.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit;
            try {
                exit = cl.execute(args);
            } catch (Throwable t) {   // what would reach the screen as a stack trace
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                err.write(trace.toString());
                exit = -1;
            }
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err + sysErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
