package org.etomkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The store built from the shipped {@code ontology/}, for tests that read it, copied into each test's own
 * data folder, which it is then free to write to. A build is 20 s on an idle machine and a minute on a busy
 * one, so it is made once: in the folder the build names ({@code etomkg.testStore}, set by the pom), shared
 * by the test JVMs that run side by side and kept for the next run until {@code ontology/} changes, as
 * {@code serve} keeps its store; in a temporary folder per JVM when no folder is named.
 */
public final class ShippedStore {
    public static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();

    private static Path master;

    private ShippedStore() {}

    /** A data folder at {@code data} holding a copy of the store built from {@code ontology/}. */
    public static Path copyTo(Path data) {
        try {
            copyTree(master(), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    private static synchronized Path master() throws IOException {
        String shared = System.getProperty("etomkg.testStore");
        if (master == null && shared != null) {
            Path data = Path.of(shared).toAbsolutePath();
            Files.createDirectories(data.getParent());
            // One JVM builds while the others wait; each then finds the store as its manifest wants it.
            try (FileChannel lock = FileChannel.open(data.resolveSibling(data.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                new StoreBuilder().ensure(ONTOLOGY, data);
            }
            master = data;
        }
        if (master == null) {
            Path dir = Files.createTempDirectory("etom-kg-test-store");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            new StoreBuilder().rebuild(ONTOLOGY, dir.resolve("data"));
            master = dir.resolve("data");
        }
        return master;
    }

    /** Copies a data folder; the lock file stays behind, since no process holds the copy. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().equals("tdb.lock")) continue;
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans up what is left
        }
    }
}
