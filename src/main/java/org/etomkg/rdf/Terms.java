package org.etomkg.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/** The nodes the graph builders of this project make, and one way to add a statement. */
public final class Terms {
    private Terms() {}

    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    public static Node iri(String iri) { return NodeFactory.createURI(iri); }

    /** Text in English. */
    public static Node en(String text) { return NodeFactory.createLiteralLang(text, "en"); }

    /** A plain string. */
    public static Node str(String text) { return NodeFactory.createLiteralString(text); }

    public static Node integer(long value) { return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger); }

    public static void add(Graph g, Node s, Node p, Node o) { g.add(Triple.create(s, p, o)); }

    /**
     * Declares every IRI typed with a class of ours (anything outside the RDF, RDFS and OWL
     * vocabularies) an {@code owl:NamedIndividual}, as the OWL API writes it: a file saved from
     * Protégé then adds no statement of its own.
     */
    public static Graph declareNamedIndividuals(Graph g) {
        Node type = iri(RDF_TYPE), individual = iri(OWL + "NamedIndividual");
        java.util.Set<Node> individuals = new java.util.HashSet<>();
        g.find(Node.ANY, type, Node.ANY).forEachRemaining(t -> {
            String c = t.getObject().isURI() ? t.getObject().getURI() : "";
            if (t.getSubject().isURI() && !c.isEmpty() && !c.startsWith(OWL) && !c.startsWith(RDFS) && !c.startsWith(RDF))
                individuals.add(t.getSubject());
        });
        individuals.forEach(i -> add(g, i, type, individual));
        return g;
    }

    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDF_TYPE = RDF + "type";
}
