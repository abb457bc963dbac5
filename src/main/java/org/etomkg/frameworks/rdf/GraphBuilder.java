package org.etomkg.frameworks.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.vocab.ETOM;

/** Adds triples to a graph with the terms of the etom-kg vocabularies. */
final class GraphBuilder {
    static final Node TYPE = RDF.type.asNode();
    static final Node LABEL = RDFS.label.asNode();
    static final Node ALT_LABEL = SKOS.altLabel.asNode();
    static final Node NOTATION = SKOS.notation.asNode();
    static final Node IN_SCHEME = SKOS.inScheme.asNode();
    static final Node BROADER = SKOS.broader.asNode();
    static final Node CONCEPT = SKOS.Concept.asNode();
    static final Node CONCEPT_SCHEME = SKOS.ConceptScheme.asNode();
    static final Node WAS_DERIVED_FROM = NodeFactory.createURI(FrameworkIris.PROV + "wasDerivedFrom");

    final Graph graph = GraphFactory.createDefaultGraph();

    static Node iri(String iri) { return NodeFactory.createURI(iri); }
    static Node etom(String local) { return ETOM.term(local); }

    GraphBuilder add(Node s, Node p, Node o) { graph.add(Triple.create(s, p, o)); return this; }
    GraphBuilder add(String s, Node p, Node o) { return add(iri(s), p, o); }
    GraphBuilder link(String s, String etomProperty, String o) { return add(iri(s), etom(etomProperty), iri(o)); }
    GraphBuilder type(String s, String etomClass) { return add(iri(s), TYPE, etom(etomClass)); }
    GraphBuilder type(String s, Node type) { return add(iri(s), TYPE, type); }
    GraphBuilder label(String s, String text) { return add(iri(s), LABEL, en(text)); }

    GraphBuilder text(String s, Node p, String text) {
        if (text != null) add(iri(s), p, NodeFactory.createLiteralString(text));
        return this;
    }
    GraphBuilder text(String s, String etomProperty, String text) { return text(s, etom(etomProperty), text); }
    GraphBuilder integer(String s, String etomProperty, long value) {
        return add(iri(s), etom(etomProperty), NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger));
    }
    GraphBuilder bool(String s, String etomProperty, boolean value) {
        return add(iri(s), etom(etomProperty), NodeFactory.createLiteralDT(Boolean.toString(value), XSDDatatype.XSDboolean));
    }
    GraphBuilder date(String s, Node p, String yyyyMmDd) {
        if (yyyyMmDd != null) {
            add(iri(s), p, NodeFactory.createLiteralDT(yyyyMmDd, XSDDatatype.XSDdate));
            // xsd:date is not in OWL 2's datatype map: declared, as the OWL API writes it
            add(iri(XSDDatatype.XSDdate.getURI()), TYPE, RDFS.Datatype.asNode());
        }
        return this;
    }

    /** The header of a generated file: its ontology IRI, what it imports, a title, a description, its sources. */
    GraphBuilder ontology(String iri, String title, String description, Iterable<String> imports, Iterable<String> sources) {
        Node o = iri(iri);
        add(o, TYPE, OWL.Ontology.asNode());
        add(o, OWL.versionIRI.asNode(), iri(iri + "/" + FrameworkGraphs.FORMAT_VERSION));
        add(o, iri(FrameworkIris.DCTERMS + "title"), en(title));
        add(o, iri(FrameworkIris.DCTERMS + "description"), en(description));
        add(o, iri(FrameworkIris.DCTERMS + "license"), iri("https://www.apache.org/licenses/LICENSE-2.0"));
        for (String i : imports) add(o, OWL.imports.asNode(), iri(i));
        for (String s : sources) add(o, iri(FrameworkIris.DCTERMS + "source"), NodeFactory.createLiteralString(s));
        return this;
    }

    /** A source file node, typed and labelled, so links can point at it. */
    String sourceFile(String displayName) {
        String iri = FrameworkIris.sourceFile(displayName);
        type(iri, "SourceFile").label(iri, displayName);
        return iri;
    }

    static Node en(String text) { return NodeFactory.createLiteralLang(text, "en"); }
}
