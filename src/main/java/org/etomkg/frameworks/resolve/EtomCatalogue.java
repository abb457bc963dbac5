package org.etomkg.frameworks.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.frameworks.source.Catalogues;
import org.etomkg.importer.SourceException;
import org.etomkg.vocab.ETOM;

/**
 * The eTOM releases etom-kg ships ({@code ontology/releases/etom-*.ttl}), read for resolving
 * references: each release's processes by identifier, with their names.
 */
public final class EtomCatalogue {
    private final TreeMap<String, Map<String, EtomProcess>> releases;
    private final Map<String, EtomProcess> byIri = new HashMap<>();

    private EtomCatalogue(TreeMap<String, Map<String, EtomProcess>> releases) {
        this.releases = releases;
        releases.values().forEach(r -> r.values().forEach(p -> byIri.put(p.iri(), p)));
    }

    /** Reads every release file of {@code ontologyDir/releases}. */
    public static EtomCatalogue read(Path ontologyDir) {
        Path dir = ontologyDir.resolve("releases");
        if (!Files.isDirectory(dir)) throw new SourceException(dir + ": no such folder (the eTOM release files references resolve against)");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("etom-[0-9.]+\\.ttl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) throw new SourceException(dir + ": no release files etom-VERSION.ttl");
        TreeMap<String, Map<String, EtomProcess>> releases = new TreeMap<>(Comparator.comparing(ReleaseVersion::new));
        for (Path f : files) {
            Graph g = GraphFactory.createDefaultGraph();
            try {
                RDFParser.source(f).lang(Lang.TURTLE).parse(g);
            } catch (RiotException e) {
                throw new SourceException(f + ": " + e.getMessage(), e);
            }
            read(g, f, releases);
        }
        return new EtomCatalogue(releases);
    }

    private static void read(Graph g, Path file, Map<String, Map<String, EtomProcess>> out) {
        Node version = ETOM.version.asNode();
        List<Triple> schemes = g.find(Node.ANY, version, Node.ANY).toList();
        if (schemes.size() != 1) throw new SourceException(file + ": expected one release (etom:version), found " + schemes.size());
        String v = schemes.get(0).getObject().getLiteralLexicalForm();
        Node scheme = schemes.get(0).getSubject();
        Map<String, EtomProcess> processes = new HashMap<>();
        g.find(Node.ANY, SKOS.inScheme.asNode(), scheme).forEach(t -> {
            Node p = t.getSubject();
            if (!g.contains(p, RDF.type.asNode(), ETOM.ProcessElement.asNode())) return;
            String id = literal(g, p, SKOS.notation.asNode());
            String label = literal(g, p, RDFS.label.asNode());
            if (id == null || label == null) return;
            List<String> names = new ArrayList<>();
            names.add(label);
            g.find(p, SKOS.altLabel.asNode(), Node.ANY).forEach(a -> names.add(a.getObject().getLiteralLexicalForm()));
            Collections.sort(names.subList(1, names.size()));
            processes.put(id, new EtomProcess(p.getURI(), v, id, label, names));
        });
        out.put(v, processes);
    }

    private static String literal(Graph g, Node s, Node p) {
        List<Triple> ts = g.find(s, p, Node.ANY).toList();
        return ts.isEmpty() ? null : ts.get(0).getObject().getLiteralLexicalForm();
    }

    /** The releases, oldest first. */
    public List<String> releases() { return List.copyOf(releases.keySet()); }

    /** The release a citation names (v23.0 names 23.0.1), if etom-kg has it. */
    public Optional<String> release(String cited) { return Catalogues.match(cited, releases.keySet()); }

    public Optional<EtomProcess> process(String release, String id) {
        Map<String, EtomProcess> r = releases.get(release);
        return r == null ? Optional.empty() : Optional.ofNullable(r.get(id));
    }

    public String latest() { return releases.lastKey(); }

    /** The process an IRI names, if it is one of a release etom-kg holds. */
    public Optional<EtomProcess> byIri(String iri) { return Optional.ofNullable(byIri.get(iri)); }
}
