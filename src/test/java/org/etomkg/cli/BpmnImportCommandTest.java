package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./etom-kg import bpmn}: the draft written whole, the review on the screen, nothing written for a broken model. */
class BpmnImportCommandTest {
    static final Path EXAMPLE = Path.of("examples/bpmn/fjordlys-order-to-activation.bpmn");
    @TempDir Path tmp;

    @Test
    void theDraftIsWrittenReportedAndValidates() throws Exception {
        Path out = tmp.resolve("draft/fjordlys.ttl");
        Run run = run(out, EXAMPLE);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("10 processes, 4 units, 10 flow steps, 2 information entities -> " + out), run.out());
        assertTrue(run.out().contains("4 to review") && run.out().contains("#Task_Port \"Reserve a port on the access node\""), run.out());
        assertTrue(run.out().contains("validation: conforms, 0 violations, 0 warnings"), run.out());
        Graph draft = RDFDataMgr.loadGraph(out.toString());
        assertEquals(4, draft.find(null, SKOS.editorialNote.asNode(), null).toList().size());
        CommandLineTest.Run check = CommandLineTest.run("validate", out.toString());
        assertEquals(0, check.exit(), check.out());
    }

    @Test
    void aBrokenModelAmongGoodOnesWritesNothingAndExits2() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.bpmn"), "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process");
        Path out = tmp.resolve("draft.ttl");
        Run run = run(out, EXAMPLE, broken);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(broken.toString()) && run.err().contains("not a BPMN 2.0 model"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aModelOf100000TasksIsRefusedBeforeItIsReadAndNothingIsWritten() throws Exception {
        Path huge = tmp.resolve("huge.bpmn");
        try (var w = Files.newBufferedWriter(huge)) {   // streamed: the test holds no 100,000-task string
            w.write("<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
                + "<process id=\"P\">\n");
            for (int i = 0; i < 100_000; i++) w.write("<task id=\"T" + i + "\" name=\"1.3.3.10 Take order " + i + "\"/>\n");
            w.write("</process></definitions>\n");
        }
        Path out = tmp.resolve("huge.ttl");
        Run run = run(out, huge);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(huge + ": the model holds more than 20,000 activities; raise the limit with --max-activities N"), run.err());
        assertFalse(Files.exists(out));

        Run small = run(out, "--max-activities", "9", EXAMPLE);   // the example has 10
        assertEquals(2, small.exit(), small.err());
        assertTrue(small.err().contains("more than 9 activities"), small.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownReleaseIsExit2() {
        CommandLineTest.Run run = CommandLineTest.run("import", "bpmn", EXAMPLE.toString(), "--release", "9.9", "--name", "x");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown release '9.9'"), run.err());
    }

    @Test
    void exportWritesAFlowThatImportsBackAndAnUnknownFlowIsExit2() throws Exception {
        Path model = tmp.resolve("o2p.bpmn");
        CommandLineTest.Run out = CommandLineTest.run("export", "bpmn", "--flow", "Order-to-Payment", "--from", "examples/nordlicht-telecom.ttl", model.toString());
        assertEquals(0, out.exit(), out.err());
        assertTrue(Files.readString(model).contains("bpmndi:BPMNShape"), "with its diagram");
        Path draft = tmp.resolve("back.ttl");
        Run back = run(draft, model);
        assertEquals(0, back.exit(), back.err());
        assertTrue(back.out().contains("7 processes, 4 units, 9 flow steps"), back.out());
        CommandLineTest.Run unknown = CommandLineTest.run("export", "bpmn", "--flow", "Lead-to-Cash", "--from", "examples/nordlicht-telecom.ttl",
            tmp.resolve("x.bpmn").toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Order-to-Payment, Trouble-to-Resolve"), unknown.err());
        assertFalse(Files.exists(tmp.resolve("x.bpmn")));
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(Path out, Path... models) {
        return run(out, null, null, models);
    }

    /** With one more option and its value (or none when {@code option} is null). */
    private static Run run(Path out, String option, String value, Path... models) {
        String[] args = new String[models.length + 10 + (option == null ? 0 : 2)];
        args[0] = "import";
        args[1] = "bpmn";
        for (int i = 0; i < models.length; i++) args[2 + i] = models[i].toString();
        int k = 2 + models.length;
        if (option != null) {
            args[k++] = option;
            args[k++] = value;
        }
        for (String a : new String[] { "--release", "25.5", "--name", "Fjordlys order to activation", "--namespace",
                "https://fjordlys-telecom.example/etom/", "--out" }) args[k++] = a;
        args[k] = out.toString();
        CommandLineTest.Run r = CommandLineTest.run(args);
        return new Run(r.exit(), r.out(), r.err());
    }
}
