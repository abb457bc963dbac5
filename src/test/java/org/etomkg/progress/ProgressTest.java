package org.etomkg.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @AfterEach
    void silentAgain() { Progress.showOn(null); }

    private String shown() { return bytes.toString(StandardCharsets.UTF_8); }

    @Test
    void aStageOfKnownSizeShowsHowFarItGotAndEndsOnItsOwnLine() {
        Progress.showOn(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (Progress.Stage stage = Progress.stage("writing 3 graphs", 1000, "triples")) {
            stage.at(400);   // drawn only when the last drawing is 200 ms old: the first line is the start
            stage.done();
        }
        String out = shown();
        assertTrue(out.startsWith("\retom-kg: writing 3 graphs: 0 of 1,000 triples (0%)"), out);
        assertTrue(out.endsWith("\retom-kg: writing 3 graphs: 1,000 triples, done in " + out.substring(out.lastIndexOf("done in ") + 8)), out);
        assertTrue(out.endsWith(" s\n"), out);
    }

    @Test
    void aStageClosedWithoutFinishingSaysItStopped() {
        Progress.showOn(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (Progress.Stage stage = Progress.counting("indexing", "entries")) {
            stage.at(5);
        }
        assertTrue(shown().contains("etom-kg: indexing: stopped after "), shown());
        assertFalse(shown().contains("done"), shown());
    }

    @Test
    void nothingIsShownUnlessAskedFor() {
        try (Progress.Stage stage = Progress.stage("reading", 10, "files")) {
            stage.advance(10);
            stage.done();
        }
        assertEquals("", shown());
        assertFalse(Progress.shown());
    }
}
