package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.etomkg.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code etom-kg export archimate} from the files (no store): what it writes, says and exits with. */
class ArchimateExportCommandTest {
    @TempDir Path dir;

    @Test
    void aReleaseIsWrittenAndSaidSo() throws Exception {
        Path out = dir.resolve("etom.xml");
        Run r = CommandLineTest.run("export", "archimate", "--release", "25.5", "--levels", "1-2", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("eTOM 25.5:") && r.out().contains("views -> "), r.out());
        assertTrue(Files.readString(out).contains("xsi:type=\"BusinessFunction\""));
    }

    @Test
    void anExtensionFileBringsItsRelease() {
        Path out = dir.resolve("nordlicht.xml");
        Run r = CommandLineTest.run("export", "archimate", "--from", "examples/nordlicht-telecom.ttl", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("eTOM 25.5 with nordlicht-telecom:"), r.out());
    }

    @Test
    void badInputExitsTwoAndWritesNothing() {
        Path out = dir.resolve("never.xml");
        Run other = CommandLineTest.run("export", "archimate", "--from", "examples/nordlicht-telecom.ttl", "--release", "24.0", out.toString());
        assertEquals(2, other.exit());
        assertTrue(other.err().contains("extends release 25.5, not 24.0"), other.err());
        Run unknown = CommandLineTest.run("export", "archimate", "--release", "9.9", out.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no release 9.9"), unknown.err());
        Run levels = CommandLineTest.run("export", "archimate", "--release", "25.5", "--levels", "3-1", out.toString());
        assertEquals(2, levels.exit());
        Run none = CommandLineTest.run("export", "archimate", out.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--release"), none.err());
        assertFalse(Files.exists(out));
    }
}
