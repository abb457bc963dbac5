package org.etomkg.extension.hostile;

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

/**
 * Extensions built to make validation slow: many processes sharing one identifier, many
 * same-named siblings, many labels or parents on one process, an identifier of thousands of
 * parts, a label of thousands of characters. Each is otherwise a sound extension of release
 * 25.5, so the time goes to the rule under attack. Used by the unit tests at sizes that run in
 * about a second, and by {@link HostileValidationBenchmark} at the sizes of the report.
 */
public final class HostileExtensions {
    private HostileExtensions() {}

    static final String NS = "https://hostile.example/etom/";
    static final Node HEADER = iri(NS + "extension");
    static final Node UNDER = iri(ETOM.processNamespace("25.5") + "1.3.3.10");

    /** One case of the benchmark: its name and the extension. */
    public record Case(String name, Graph extension) {}

    /** {@code n} processes under 1.3.3.10, all numbered 2.3.3.10.1. */
    public static Graph sameIdentifier(int n) {
        Graph g = header();
        for (int i = 0; i < n; i++) process(g, iri(NS + "p" + i), "2.3.3.10.1", 4, UNDER, "Process " + i);
        return g;
    }

    /** {@code n} processes under 1.3.3.10, numbered apart, all named the same. */
    public static Graph sameNamedSiblings(int n) {
        Graph g = header();
        for (int i = 0; i < n; i++) process(g, iri(NS + "p" + i), "2.3.3.10." + (i + 1), 4, UNDER, "Same Name");
        return g;
    }

    /** One process with {@code n} English labels. */
    public static Graph manyLabels(int n) {
        Graph g = header();
        Node p = iri(NS + "p");
        process(g, p, "2.3.3.10.1", 4, UNDER, "Label 0");
        for (int i = 1; i < n; i++) g.add(Triple.create(p, RDFS.label.asNode(), NodeFactory.createLiteralLang("Label " + i, "en")));
        return g;
    }

    /** One process with {@code n} parents, each a sound process of the extension. */
    public static Graph manyParents(int n) {
        Graph g = header();
        Node child = iri(NS + "child");
        process(g, child, "2.3.3.10.1.1", 5, iri(NS + "parent0"), "Child");
        for (int i = 0; i < n; i++) {
            Node parent = iri(NS + "parent" + i);
            process(g, parent, "2.3.3.10." + (i + 1), 4, UNDER, "Parent " + i);
            g.add(Triple.create(child, ETOM.term("parent"), parent));
        }
        return g;
    }

    /** One process whose identifier has {@code parts} parts (2.3.3.10.1.1.1...). */
    public static Graph longIdentifier(int parts) {
        Graph g = header();
        StringBuilder id = new StringBuilder("2.3.3.10");
        while (id.toString().split("\\.").length < parts) id.append(".1");
        process(g, iri(NS + "p"), id.toString(), 4, UNDER, "Deep");
        return g;
    }

    /** One process whose English label has {@code chars} characters. */
    public static Graph longLabel(int chars) {
        Graph g = header();
        process(g, iri(NS + "p"), "2.3.3.10.1", 4, UNDER, "L".repeat(chars));
        return g;
    }

    private static Graph header() {
        Graph g = GraphFactory.createDefaultGraph();
        Node csp = iri(NS + "csp");
        g.add(Triple.create(HEADER, RDF.type.asNode(), ETOM.term("Extension")));
        g.add(Triple.create(HEADER, RDFS.label.asNode(), NodeFactory.createLiteralLang("Hostile", "en")));
        g.add(Triple.create(HEADER, iri("http://purl.org/dc/terms/publisher"), csp));
        g.add(Triple.create(HEADER, OWL.versionInfo.asNode(), NodeFactory.createLiteralString("1")));
        g.add(Triple.create(HEADER, ETOM.term("extendsRelease"), iri(ETOM.release("25.5"))));
        g.add(Triple.create(HEADER, ETOM.term("namespace"), NodeFactory.createLiteralDT(NS, XSDDatatype.XSDanyURI)));
        g.add(Triple.create(csp, RDF.type.asNode(), iri("http://www.w3.org/ns/org#Organization")));
        g.add(Triple.create(csp, RDFS.label.asNode(), NodeFactory.createLiteralLang("Hostile CSP", "en")));
        return g;
    }

    private static void process(Graph g, Node p, String id, int level, Node parent, String label) {
        g.add(Triple.create(p, RDF.type.asNode(), ETOM.term("ExtensionProcess")));
        g.add(Triple.create(p, SKOS.inScheme.asNode(), HEADER));
        g.add(Triple.create(p, SKOS.notation.asNode(), NodeFactory.createLiteralString(id)));
        g.add(Triple.create(p, ETOM.term("level"), NodeFactory.createLiteralDT(Integer.toString(level), XSDDatatype.XSDinteger)));
        g.add(Triple.create(p, ETOM.term("parent"), parent));
        g.add(Triple.create(p, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, "en")));
        g.add(Triple.create(p, SKOS.definition.asNode(), NodeFactory.createLiteralLang("A process made to load the validator.", "en")));
    }

    private static Node iri(String s) { return NodeFactory.createURI(s); }
}
