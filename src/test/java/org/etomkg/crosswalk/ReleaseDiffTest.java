package org.etomkg.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.etomkg.framework.ProcessIdentifier;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code diff} between any two releases, composed along the shipped crosswalk, and the command that prints it. */
class ReleaseDiffTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = Shipped.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    static DiffRow row(ReleaseDiff d, String oldId) {
        return d.rows().stream().filter(r -> r.before() != null && r.before().id().text().equals(oldId)).findFirst().orElseThrow();
    }

    @Test
    void consecutiveReleasesShowSellingRenumbered() {
        ReleaseDiff d = Shipped.history().diff("25.0", "25.5");
        DiffRow selling = row(d, "1.1.9");
        assertEquals("renumbered+moved", selling.change());
        assertEquals("1.12.9", selling.after().id().text());
        assertEquals("same-name", selling.rule());
        System.out.println("25.0 to 25.5: " + d.counts());
    }

    @Test
    void releasesFarApartAreComparedThroughEveryReleaseBetween() {
        ReleaseHistory h = Shipped.history();
        ReleaseDiff d = h.diff("23.0.1", "26.0");
        System.out.println("23.0.1 to 26.0: " + d.counts());
        assertEquals("1.12.9", row(d, "1.1.9").after().id().text());
        assertEquals("renumbered+moved", row(d, "1.1.9").change());
        // 23.0.1's Enterprise Risk Management (1.7.2.2) became 1.7.2 in 23.5 and stayed so
        DiffRow erm = row(d, "1.7.2.2");
        assertEquals("1.7.2", erm.after().id().text());
        assertEquals("renumbered+moved", erm.change());
        assertTrue(erm.note().contains("23.0.1 to 23.5"), erm.note());
        // removed on the way, with where it went and what survives above it
        DiffRow forecast = row(d, "1.1.3.3");
        assertEquals("removed", forecast.change());
        assertTrue(forecast.note().contains("removed in 25.5") && forecast.note().contains("nearest surviving ancestor in 26.0: 1.1 Market Domain"),
            forecast.note());
        // ambiguous on the way
        DiffRow issue = row(d, "1.3.10.4");
        assertEquals("ambiguous", issue.change());
        assertTrue(issue.note().contains("1.3.3.10.4"), issue.note());

        // one row per process of either release
        Set<ProcessIdentifier> before = new HashSet<>(), after = new HashSet<>();
        for (DiffRow r : d.rows()) {
            if (r.before() != null) assertTrue(before.add(r.before().id()), "twice: " + r.before());
            if (r.after() != null) assertTrue(after.add(r.after().id()), "twice: " + r.after());
        }
        assertEquals(h.release("23.0.1").size(), before.size());
        assertEquals(h.release("26.0").size(), after.size());
    }

    @Test
    void aDiffRunsBackwardsToo() {
        ReleaseDiff d = Shipped.history().diff("26.0", "23.0.1");
        DiffRow selling = row(d, "1.12.9");
        assertEquals("1.1.9", selling.after().id().text());
        assertEquals("renumbered+moved", selling.change());
    }

    @Test
    void forConsecutiveReleasesTheDiffIsTheCrosswalk() {
        ReleaseHistory h = Shipped.history();
        ReleaseCrosswalk step = Shipped.step(h, "24.0");
        ReleaseDiff d = h.diff("24.0", "24.5");
        for (Correspondence c : step.correspondences()) {
            if (c.from() == null) continue;
            assertEquals(c.kind(), row(d, c.from().id().text()).change(), c.toString());
        }
    }

    @Test
    void theCommandPrintsCsvAndRefusesAnUnknownRelease() {
        Run r = run("diff", "--from", "25.0", "--to", "25.5", "--format", "csv", "--changes-only");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("change,old_identifier,old_name,new_identifier,new_name,rule,note", lines.get(0));
        assertTrue(lines.contains("renumbered+moved,1.1.9,Selling,1.12.9,Selling,same-name,"), r.out().substring(0, 2000));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("unchanged,")), "--changes-only");

        Run bad = run("diff", "--from", "25.0", "--to", "27.5");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("unknown release '27.5'"), bad.err());
    }
}
