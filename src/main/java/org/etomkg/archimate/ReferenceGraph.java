package org.etomkg.archimate;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.store.OntologyFiles;

/**
 * The reference data an export reads, from the ontology folder (no store needed): the release, the
 * meta-model (domains and vertical groups), the vertical groups derived through the crosswalk and,
 * when asked, the ODA components and Open APIs.
 */
public final class ReferenceGraph {
    private ReferenceGraph() {}

    /** @throws IllegalArgumentException when the folder has no such release */
    public static Graph of(Path ontology, String release, boolean frameworks) {
        OntologyFolder folder = new OntologyFolder(ontology);
        if (!folder.releases().contains(release))
            throw new IllegalArgumentException("no release " + release + " in " + ontology + " (there are " + String.join(", ", folder.releases()) + ")");
        Graph data = GraphFactory.createDefaultGraph();
        folder.release(release).find().forEach(data::add);
        folder.metaModel().find().forEach(data::add);
        add(data, ontology.resolve("crosswalk").resolve("vertical-groups-derived.ttl"));
        if (frameworks) {
            add(data, ontology.resolve("frameworks").resolve("oda-components.ttl"));
            add(data, ontology.resolve("frameworks").resolve("open-apis.ttl"));
        }
        return data;
    }

    private static void add(Graph data, Path file) {
        if (Files.isRegularFile(file)) OntologyFiles.parse(file).find().forEach(data::add);
    }
}
