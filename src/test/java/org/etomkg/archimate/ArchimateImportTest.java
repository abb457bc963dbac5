package org.etomkg.archimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import archimate} over the Nordlicht example exported with the frameworks: the round trip
 * gives back the extension, as a graph, but for what the README says is not carried; an edited
 * model gives the new process, actor and assignment, and lists what it cannot carry; a model of
 * another release is refused.
 */
class ArchimateImportTest {
    static final String RELEASE = "25.5";
    static final String NS = "https://nordlicht-telecom.example/etom/";
    static final Node HEADER = NodeFactory.createURI(NS + "extension");
    @TempDir static Path tmp;
    static Graph original, releaseGraph;
    static String exported;
    static ArchimateImport.Result back;

    @BeforeAll
    static void exportAndImport() throws Exception {
        original = ExtensionFiles.read(List.of(Path.of("examples/nordlicht-telecom.ttl")));
        Graph data = GraphFactory.createDefaultGraph();
        ReferenceGraph.of(ArchimateExportTest.ONTOLOGY, RELEASE, true).find().forEach(data::add);
        original.find().forEach(data::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ArchimateExport.write(new ArchimateExport(ArchimateExportTest.QUERIES).model(data, ExportScope.of(RELEASE, "1-3", true), "Nordlicht"), bytes);
        exported = bytes.toString(StandardCharsets.UTF_8);
        releaseGraph = new OntologyFolder(ArchimateExportTest.ONTOLOGY).release(RELEASE);
        back = importing(exported, "nordlicht.xml");
    }

    static ArchimateImport.Result importing(String xml, String name) throws Exception {
        Path file = Files.writeString(tmp.resolve(name), xml);
        return new ArchimateImport(releaseGraph).read(file, new ArchimateImport.Request(RELEASE, "Nordlicht Telecom process model", NS, null));
    }

    /**
     * What an export carries: all but the header (rebuilt from the command's options), comments,
     * local names, measurements, not-applicable marks and Consulted or Informed assignments.
     */
    static Graph carried(Graph g) {
        Set<Node> left = new HashSet<>();
        for (String type : List.of("Measurement", "NotApplicable"))
            g.find(Node.ANY, RDF.type.asNode(), ETOM.term(type)).forEach(t -> left.add(t.getSubject()));
        for (String raci : List.of("Consulted", "Informed"))
            g.find(Node.ANY, ETOM.term("raci"), ETOM.term(raci)).forEach(t -> left.add(t.getSubject()));
        Graph out = GraphFactory.createDefaultGraph();
        for (Triple t : g.find().toList()) {
            if (t.getSubject().equals(HEADER) || left.contains(t.getSubject())) continue;
            if (t.getPredicate().equals(RDFS.comment.asNode()) || t.getPredicate().equals(ETOM.term("localName"))) continue;
            out.add(t);
        }
        return out;
    }

    @Test
    void anExportedExtensionImportsBackAsTheSameGraphModuloWhatIsNotCarried() {
        Graph want = carried(original), got = carried(back.graph());
        String missing = want.find().toList().stream().filter(t -> !got.contains(t)).map(Triple::toString).sorted().limit(10).collect(Collectors.joining("\n"));
        String extra = got.find().toList().stream().filter(t -> !want.contains(t)).map(Triple::toString).sorted().limit(10).collect(Collectors.joining("\n"));
        assertTrue(want.isIsomorphicWith(got), "missing:\n" + missing + "\nextra:\n" + extra);
        assertEquals(List.of(), back.notCarried(), "an unedited export carries everything it holds");
        assertEquals(List.of(), back.review());
        Graph g = back.graph();
        assertTrue(g.contains(HEADER, DCTerms.publisher.asNode(), NodeFactory.createURI(NS + "nordlicht")), "the organisation publishes it");
        assertTrue(g.contains(HEADER, ETOM.term("extendsRelease"), NodeFactory.createURI(ETOM.release(RELEASE))));
        assertEquals(43, back.processes());
        assertEquals(2, back.flows());
    }

    @Test
    void anEditedModelGivesTheNewProcessActorAndAssignmentAndListsWhatItCannotCarry() throws Exception {
        String parent = ExchangeIds.of("id", ETOM.processNamespace(RELEASE) + "1.3.3.10");
        String webShop = ExchangeIds.of("id", NS + "2.3.3.10.1");
        String edited = exported
            // a tool that drops the IRI keeps 1.3.3.10 the reference by its identifier
            .replaceFirst("<property propertyDefinitionRef=\"propid-iri\">\\s*<value>" + Pattern.quote(ETOM.processNamespace(RELEASE) + "1.3.3.10")
                + "</value>\\s*</property>", "")
            .replace("Capture Web Shop Order</name>", "Capture Online Shop Order</name>")
            .replace("</elements>", """
                <element identifier="new-process" xsi:type="BusinessProcess"><name xml:lang="en">Capture Marketplace Order</name>
                  <documentation xml:lang="en">Takes an order placed through a partner marketplace.</documentation></element>
                <element identifier="new-actor" xsi:type="BusinessActor"><name xml:lang="en">Marketplace Desk</name></element>
                <element identifier="new-junction" xsi:type="Junction"/>
                <element identifier="new-app" xsi:type="ApplicationComponent"><name xml:lang="en">Marketplace Connector</name></element>
                <element identifier="new-object" xsi:type="BusinessObject"><name xml:lang="en">Marketplace Order</name></element>
                <element identifier="new-kpi" xsi:type="Assessment"><name xml:lang="en">Marketplace orders captured same day</name>
                  <properties><property propertyDefinitionRef="propid-kpi-target"><value xml:lang="en">98.5</value></property>
                  <property propertyDefinitionRef="propid-kpi-unit"><value xml:lang="en">percent</value></property>
                  <property propertyDefinitionRef="propid-kpi-direction"><value xml:lang="en">HigherIsBetter</value></property></properties></element>
              </elements>""")
            .replace("</relationships>", """
                <relationship identifier="r1" source="%s" target="new-process" xsi:type="Composition"/>
                <relationship identifier="r2" source="new-actor" target="new-process" xsi:type="Assignment"/>
                <relationship identifier="r3" source="new-process" target="%s" xsi:type="Flow"/>
                <relationship identifier="r4" source="new-app" target="new-process" xsi:type="Serving"/>
                <relationship identifier="r5" source="new-process" target="new-object" xsi:type="Access" accessDirection="ReadWrite"/>
                <relationship identifier="r6" source="new-kpi" target="new-process" xsi:type="Association"/>
              </relationships>""".formatted(parent, webShop));
        assertFalse(edited.contains("<value>" + ETOM.processNamespace(RELEASE) + "1.3.3.10</value>"));
        ArchimateImport.Result r = importing(edited, "edited.xml");
        Graph g = r.graph();
        Node added = NodeFactory.createURI(NS + "2.3.3.10.4");     // 2.3.3.10.1 to .3 are Nordlicht's
        assertTrue(g.contains(added, ETOM.parent.asNode(), NodeFactory.createURI(ETOM.processNamespace(RELEASE) + "1.3.3.10")));
        assertTrue(g.contains(added, ETOM.level.asNode(), Node.ANY));
        assertTrue(g.contains(added, SKOS.definition.asNode(), NodeFactory.createLiteralLang("Takes an order placed through a partner marketplace.", "en")));
        assertTrue(g.contains(NodeFactory.createURI(NS + "2.3.3.10.1"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Capture Online Shop Order", "en")),
            "a renamed process keeps its IRI");
        Node desk = NodeFactory.createURI(NS + "unit-marketplace-desk");
        assertTrue(g.contains(desk, RDF.type.asNode(), NodeFactory.createURI("http://www.w3.org/ns/org#OrganizationalUnit")));
        Node assignment = NodeFactory.createURI(NS + "raci-2.3.3.10.4-r");
        assertTrue(g.contains(assignment, ETOM.term("agent"), desk) && g.contains(assignment, ETOM.term("raci"), ETOM.term("Responsible")));
        Node app = NodeFactory.createURI(NS + "app-marketplace-connector"), object = NodeFactory.createURI(NS + "ie-marketplace-order"),
            kpi = NodeFactory.createURI(NS + "kpi-marketplace-orders-captured-same-day");
        assertTrue(g.contains(app, RDF.type.asNode(), ETOM.term("Application")) && g.contains(app, ETOM.term("supports"), added));
        assertTrue(g.contains(object, RDF.type.asNode(), ETOM.term("InformationEntity")));
        assertTrue(g.contains(added, ETOM.term("consumes"), object) && g.contains(added, ETOM.term("produces"), object), "ReadWrite is both");
        assertTrue(g.contains(kpi, ETOM.term("measures"), added) && g.contains(kpi, ETOM.term("direction"), ETOM.term("HigherIsBetter")));
        assertTrue(g.contains(kpi, ETOM.term("target"), NodeFactory.createLiteralDT("98.5", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal)));
        assertTrue(r.review().stream().anyMatch(s -> s.contains("r2") && s.contains("taken as Responsible")), r.review().toString());
        assertEquals(2, r.notCarried().size(), r.notCarried().toString());
        assertTrue(r.notCarried().get(0).contains("new-junction") && r.notCarried().get(0).contains("Junction"), r.notCarried().toString());
        assertTrue(r.notCarried().get(1).startsWith("Flow from \"Capture Marketplace Order\" to \"Capture Online Shop Order\" (r3, line "), r.notCarried().toString());
        assertTrue(g.find(HEADER, SKOS.editorialNote.asNode(), Node.ANY).toList().get(0).getObject().getLiteralLexicalForm().contains("(r3, line "),
            "listed in the extension too");
    }

    @Test
    void aModelOfAnotherReleaseIsRefusedNamingTheElement() throws Exception {
        String other = exported.replace(ETOM.processNamespace(RELEASE), ETOM.processNamespace("26.0"));
        ArchimateInputException e = assertThrows(ArchimateInputException.class, () -> importing(other, "other.xml"));
        assertTrue(e.getMessage().contains("other.xml:") && e.getMessage().contains(", element id-")
            && e.getMessage().contains("a process of another release than 25.5"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
