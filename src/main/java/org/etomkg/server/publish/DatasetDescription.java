package org.etomkg.server.publish;

import static org.etomkg.server.publish.Template.DCAT;
import static org.etomkg.server.publish.Template.DCTERMS;
import static org.etomkg.server.publish.Template.MEDIA;
import static org.etomkg.server.publish.Template.VOID;
import static org.etomkg.server.publish.Template.iri;
import static org.etomkg.server.publish.Template.term;
import static org.etomkg.server.publish.Template.text;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.vocab.ETOM;

/**
 * The VoID and DCAT description of the dataset ({@code /.well-known/void}, RFC 5785's place for
 * it): the fixed part from {@code publish/void.ttl}, the total triple count, and one
 * {@code void:subset} per named graph, named by the graph's own IRI (so a client can put it in
 * {@code GRAPH} or {@code FROM NAMED}), with its title and triple count; a release carries its
 * version and concept scheme, and a release or a stored extension its downloads.
 */
final class DatasetDescription {
    private DatasetDescription() {}

    static final String PATH = "/.well-known/void";

    static Graph of(String base, List<StoredGraph> graphs) {
        String doc = base + PATH;
        Graph g = Template.read("void.ttl", doc);
        Node dataset = iri(doc + "#etom-kg");
        long total = 0;
        boolean counted = true;
        for (StoredGraph s : graphs) {
            Node subset = iri(s.iri());
            g.add(Triple.create(dataset, term(VOID, "subset"), subset));
            g.add(Triple.create(subset, RDF.type.asNode(), term(VOID, "Dataset")));
            g.add(Triple.create(subset, term(DCTERMS, "title"), text(s.title())));
            g.add(Triple.create(subset, term(VOID, "sparqlEndpoint"), iri(base + "/etom/sparql")));
            if (s.triples().isPresent()) {
                g.add(Triple.create(subset, term(VOID, "triples"), Template.count(s.triples().getAsLong())));
                total += s.triples().getAsLong();
            } else counted = false;
            if (s.kind() == StoredGraph.Kind.RELEASE) {
                g.add(Triple.create(subset, term(DCAT, "version"), NodeFactory.createLiteralString(s.name())));
                g.add(Triple.create(subset, term(VOID, "rootResource"), iri(ETOM.release(s.name()))));
            }
            Downloads.pathOf(s).ifPresent(path -> distributions(g, doc, subset, base + path, s));
        }
        // The sum over the graphs: a triple stated in two graphs counts twice, as in the N-Quads download.
        if (counted) g.add(Triple.create(dataset, term(VOID, "triples"), Template.count(total)));
        return g;
    }

    private static void distributions(Graph g, String doc, Node subset, String path, StoredGraph s) {
        g.add(Triple.create(subset, term(VOID, "dataDump"), iri(path + ".nt")));
        Downloads.FORMATS.forEach((suffix, mediaType) -> {
            Node d = iri(doc + "#" + s.kind().name().toLowerCase() + "-" + s.name() + "." + suffix);
            g.add(Triple.create(subset, term(DCAT, "distribution"), d));
            g.add(Triple.create(d, RDF.type.asNode(), term(DCAT, "Distribution")));
            g.add(Triple.create(d, term(DCTERMS, "title"), text(s.title() + " as " + Downloads.FORMAT_NAMES.get(suffix))));
            g.add(Triple.create(d, term(DCAT, "downloadURL"), iri(path + "." + suffix)));
            g.add(Triple.create(d, term(DCAT, "mediaType"), iri(MEDIA + mediaType)));
        });
    }
}
