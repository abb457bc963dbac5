package org.etomkg.extension;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.framework.MetaModel;
import org.etomkg.store.OntologyFiles;
import org.etomkg.vocab.ETOM;

/** The reference framework as shipped in the ontology folder, read on first use: no store needed. */
public final class OntologyFolder implements ReferenceFramework {
    private final Path dir;
    private final Map<String, Path> releaseFiles = new TreeMap<>();
    private final Map<String, Graph> cache = new ConcurrentHashMap<>();

    public OntologyFolder(Path dir) {
        this.dir = dir;
        for (String v : new java.util.ArrayList<>(listReleases(dir)))
            releaseFiles.put(v, dir.resolve("releases").resolve("etom-" + v + ".ttl"));
    }

    private static Set<String> listReleases(Path dir) {
        Set<String> out = new java.util.TreeSet<>();
        java.io.File[] files = dir.resolve("releases").toFile().listFiles((d, n) -> n.matches("etom-[0-9.]+\\.ttl"));
        if (files != null) for (java.io.File f : files) out.add(f.getName().replaceAll("^etom-|\\.ttl$", ""));
        return out;
    }

    @Override public Set<String> releases() { return releaseFiles.keySet(); }

    @Override public Graph release(String version) {
        return cache.computeIfAbsent(version, v -> {
            Graph g = OntologyFiles.parse(releaseFiles.get(v));
            Node release = org.apache.jena.graph.NodeFactory.createURI(ETOM.release(v));
            if (!g.contains(release, RDF.type.asNode(), ETOM.Release.asNode()))
                throw new ExtensionInputException(releaseFiles.get(v) + " does not describe release " + v);
            return g;
        });
    }

    @Override public Graph versionLinks() {
        return cache.computeIfAbsent("crosswalk", k -> {
            Path file = dir.resolve("crosswalk").resolve("etom-crosswalk.ttl");
            Graph links = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            if (java.nio.file.Files.isRegularFile(file))
                OntologyFiles.parse(file).find(Node.ANY, ETOM.term("nextVersion"), Node.ANY).forEachRemaining(links::add);
            return links;
        });
    }

    @Override public Graph metaModel() {
        return cache.computeIfAbsent("", k -> OntologyFiles.parse(dir.resolve(MetaModel.FILE_NAME)));
    }
}
