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
}
