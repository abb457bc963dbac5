package org.etomkg.ontology;

import java.nio.file.Path;
import java.util.List;

import org.semanticweb.owlapi.model.IRI;

/**
 * The per-release entry ontologies, {@code ontology/etom-R.ttl}: each imports the meta-model,
 * release R and the frameworks of R's release train, and nothing that spans every release.
 */
record ReleaseEntries(String release, Path file, IRI iri) {
    static final List<String> RELEASES = List.of("23.0.1", "23.5", "24.0", "24.5", "25.0", "25.5", "26.0");
    static final String BASE = "https://w3id.org/etom-kg/";

    static List<ReleaseEntries> all() {
        return RELEASES.stream().map(ReleaseEntries::of).toList();
    }

    static ReleaseEntries of(String release) {
        return new ReleaseEntries(release, OfflineCatalog.ONTOLOGY_DIR.resolve("etom-" + release + ".ttl"),
            IRI.create(BASE + "etom-" + release));
    }

    /** True for an entry file; the whole closure, etom.ttl, leaves them out. */
    static boolean isEntryFile(Path file) {
        return RELEASES.stream().anyMatch(r -> of(r).file().normalize().toAbsolutePath().equals(file.normalize().toAbsolutePath()));
    }

    /** Processes and retired processes of a release are minted under these two namespaces. */
    static String processNamespace(String release) { return BASE + "release/" + release + "/process/"; }
    static String retiredNamespace(String release) { return BASE + "release/" + release + "/retired/"; }

    /** The ontologies an entry's import closure must be: itself, the meta-model, the release, the frameworks of its train. */
    List<IRI> expectedClosure() {
        String ff = release.equals("23.0.1") ? "23.0" : release;
        List<String> iris = new java.util.ArrayList<>(List.of(iri.toString(), BASE + "ontology", BASE + "graph/release/" + release,
            BASE + "graph/frameworks/vocabulary", BASE + "graph/frameworks/functional-framework/" + ff));
        if (!release.equals("23.0.1")) iris.add(BASE + "graph/frameworks/sid/" + release);   // no SID of the 23.0 train
        return iris.stream().map(IRI::create).sorted().toList();
    }
}
