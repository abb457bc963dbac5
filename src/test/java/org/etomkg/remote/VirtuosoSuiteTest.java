package org.etomkg.remote;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.etomkg.store.ShippedStore;
import org.etomkg.store.remote.RemoteLoad;
import org.etomkg.store.remote.RemoteStore;
import org.etomkg.store.remote.StoreEndpoints;
import org.junit.jupiter.api.AfterAll;

/**
 * The suite on Virtuoso 7 open source (Debian's), a store of another family, reached through a
 * store file with its three endpoints and a user, as a CSP would set it up. Skipped only where
 * Virtuoso is not installed; {@code .ci/run} installs it.
 */
class VirtuosoSuiteTest extends RemoteStoreSuite {
    private VirtuosoStore virtuoso;
    private Path storeFile;
    private RemoteLoad.Result first;

    @Override RemoteStore loadedStore() throws Exception {
        assumeTrue(VirtuosoStore.installed(), "Virtuoso (virtuoso-opensource) is not installed");
        virtuoso = VirtuosoStore.start();
        storeFile = Files.createTempFile("virtuoso", ".store", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(storeFile, "query = " + virtuoso.queryEndpoint() + "\nupdate = " + virtuoso.updateEndpoint()
            + "\ndata = " + virtuoso.graphStoreEndpoint() + "\nuser = " + virtuoso.user() + "\npassword = " + virtuoso.password() + "\n");
        RemoteStore store = RemoteStore.open(StoreEndpoints.of(storeFile.toString()));
        long start = System.nanoTime();
        first = RemoteLoad.load(store, ShippedStore.ONTOLOGY);
        System.out.printf("Virtuoso: started in %d ms, loaded %,d triples in %d ms%n", virtuoso.startMillis(), first.triples(),
            (System.nanoTime() - start) / 1_000_000);
        return store;
    }

    @Override RemoteLoad.Result firstLoad() { return first; }

    @Override Map<String, String> answersOtherwise() { return Map.of(); }

    @AfterAll
    void stopVirtuoso() throws Exception {
        if (virtuoso != null) virtuoso.close();
        if (storeFile != null) Files.deleteIfExists(storeFile);
    }
}
