package org.etomkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The SPARQL endpoint a running {@code serve} publishes for a data folder
 * ({@code DATA/serve.endpoint}). While a server holds the store, other commands on the same
 * folder query through this endpoint instead of opening the locked store.
 */
public final class ServerRecord {
    static final String FILE = "serve.endpoint";

    private ServerRecord() {}

    public static void publish(Path dataDir, String endpoint) {
        try {
            Files.writeString(dataDir.resolve(FILE), endpoint + "\n");
        } catch (IOException e) {
            throw new StoreException("cannot write " + dataDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public static void withdraw(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // a stale record is checked before use
        }
    }

    public static Optional<String> endpoint(Path dataDir) {
        try {
            Path f = dataDir.resolve(FILE);
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
