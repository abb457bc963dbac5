package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./etom-kg suggest}: one activity or a CSV of them, as text or CSV, and clear refusals. */
class SuggestCommandTest {
    @TempDir Path tmp;

    @Test
    void oneActivityIsRankedWithScoresAndReasons() {
        CommandLineTest.Run run = CommandLineTest.run("suggest", "Port the customer's number in", "--context", "Porting desk", "--limit", "3");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals("eTOM 26.0", lines[0], "the latest release of the checkout by default");
        assertTrue(lines[1].startsWith("Port the customer's number in  [Porting desk]"), run.out());
        assertEquals(5, lines.length, run.out());
        assertTrue(run.out().contains("1.5.4.7 Manage Number Portability"), run.out());
        assertTrue(lines[2].matches("  1\\. [0-9.]+ .+ \\(score [0-9.]+; .*level \\d\\)"), lines[2]);
    }

    @Test
    void aCsvFileOfActivitiesGivesCsvRowsPerSuggestion() throws Exception {
        Path file = Files.writeString(tmp.resolve("activities.csv"), "Activity,Context\n\"Chase unpaid invoice, again\",Collections\nSwap faulty ONT,\n");
        CommandLineTest.Run run = CommandLineTest.run("suggest", "--file", file.toString(), "--limit", "2", "--csv", "--release", "25.5");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().strip().split("\r?\n");
        assertEquals("activity,context,rank,identifier,name,level,score,reason", lines[0]);
        assertEquals(5, lines.length, run.out());
        assertTrue(lines[1].startsWith("\"Chase unpaid invoice, again\",Collections,1,"), lines[1]);
        assertTrue(lines[3].startsWith("Swap faulty ONT,,1,"), lines[3]);
    }

    @Test
    void unusableInputIsExit2WithTheReason() throws Exception {
        assertRefused("give one activity", "suggest");
        assertRefused("unknown release '9.9'", "suggest", "bill", "--release", "9.9");
        assertRefused("--limit is between 1 and 100", "suggest", "bill", "--limit", "0");
        assertRefused("no such file", "suggest", "--file", tmp.resolve("none.csv").toString());
        Path noColumn = Files.writeString(tmp.resolve("x.csv"), "task\nChase unpaid invoice\n");
        assertRefused("no 'activity' column", "suggest", "--file", noColumn.toString());
    }

    private static void assertRefused(String message, String... args) {
        CommandLineTest.Run run = CommandLineTest.run(args);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
    }
}
