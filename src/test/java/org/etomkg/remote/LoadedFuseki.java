package org.etomkg.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.etomkg.store.ShippedStore;
import org.etomkg.store.remote.RemoteLoad;
import org.etomkg.store.remote.RemoteStore;
import org.etomkg.store.remote.StoreEndpoints;

/**
 * One second Fuseki per test JVM, loaded once with the shipped ontology by {@code load --store}'s
 * own code: loading half a million triples over HTTP takes a while, so the remote-store tests share
 * it. It stops with the JVM. Test classes run one after another; one that stops it starts it again.
 */
public final class LoadedFuseki {
    private static LoadedFuseki shared;

    public final RemoteFuseki fuseki;
    /** What the first load did. */
    public final RemoteLoad.Result firstLoad;

    private LoadedFuseki(RemoteFuseki fuseki, RemoteLoad.Result firstLoad) {
        this.fuseki = fuseki;
        this.firstLoad = firstLoad;
    }

    public static synchronized LoadedFuseki shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("etomkg-remote-fuseki");
                RemoteFuseki fuseki = RemoteFuseki.start(dir.resolve("tdb2"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    fuseki.close();
                    ShippedStore.deleteTree(dir);
                }));
                RemoteLoad.Result first;
                long start = System.nanoTime();
                try (RemoteStore store = RemoteStore.open(StoreEndpoints.of(fuseki.url()))) {
                    first = RemoteLoad.load(store, ShippedStore.ONTOLOGY);
                }
                System.out.printf("Fuseki: loaded %,d triples in %d ms%n", first.triples(), (System.nanoTime() - start) / 1_000_000);
                shared = new LoadedFuseki(fuseki, first);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public RemoteStore open() { return RemoteStore.open(StoreEndpoints.of(fuseki.url())); }
}
