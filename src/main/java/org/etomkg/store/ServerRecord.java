package org.etomkg.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * What a running {@code serve} publishes for its data folder: its SPARQL endpoint
 * ({@code DATA/serve.endpoint}) and the key that commands on the same folder write with
 * ({@code DATA/serve.key}, readable by its owner only). While a server holds the store, other
 * commands on the same folder go through it instead of opening the locked store.
 */
public final class ServerRecord {
    static final String FILE = "serve.endpoint";
    static final String KEY = "serve.key";
    /** The key file's name, for messages. */
    public static final String KEY_FILE = KEY;

    private ServerRecord() {}

    /** Writes the key first, so that a command that finds the endpoint also finds the key. */
    public static void publish(Path dataDir, String endpoint, String key) {
        try {
            if (key != null) writeOwnerOnly(dataDir.resolve(KEY), key + "\n");
            Files.writeString(dataDir.resolve(FILE), endpoint + "\n");
        } catch (IOException e) {
            throw new StoreException("cannot write " + dataDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public static void withdraw(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
            Files.deleteIfExists(dataDir.resolve(KEY));
        } catch (IOException ignored) {
            // a stale record is checked before use, and a stale key admits nothing
        }
    }

    public static Optional<String> endpoint(Path dataDir) { return read(dataDir.resolve(FILE)); }

    public static Optional<String> key(Path dataDir) { return read(dataDir.resolve(KEY)); }

    private static Optional<String> read(Path f) {
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Created with owner-only permissions from the start (never readable by others, even briefly), then moved in place. */
    private static void writeOwnerOnly(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another serve is starting on this folder", raced);
        }
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
