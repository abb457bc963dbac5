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

    /**
     * The crosswalk's {@code etom:nextVersion} links between the same process in consecutive
     * releases, which let a report name what an outdated reference is called in the targeted
     * release; empty when the crosswalk is not at hand. Read only when a report needs it.
     */
    default Graph versionLinks() { return org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph(); }
}
