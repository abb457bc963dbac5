package org.etomkg.extension;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.etomkg.vocab.ETOM;

/**
 * A new extension graph that converters fill (the spreadsheet template, BPMN models): its header,
 * which is both the {@code etom:Extension} and an {@code owl:Ontology} importing the meta-model and
 * the release it extends, as {@code new-extension} writes it, and the prefixes its file is written with.
 */
public final class ExtensionDraft {
    private final Graph graph = GraphFactory.createDefaultGraph();
    private final Node header;
    private final String namespace;
    private final String release;

    /**
     * @param namespace the CSP's namespace, an absolute IRI ending in / or #
     * @param release   the release extended, such as 25.5
     */
    public ExtensionDraft(String namespace, String release) {
        this.namespace = namespace;
        this.release = release;
        header = iri(namespace + "extension");
        add(header, RDF.type.asNode(), ETOM.term("Extension"));
        add(header, RDF.type.asNode(), OWL.Ontology.asNode());
        add(header, OWL.imports.asNode(), iri(ETOM.META_MODEL));
        add(header, OWL.imports.asNode(), iri(ETOM.releaseGraph(release)));
        add(header, ETOM.term("extendsRelease"), iri(ETOM.release(release)));
        add(header, ETOM.term("namespace"), NodeFactory.createLiteralDT(namespace, XSDDatatype.XSDanyURI));
        var prefixes = graph.getPrefixMapping();
        prefixes.setNsPrefix("etom", ETOM.NS);
        prefixes.setNsPrefix("skos", SKOS.uri);
        prefixes.setNsPrefix("rdfs", RDFS.uri);
        prefixes.setNsPrefix("owl", OWL.NS);
        prefixes.setNsPrefix("xsd", XSD.NS);
        prefixes.setNsPrefix("org", ORG.NS);
        prefixes.setNsPrefix("dcterms", DCTerms.NS);
        prefixes.setNsPrefix("p", ETOM.processNamespace(release));
        prefixes.setNsPrefix("ext", namespace);
    }

    public Graph graph() { return graph; }

    public Node header() { return header; }

    public String namespace() { return namespace; }

    public String release() { return release; }

    /** The reference process of the extended release with this identifier. */
    public Node referenceProcess(String identifier) { return iri(ETOM.processNamespace(release) + identifier); }

    public void add(Node s, Node p, Node o) { graph.add(Triple.create(s, p, o)); }

    public static Node iri(String iri) { return NodeFactory.createURI(iri); }
}
