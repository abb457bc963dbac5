package org.etomkg.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SKOS statements an extension implies ({@link ExtensionSkos}), and rule 7 on an extension
 * that writes them itself: it accepts exactly those (examples/skos-labels.ttl is the passing
 * case) and refuses every other SKOS statement that touches the reference.
 */
class ExtensionSkosTest {
    static final Path NORDLICHT = Path.of("examples/nordlicht-telecom.ttl");
    static final Path SKOS_LABELS = Path.of("examples/skos-labels.ttl");
    static final String P = "https://w3id.org/etom-kg/release/25.5/process/";
    static final String NL = "https://nordlicht-telecom.example/etom/";

    static ExtensionValidator validator;

    @BeforeAll
    static void validator() {
        validator = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(Path.of("ontology")));
    }

    @Test
    void nordlichtImpliesBroaderNarrowerAndLabels() {
        Graph g = ExtensionFiles.read(NORDLICHT);
        Graph derived = ExtensionSkos.derived(g);
        Node own = uri(NL + "2.3.3.10.1"), child = uri(NL + "2.3.3.10.1.1"), reference = uri(P + "1.3.3.10");
        assertTrue(derived.contains(own, SKOS.broader.asNode(), reference));
        assertTrue(derived.contains(child, SKOS.broader.asNode(), own));
        assertTrue(derived.contains(own, SKOS.narrower.asNode(), child));
        assertFalse(derived.contains(reference, SKOS.narrower.asNode(), Node.ANY), "nothing but a local name about a reference process");
        assertTrue(derived.contains(own, RDF.type.asNode(), SKOS.Concept.asNode()));
        assertTrue(derived.contains(own, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Capture Web Shop Order", "en")));
        assertTrue(derived.contains(reference, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("Kundenauftrag erfassen", "de")));
        assertTrue(derived.contains(reference, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("Registrere kundeordre", "nb")));
        assertTrue(derived.contains(uri(NL + "extension"), RDF.type.asNode(), SKOS.ConceptScheme.asNode()));

        // What a reference node gets: alternative labels, nothing else.
        Set<Node> aboutTheReference = new TreeSet<>(java.util.Comparator.comparing(Node::toString));
        derived.find().filterKeep(t -> t.getSubject().getURI().startsWith("https://w3id.org/etom-kg/"))
            .forEachRemaining(t -> aboutTheReference.add(t.getPredicate()));
        assertEquals(Set.of(SKOS.altLabel.asNode()), aboutTheReference);
        long processes = g.find(Node.ANY, RDF.type.asNode(), uri("https://w3id.org/etom-kg/ontology#ExtensionProcess")).toList().size();
        assertEquals(processes, derived.find(Node.ANY, SKOS.broader.asNode(), Node.ANY).toList().size(), "one broader per parent");
        assertEquals(processes, derived.find(Node.ANY, SKOS.prefLabel.asNode(), Node.ANY).toList().size(), "one English name each");
    }

    @Test
    void anExtensionThatWritesItsSkosItselfConformsAndImpliesNothingMore() {
        Graph g = ExtensionFiles.read(SKOS_LABELS);
        ExtensionReport report = validator.validate(g, Optional.empty());
        String text = ReportFormat.text.format(report);
        assertTrue(report.conforms(), text);
        assertEquals(0, report.count(Finding.Severity.Warning), text);
        assertEquals(List.of(), ExtensionSkos.derived(g).find().toList());
        // A German preferred label of its own stays the only German one.
        assertEquals(1, g.find(uri(NL + "2.3.3.10.1"), SKOS.prefLabel.asNode(), Node.ANY)
            .filterKeep(t -> t.getObject().getLiteralLanguage().equals("de")).toList().size());
    }

    @Test
    void nordlichtWithWhatItImpliesConformsAsItDid() {
        ExtensionReport report = validator.validate(ExtensionSkos.withDerived(ExtensionFiles.read(NORDLICHT)), Optional.empty());
        String text = ReportFormat.text.format(report);
        assertTrue(report.conforms(), text);
        assertEquals(0, report.count(Finding.Severity.Warning), text);
    }

    /** SKOS statements rule 7 still refuses: each added to the passing example, with the node rule 7 must name. */
    static Stream<String[]> refused() {
        return Stream.of(
            new String[] {"a broader reference process that is not the parent", "nl:2.3.3.10.1 skos:broader p:1.3.3.11 .", NL + "2.3.3.10.1"},
            new String[] {"a preferred label on a reference process", "p:1.3.3.10 skos:prefLabel \"Auftrag erfassen\"@de .", P + "1.3.3.10"},
            new String[] {"a narrower own process stated on a reference process", "p:1.3.3.10 skos:narrower nl:2.3.3.10.1 .", P + "1.3.3.10"},
            new String[] {"a reference process made broader than a domain", "p:1.3.3.10 skos:broader p:1.4 .", P + "1.3.3.10"},
            new String[] {"an own process related to a reference process", "nl:2.3.3.10.1 skos:related p:1.3.3.11 .", NL + "2.3.3.10.1"},
            new String[] {"a broader reference process from a node that is no process", "nl:nordlicht skos:broader p:1.3.3.10 .", NL + "nordlicht"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void ruleSevenRefuses(String what, String turtle, String offender) {
        Graph g = ExtensionFiles.read(SKOS_LABELS);
        String prefixes = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix p: <" + P + "> . @prefix nl: <" + NL + "> .\n";
        Graph added = GraphFactory.createDefaultGraph();
        RDFParser.fromString(prefixes + turtle, Lang.TURTLE).parse(added);
        added.find().forEachRemaining(g::add);
        ExtensionReport report = validator.validate(g, Optional.empty());
        List<Finding> rule7 = report.findings().stream()
            .filter(f -> f.rule().contains("R07") && f.focusNode().isURI() && f.focusNode().getURI().equals(offender)).toList();
        assertFalse(report.conforms(), what + " conforms");
        assertFalse(rule7.isEmpty(), () -> what + ": rule 7 does not name " + offender + ": " + ReportFormat.text.format(report));
        assertTrue(rule7.stream().allMatch(f -> f.severity() == Finding.Severity.Violation && f.message().contains("Fix:")), rule7::toString);
    }

    private static Node uri(String iri) { return NodeFactory.createURI(iri); }
}
