package org.etomkg.cli;

import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.etomkg.crosswalk.CrosswalkFiles;
import org.etomkg.crosswalk.ReleaseHistory;
import org.etomkg.extension.StoreReference;

import org.etomkg.store.remote.RemoteStore;
import org.etomkg.store.remote.StoreEndpoints;

import picocli.CommandLine.Option;

/**
 * {@code --store URL|FILE}: work on a remote SPARQL 1.1 store instead of the embedded one. Only
 * the commands that read or write the store take it.
 */
final class StoreOption {
    @Option(names = "--store", paramLabel = "URL|FILE",
        description = "A remote SPARQL 1.1 store instead of the embedded one: the dataset URL of a Fuseki-like server "
            + "(URL/sparql, URL/update, URL/data), or a store file naming the query, update and data endpoints and any credentials")
    String store;

    boolean remote() { return store != null; }

    /** Opens the remote store, checked; a store that does not answer or is not set up for us is a user error (exit 2). */
    RemoteStore open() {
        StoreEndpoints endpoints;
        try {
            endpoints = StoreEndpoints.of(store);
        } catch (IllegalArgumentException e) {
            throw new Failures.UserError(e.getMessage());
        }
        return RemoteStore.open(endpoints);
    }

    /**
     * The release history diff and migrate follow: from the remote store when one is given (its
     * release graphs and crosswalk graph), else from the ontology folder's files.
     */
    ReleaseHistory history(Locations locations) {
        CrosswalkFiles files = new CrosswalkFiles(locations.ontology());
        if (!remote()) return files.history();
        try (RemoteStore store = open()) {
            StoreReference reference = new StoreReference(store);
            Map<String, Graph> releases = new TreeMap<>();
            for (String version : reference.releases()) releases.put(version, reference.release(version));
            return files.history(releases, store.graph(CrosswalkFiles.CROSSWALK_GRAPH), "the crosswalk graph of " + store.where());
        }
    }
}
