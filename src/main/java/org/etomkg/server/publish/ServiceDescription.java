package org.etomkg.server.publish;

import static org.etomkg.server.publish.Template.SD;
import static org.etomkg.server.publish.Template.VOID;
import static org.etomkg.server.publish.Template.iri;
import static org.etomkg.server.publish.Template.term;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of a query endpoint: the fixed part from
 * {@code publish/service-description.ttl}, and the default dataset's named graphs, each with its
 * name and a {@code void:Dataset} holding its triple count.
 */
final class ServiceDescription {
    private ServiceDescription() {}

    /** The description of the endpoint at {@code endpoint} (the URL the client asked), on the server at {@code base}. */
    static Graph of(String endpoint, String base, List<StoredGraph> graphs) {
        Graph g = Template.read("service-description.ttl", endpoint);
        Node dataset = iri(base + DatasetDescription.PATH + "#etom-kg");
        for (StoredGraph s : graphs) {
            Node named = NodeFactory.createBlankNode(), content = NodeFactory.createBlankNode();
            g.add(Triple.create(dataset, term(SD, "namedGraph"), named));
            g.add(Triple.create(named, RDF.type.asNode(), term(SD, "NamedGraph")));
            g.add(Triple.create(named, term(SD, "name"), iri(s.iri())));
            g.add(Triple.create(named, term(SD, "graph"), content));
            g.add(Triple.create(content, RDF.type.asNode(), term(SD, "Graph")));
            g.add(Triple.create(content, RDF.type.asNode(), term(VOID, "Dataset")));
            s.triples().ifPresent(n -> g.add(Triple.create(content, term(VOID, "triples"), Template.count(n))));
        }
        return g;
    }
}
