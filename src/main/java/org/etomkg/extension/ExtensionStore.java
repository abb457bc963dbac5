package org.etomkg.extension;

import org.apache.jena.graph.Graph;
import org.etomkg.store.KnowledgeStore;

/**
 * Extensions in the store: each in a named graph of its own, named by its header IRI, so that
 * replacing one is a single write transaction (readers see the old extension or the new one)
 * and a rebuild of the reference keeps it.
 */
public final class ExtensionStore {
    private final KnowledgeStore store;

    public ExtensionStore(KnowledgeStore store) { this.store = store; }

    /** Stores a validated extension under its header IRI, replacing an earlier version. */
    public void put(String extensionIri, Graph extension) {
        store.replaceGraph(extensionIri, extension);
    }
}
