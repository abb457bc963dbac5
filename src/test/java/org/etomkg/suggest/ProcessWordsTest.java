package org.etomkg.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.etomkg.extension.OntologyFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessWordsTest {
    @Test
    void aLineAppliesWhereIdentifierAndNameAgreeElseWhereTheNameAloneIsUnique() {
        ProcessWords words = ProcessWords.parse("""
            # ours
            1.3.9 | Bill Invoice Management | dunning letter, e-bill
            1.3.7 | Bill Payments & Receivables Management | direct debit
            9.9.9 | Order Handling | work order
            1.2.3 | Twice | nothing
            """);
        Map<String, String> applied = words.forRelease(Map.of(
            "1.3.9", "Bill Invoice Management",
            "1.3.8", "Bill Payments and Receivables Management",   // renumbered, and "&" written out
            "1.3.3", "Order Handling",
            "1.3.4", "Order handling",                              // the name twice: the line is ambiguous
            "1.2.3", "Something Else"));
        assertEquals(Map.of("1.3.9", "dunning letter, e-bill", "1.3.8", "direct debit"), applied);
    }

    @Test
    void aBrokenLineIsRefusedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("process-words.txt");
        Files.writeString(file, "# ours\n1.3.9 | Bill Invoice Management | dunning\n1.3.x | Order Handling | ticket\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ProcessWords.read(file));
        assertEquals(file + ", line 3: '1.3.x' is not a process identifier such as 1.3.3.10", e.getMessage());
        Files.writeString(file, "1.3.9 | Bill Invoice Management\n");
        e = assertThrows(IllegalArgumentException.class, () -> ProcessWords.read(file));
        assertTrue(e.getMessage().startsWith(file + ", line 1: not 'identifier | name | words'"), e.getMessage());
        Files.writeString(file, "1.3.9 | Bill Invoice Management |  \n");
        e = assertThrows(IllegalArgumentException.class, () -> ProcessWords.read(file));
        assertEquals(file + ", line 1: no words for 1.3.9 Bill Invoice Management", e.getMessage());
    }

    @Test
    void anActivityFindsAProcessByItsTradeWordsAndTheReasonSaysSo() {
        Graph release = new OntologyFolder(Path.of("ontology")).release(LabelledActivities.RELEASE);
        String activity = "Wibble the flurgle";
        assertTrue(new ParentSuggestions(release, TelecomSynonyms.none()).suggest(activity, null, 5).isEmpty());
        var top = new ParentSuggestions(release, TelecomSynonyms.none(),
            ProcessWords.parse("1.3.9 | Customer Bill Invoice Management | flurgle, wibbling\n")).suggest(activity, null, 5);
        assertEquals("1.3.9", top.get(0).identifier(), top.toString());
        assertEquals(java.util.List.of("Wibble", "flurgle"), top.get(0).trade());
        assertTrue(top.get(0).reason().startsWith("trade words Wibble, flurgle"), top.get(0).reason());
    }

    @Test
    void theShippedFileReadsAndNamesProcessesOfTheLatestRelease() {
        ProcessWords shipped = ProcessWords.inFolder(Path.of("ontology"));
        Graph release = new OntologyFolder(Path.of("ontology")).release(LabelledActivities.RELEASE);
        Map<String, String> names = new java.util.HashMap<>();
        release.find(null, org.apache.jena.vocabulary.SKOS.notation.asNode(), null).forEachRemaining(t -> {
            var label = release.find(t.getSubject(), org.apache.jena.vocabulary.RDFS.label.asNode(), null);
            if (label.hasNext()) names.put(t.getObject().getLiteralLexicalForm(), label.next().getObject().getLiteralLexicalForm());
        });
        assertTrue(shipped.entries().size() >= 2_000, "a line per process of levels 2 to 4: " + shipped.entries().size());
        assertEquals(shipped.entries().size(), shipped.forRelease(names).size(), "every line names a process of " + LabelledActivities.RELEASE);
    }
}
