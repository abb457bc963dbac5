package org.etomkg.server.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.etomkg.extension.ExtensionStore;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.vocab.ETOM;

/**
 * One named graph of the store as the descriptions and downloads present it: what kind of thing
 * it holds (read from its IRI, which the store's layout fixes), the release version or extension
 * name it stands for, and its triple count from the store's manifest.
 */
record StoredGraph(String iri, Kind kind, String name, OptionalLong triples) {

    /** What a graph holds; {@code name} is the version of a release, the name of an extension, else empty. */
    enum Kind {
        RELEASE("eTOM release "), DESCRIPTIONS("Descriptions of release "), META_MODEL("The etom-kg meta-model"),
        ENTRY("Entry ontology "), CROSSWALK("Crosswalk between releases: graph "), FRAMEWORKS("Frameworks linked to eTOM: graph "),
        EXTENSION("Extension "), EXTENSION_REGISTRY("The registry of stored extensions"), OTHER("Graph ");

        final String title;
        Kind(String title) { this.title = title; }
    }

    private static final String GRAPH = ETOM.BASE + "graph/";

    /**
     * The store's graphs, in IRI order, with the counts its manifest records; the manifest names
     * them too, without a look at the store, unless it is from before the counts were kept.
     */
    static List<StoredGraph> of(KnowledgeStore store) {
        Map<String, Long> counts = store.graphTriples();
        List<StoredGraph> out = new ArrayList<>();
        for (String g : counts.isEmpty() ? store.graphNames() : List.copyOf(counts.keySet())) {
            Long n = counts.get(g);
            out.add(classify(g, n == null ? OptionalLong.empty() : OptionalLong.of(n)));
        }
        return out;
    }

    static StoredGraph classify(String iri, OptionalLong triples) {
        String releases = GRAPH + "release/";
        if (iri.startsWith(releases)) {
            String rest = iri.substring(releases.length());
            if (rest.endsWith("/descriptions")) return new StoredGraph(iri, Kind.DESCRIPTIONS, rest.substring(0, rest.length() - "/descriptions".length()), triples);
            if (!rest.contains("/")) return new StoredGraph(iri, Kind.RELEASE, rest, triples);
        }
        String extensions = ExtensionStore.graphOf("");
        if (iri.startsWith(extensions) && ExtensionStore.validName(iri.substring(extensions.length())))
            return new StoredGraph(iri, Kind.EXTENSION, iri.substring(extensions.length()), triples);
        if (iri.equals(GRAPH + "extensions")) return new StoredGraph(iri, Kind.EXTENSION_REGISTRY, "", triples);
        if (iri.equals(GRAPH + "crosswalk") || iri.startsWith(GRAPH + "crosswalk/"))
            return new StoredGraph(iri, Kind.CROSSWALK, iri.substring(GRAPH.length()), triples);
        if (iri.equals(GRAPH + "frameworks") || iri.startsWith(GRAPH + "frameworks/"))
            return new StoredGraph(iri, Kind.FRAMEWORKS, iri.substring(GRAPH.length()), triples);
        if (iri.equals(ETOM.META_MODEL)) return new StoredGraph(iri, Kind.META_MODEL, "", triples);
        if (iri.equals(ETOM.ENTRY) || iri.startsWith(ETOM.ENTRY + "-")) return new StoredGraph(iri, Kind.ENTRY, iri.substring(ETOM.BASE.length()), triples);
        return new StoredGraph(iri, Kind.OTHER, iri, triples);
    }

    /** The stored graph of this kind and name, if there is one. */
    static Optional<StoredGraph> find(List<StoredGraph> graphs, Kind kind, String name) {
        return graphs.stream().filter(g -> g.kind() == kind && g.name().equals(name)).findFirst();
    }

    String title() { return kind.title + name; }
}
