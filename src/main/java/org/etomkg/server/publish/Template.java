package org.etomkg.server.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The fixed part of a description, a Turtle file under {@code src/main/resources/publish/} that a
 * reader can open, read with the request's URL as its base so that its relative IRIs name this
 * server on the host and port the client used.
 */
final class Template {
    private Template() {}

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String MEDIA = "https://www.iana.org/assignments/media-types/";

    /** The prefixes the descriptions are written with. */
    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefix("sd", SD).setNsPrefix("void", VOID).setNsPrefix("dcat", DCAT).setNsPrefix("dcterms", DCTERMS)
        .setNsPrefix("rdfs", RDFS).setNsPrefix("xsd", XSD).setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
        .setNsPrefix("formats", "http://www.w3.org/ns/formats/").setNsPrefix("ent", "http://www.w3.org/ns/entailment/")
        .setNsPrefix("etom", "https://w3id.org/etom-kg/ontology#").lock();

    /** The template read with {@code base} as its base IRI. */
    static Graph read(String resource, String base) {
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = Template.class.getResourceAsStream("/publish/" + resource)) {
            if (in == null) throw new IllegalStateException("missing resource /publish/" + resource);
            RDFParser.source(in).lang(Lang.TURTLE).base(base).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    static Node iri(String iri) { return NodeFactory.createURI(iri); }
    static Node term(String ns, String local) { return NodeFactory.createURI(ns + local); }
    static Node text(String s) { return NodeFactory.createLiteralLang(s, "en"); }
    static Node count(long n) { return NodeFactory.createLiteralDT(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger); }
}
