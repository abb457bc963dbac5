package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The launcher's class archive (target/etom-kg.jsa): made in the background after a run that finds none,
 * used from the next run on, and never heard of: a command says the same with it, without it, or with a
 * damaged one.
 */
class QuickStartIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path ARCHIVE = REPO.resolve("target/etom-kg.jsa");
    private static final String VALIDATE = "./etom-kg validate examples/nordlicht-telecom.ttl 2>&1";

    @Test
    void theClassArchiveIsMadeOnceAndNeverChangesWhatACommandSays() throws Exception {
        Files.deleteIfExists(ARCHIVE);
        String without = run(VALIDATE);
        assertTrue(without.startsWith("CONFORMS: "), without);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.isRegularFile(ARCHIVE) && System.nanoTime() < until) Thread.sleep(200);
        assertTrue(Files.isRegularFile(ARCHIVE), "the launcher archives the classes after a run that found no archive");
        assertEquals(without, run(VALIDATE), "with the archive");

        Files.writeString(ARCHIVE, "not an archive");
        assertEquals(without, run(VALIDATE), "with a damaged archive");
        Files.delete(ARCHIVE);   // the next run makes a good one again
    }

    private static String run(String command) throws Exception {
        return ProgressOnATerminalIT.run(command);
    }
}
