package org.etomkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * CI's {@code format --check}: every Turtle file under ontology/, shapes/ and examples/ (the
 * generated ones too, which the importers write through the same writer) is canonical, and
 * writing it again gives the same bytes (the writer is a fixed point). About 10 s.
 */
class CanonicalFilesTest {
    static List<Path> files() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("ontology", "shapes", "examples"))
            try (Stream<Path> s = Files.walk(Path.of(dir))) { s.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(files::add); }
        return files;
    }

    @Test
    void everyHandWrittenFileIsCanonical() throws Exception {
        List<String> notCanonical = new ArrayList<>();
        for (Path f : files()) {
            String text = Files.readString(f);
            String canonical = CanonicalTurtle.formatText(text);
            if (!canonical.equals(text)) notCanonical.add(f + " (run ./etom-kg format " + f + ")");
            assertEquals(canonical, CanonicalTurtle.format(canonical), f + ": formatting twice changes it");
        }
        assertEquals(List.of(), notCanonical);
    }
}
