package org.etomkg.extension;

import java.util.Set;

import org.apache.jena.graph.Graph;

/**
 * The reference side of a validation: the meta-model and the releases an extension may
 * target or refer to. The command line reads them from the ontology folder; the server
 * reads them from the store.
 */
public interface ReferenceFramework {
    /** The release numbers available, such as 25.5. */
    Set<String> releases();

    /** One release's graph; only called for a release in {@link #releases()}. */
    Graph release(String version);

    Graph metaModel();
}
