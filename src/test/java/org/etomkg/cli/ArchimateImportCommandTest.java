package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.etomkg.hostile.ConnectionTrap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./etom-kg import archimate}: an exported model imports back and validates; hostile input
 * (not XML, XXE, billion laughs, a dangling reference, 100,000 elements) exits 2 naming the file and
 * line, and writes nothing: a new --out is not created, an existing one is left as it was.
 */
class ArchimateImportCommandTest {
    static final String NS = "http://www.opengroup.org/xsd/archimate/3.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    @TempDir static Path tmp;
    static Path exported;

    @BeforeAll
    static void export() {
        exported = tmp.resolve("nordlicht.xml");
        CommandLineTest.Run run = CommandLineTest.run("export", "archimate", "--from", "examples/nordlicht-telecom.ttl", exported.toString());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void anExportedModelImportsBackReportsAndValidates() throws Exception {
        Path out = tmp.resolve("back/nordlicht.ttl");
        CommandLineTest.Run run = import_(exported, out);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("43 processes, 15 units and roles, 20 assignments, 11 applications, 10 information entities, 7 KPIs, 2 flows -> " + out),
            run.out());
        assertTrue(run.out().contains("namespace https://nordlicht-telecom.example/etom/, the one the model's processes use"), run.out());
        assertTrue(run.out().contains("validation: conforms, 0 violations"), run.out());
        CommandLineTest.Run check = CommandLineTest.run("validate", out.toString());
        assertEquals(0, check.exit(), check.out());
    }

    @Test
    void notXmlExits2AndWritesNothing() throws Exception {
        refused(Files.writeString(tmp.resolve("not.xml"), "this is not XML\n"), ":1: not well-formed XML");
    }

    @Test
    void anotherXmlVocabularyExits2() throws Exception {
        refused(Files.writeString(tmp.resolve("other.xml"), "<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>\n"),
            ":2: not an ArchiMate exchange file");
    }

    @Test
    void anExternalEntityIsRefusedAndNeverFetched() throws Exception {
        try (ConnectionTrap trap = new ConnectionTrap()) {
            refused(Files.writeString(tmp.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE model [ <!ENTITY secret SYSTEM "%s"> ]>
                <model xmlns="%s" identifier="m"><name>&secret;</name></model>
                """.formatted(trap.uri("/secret"), NS)), ":2: a DOCTYPE is refused");
            assertEquals(List.of(), trap.contacts(), "nothing was fetched");
        }
    }

    @Test
    void aBillionLaughsIsRefusedBeforeAnyExpansion() throws Exception {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE model [\n <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) doc.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        doc.append("]>\n<model xmlns=\"").append(NS).append("\" identifier=\"m\"><name>&lol9;</name></model>\n");
        refused(Files.writeString(tmp.resolve("lol.xml"), doc), ":2: a DOCTYPE is refused");
    }

    @Test
    void aDanglingReferenceNamesTheLineAndTheRelationship() throws Exception {
        String xml = Files.readString(exported).replace("</relationships>",
            "  <relationship identifier=\"dangling\" source=\"nowhere\" target=\"" + firstElement() + "\" xsi:type=\"Serving\"/>\n  </relationships>");
        Path file = Files.writeString(tmp.resolve("dangling.xml"), xml);
        long line = xml.substring(0, xml.indexOf("identifier=\"dangling\"")).lines().count();
        refused(file, ":" + line + ", element dangling: the relationship's source nowhere is not an element or relationship of the file");
    }

    @Test
    void aViewNodeShowingAMissingElementIsADanglingReferenceToo() throws Exception {
        refused(Files.writeString(tmp.resolve("view.xml"), """
            <?xml version="1.0"?>
            <model xmlns="%s" xmlns:xsi="%s" identifier="m"><name>m</name>
              <views><diagrams><view identifier="v" xsi:type="Diagram"><name>v</name>
                <node identifier="n1" elementRef="gone" xsi:type="Element" x="1" y="1" w="1" h="1"/>
              </view></diagrams></views>
            </model>
            """.formatted(NS, XSI)), ":4, element n1: the view node shows element gone, which the file lacks");
    }

    @Test
    void aHundredThousandElementsGiveAClearErrorNotAFullMemory() throws Exception {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<model xmlns=\"" + NS + "\" xmlns:xsi=\"" + XSI + "\" identifier=\"m\">\n<name>big</name>\n<elements>\n");
        for (int i = 0; i < 100_000; i++)
            doc.append("<element identifier=\"e").append(i).append("\" xsi:type=\"BusinessProcess\"><name>Process ").append(i).append("</name></element>\n");
        doc.append("</elements>\n</model>\n");
        refused(Files.writeString(tmp.resolve("big.xml"), doc), ":50005, element e50000: more than 50000 elements");
    }

    /** Exit 2 with the file and the words given, and nothing written: neither a new file nor over an old one. */
    private static void refused(Path model, String words) throws Exception {
        Path fresh = tmp.resolve("fresh-" + model.getFileName() + ".ttl");
        CommandLineTest.Run run = import_(model, fresh);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(model + words), run.err());
        assertFalse(Files.exists(fresh), "no file written");
        Path old = Files.writeString(tmp.resolve("old-" + model.getFileName() + ".ttl"), "# an earlier extension\n");
        assertEquals(2, import_(model, old).exit());
        assertEquals("# an earlier extension\n", Files.readString(old), "an existing file is left as it was");
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(DraftFile.TEMPORARY)), "no temporary file left");
        }
    }

    private static CommandLineTest.Run import_(Path model, Path out) {
        return CommandLineTest.run("import", "archimate", model.toString(), "--release", "25.5", "--name", "Nordlicht Telecom process model",
            "--out", out.toString());
    }

    private static String firstElement() throws Exception {
        String xml = Files.readString(exported);
        int at = xml.indexOf("<element identifier=\"") + "<element identifier=\"".length();
        return xml.substring(at, xml.indexOf('"', at));
    }
}
