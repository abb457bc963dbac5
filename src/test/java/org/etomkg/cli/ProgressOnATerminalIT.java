package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Progress is for someone watching: through the launcher, under a pseudo-terminal (util-linux's
 * {@code script}), a validation shows its stages on stderr; with {@code --quiet}, or when stderr is
 * a file, it shows none, and standard output is the same either way.
 */
class ProgressOnATerminalIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final String VALIDATE = "./etom-kg validate examples/nordlicht-telecom.ttl";

    @Test
    void aTerminalSeesTheStagesAndQuietOrAFileSeesNone() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script gives the command a terminal");
        String watched = run("script -qec '" + VALIDATE + "' /dev/null");
        assertTrue(watched.contains("etom-kg: reading examples/nordlicht-telecom.ttl, done in "), watched);
        assertTrue(watched.contains("etom-kg: validating ") && watched.contains("triples against the shapes, done in "), watched);
        assertTrue(watched.contains("CONFORMS"), watched);

        String quiet = run("script -qec '" + VALIDATE + " --quiet' /dev/null");
        assertFalse(quiet.contains("etom-kg: "), quiet);
        assertTrue(quiet.contains("CONFORMS"), quiet);

        String toFile = run(VALIDATE + " 2>&1");
        assertFalse(toFile.contains("etom-kg: "), toFile);
        assertEquals(quiet.replace("\r\n", "\n").strip(), toFile.strip(), "the report is the same whoever watches");
    }

    /** Runs a command line in the checkout, stderr with stdout; it must exit 0. */
    static String run(String command) throws Exception {
        Path out = Files.createTempFile("progress", ".txt");
        try {
            Process p = new ProcessBuilder("bash", "-c", command).directory(REPO.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), command + " did not finish");
            assertEquals(0, p.exitValue(), () -> command + ": " + read(out));
            return read(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
