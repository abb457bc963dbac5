package org.etomkg.archimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The ArchiMate export of the shipped release 25.5, alone at levels 1-3 and with the Nordlicht
 * example extension and the frameworks, built from the files (no store): valid against The Open
 * Group's schemas, every relationship allowed by the ArchiMate 3.1 table, the same bytes twice, and
 * as many elements of each kind as the graph has things.
 */
class ArchimateExportTest {
    static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();
    static final Path QUERIES = Path.of("queries").toAbsolutePath();
    static final String RELEASE = "25.5";
    static final ArchimateExport EXPORT = new ArchimateExport(QUERIES);
    static Graph release, withExtension, extension;
    static ArchimateModel plain, extended;
    static byte[] plainXml, extendedXml;

    @BeforeAll
    static void export() {
        release = ReferenceGraph.of(ONTOLOGY, RELEASE, false);
        extension = ExtensionFiles.read(List.of(Path.of("examples/nordlicht-telecom.ttl")));
        withExtension = GraphFactory.createDefaultGraph();
        ReferenceGraph.of(ONTOLOGY, RELEASE, true).find().forEach(withExtension::add);
        extension.find().forEach(withExtension::add);
        plain = EXPORT.model(release, ExportScope.of(RELEASE, "1-3", false), "eTOM 25.5");
        plainXml = bytes(plain);
        extended = EXPORT.model(withExtension, ExportScope.of(RELEASE, "1-3", true), "eTOM 25.5 with Nordlicht");
        extendedXml = bytes(extended);
    }

    static byte[] bytes(ArchimateModel m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchimateExport.write(m, out);
        return out.toByteArray();
    }

    @Test
    void theReleaseAloneIsValidAgainstTheExchangeSchemas() throws Exception {
        ExchangeSchema.validate(plainXml);
    }

    @Test
    void theReleaseWithTheExtensionAndTheFrameworksIsValidAgainstTheExchangeSchemas() throws Exception {
        ExchangeSchema.validate(extendedXml);
    }

    @Test
    void aReleaseWithDerivedGroupsAtAllLevelsIsValidToo() throws Exception {
        Graph older = ReferenceGraph.of(ONTOLOGY, "23.0.1", false);
        ArchimateModel model = EXPORT.model(older, ExportScope.of("23.0.1", "1-7", false), "eTOM 23.0.1");
        ExchangeSchema.validate(bytes(model));
        assertEquals(processes(older, 4) + processes(older, 5) + processes(older, 6) + processes(older, 7) + processes(older, 3),
            model.count(ElementType.BusinessProcess));
        assertTrue(model.count(RelationshipType.Aggregation) > 0);
        assertTrue(model.relationships().stream().filter(r -> r.type() == RelationshipType.Aggregation)
            .allMatch(r -> "derived".equals(r.properties().get(PropertyKey.GROUP_BASIS))), "23.0.1 states no groups: all come through the crosswalk");
    }

    @Test
    void theSchemasRejectABrokenModel() {
        String broken = new String(plainXml, StandardCharsets.UTF_8).replaceFirst("xsi:type=\"BusinessProcess\"", "xsi:type=\"BusinessProces\"");
        assertThrows(org.xml.sax.SAXException.class, () -> ExchangeSchema.validate(broken.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyRelationshipIsAllowedBetweenItsSourceAndTargetTypes() throws Exception {
        Map<String, String> allowed = relationshipTable();
        for (byte[] xml : List.of(plainXml, extendedXml)) {
            Document doc = parse(xml);
            Map<String, String> typeOf = new HashMap<>();
            NodeList elements = doc.getElementsByTagNameNS(ExchangeWriter.NS, "element");
            for (int i = 0; i < elements.getLength(); i++) {
                Element e = (Element) elements.item(i);
                typeOf.put(e.getAttribute("identifier"), e.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type"));
            }
            NodeList rels = doc.getElementsByTagNameNS(ExchangeWriter.NS, "relationship");
            assertTrue(rels.getLength() > 0);
            for (int i = 0; i < rels.getLength(); i++) {
                Element r = (Element) rels.item(i);
                String type = r.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
                String source = typeOf.get(r.getAttribute("source")), target = typeOf.get(r.getAttribute("target"));
                String letters = allowed.get(source + " " + target);
                assertNotNull(letters, "the table allows nothing from " + source + " to " + target + " (" + type + ")");
                assertTrue(letters.indexOf(LETTER.get(type)) >= 0, type + " is not allowed from " + source + " to " + target);
            }
        }
    }

    static final Map<String, Character> LETTER = Map.of("Access", 'a', "Composition", 'c', "Flow", 'f', "Aggregation", 'g',
        "Assignment", 'i', "Association", 'o', "Specialization", 's', "Triggering", 't', "Serving", 'v', "Realization", 'r');

    @Test
    void aSecondExportOfTheSameDataGivesTheSameBytes() {
        assertArrayEquals(plainXml, bytes(EXPORT.model(release, ExportScope.of(RELEASE, "1-3", false), "eTOM 25.5")));
        assertArrayEquals(extendedXml, bytes(EXPORT.model(withExtension, ExportScope.of(RELEASE, "1-3", true), "eTOM 25.5 with Nordlicht")));
    }

    @Test
    void theReleaseGivesAFunctionPerDomainAndLevelTwoProcessAndAProcessPerLevelThree() {
        assertEquals(processes(release, 1) + processes(release, 2), plain.count(ElementType.BusinessFunction));
        assertEquals(processes(release, 3), plain.count(ElementType.BusinessProcess));
        // every process but the domains is composed into its parent
        assertEquals(processes(release, 2) + processes(release, 3), plain.count(RelationshipType.Composition));
        Set<Node> groups = new HashSet<>();
        int placements = 0;
        for (Triple t : release.find(Node.ANY, ETOM.term("verticalGroup"), Node.ANY).toList())
            if (levelOf(release, t.getSubject()) == 2 && release.contains(t.getSubject(), RDF.type.asNode(), ETOM.term("ProcessElement"))) { groups.add(t.getObject()); placements++; }
        assertEquals(groups.size(), plain.count(ElementType.Grouping));
        assertEquals(placements, plain.count(RelationshipType.Aggregation));
        assertEquals(processes(release, 1), plain.diagrams().size(), "a view per domain");
    }

    @Test
    void theExtensionGivesAnElementPerThingItDescribes() {
        assertEquals(count(extension, ETOM.term("ExtensionProcess")), extended.elements().stream()
            .filter(e -> e.properties().getOrDefault(PropertyKey.IRI, "").startsWith("https://nordlicht-telecom.example/")
                && e.type() == ElementType.BusinessProcess).count());
        Node org = NodeFactory.createURI("http://www.w3.org/ns/org#Organization"), unit = NodeFactory.createURI("http://www.w3.org/ns/org#OrganizationalUnit");
        assertEquals(count(extension, org) + count(extension, unit), extended.count(ElementType.BusinessActor));
        assertEquals(count(extension, NodeFactory.createURI("http://www.w3.org/ns/org#Role")), extended.count(ElementType.BusinessRole));
        assertEquals(count(extension, ETOM.term("Application")), extended.elements().stream()
            .filter(e -> e.type() == ElementType.ApplicationComponent && !e.properties().containsKey(PropertyKey.IDENTIFIER)).count());
        assertEquals(count(extension, ETOM.term("InformationEntity")), extended.count(ElementType.BusinessObject));
        assertEquals(count(extension, ETOM.term("Kpi")), extended.count(ElementType.Assessment));
        long responsibleOrAccountable = extension.find(Node.ANY, ETOM.term("raci"), Node.ANY).toList().stream()
            .filter(t -> t.getObject().equals(ETOM.term("Responsible")) || t.getObject().equals(ETOM.term("Accountable"))).count();
        assertEquals(responsibleOrAccountable, extended.count(RelationshipType.Assignment));
        long flows = count(extension, ETOM.term("EndToEndFlow")), steps = count(extension, ETOM.term("FlowStep"));
        assertEquals(steps - flows, extended.count(RelationshipType.Triggering), "a triggering between each two steps of a flow");
        assertEquals(processes(release, 1) + flows, extended.diagrams().size(), "a view per domain and per flow");
        assertTrue(extended.count(ElementType.ApplicationInterface) > 0, "Open APIs with --frameworks");
    }

    @Test
    void aFlowViewShowsItsStepsInOrderEachTriggeringTheNext() {
        Diagram flow = extended.diagrams().stream().filter(d -> d.name().equals("Order-to-Payment")).findFirst().orElseThrow();
        List<String> identifiers = new ArrayList<>();
        for (Diagram.Node n : flow.nodes()) identifiers.add(n.element().properties().get(PropertyKey.IDENTIFIER));
        assertEquals(List.of("2.3.3.10.1", "2.3.3.10.1.2", "2.3.3.12.2", "1.4.5.6", "2.4.5.4.1", "2.4.5.5.1", "1.3.3.15", "2.3.9.3.1", "2.3.10.2.1"), identifiers);
        assertEquals(flow.nodes().size() - 1, flow.connections().size());
        for (int i = 0; i < flow.connections().size(); i++) {
            Diagram.Connection c = flow.connections().get(i);
            assertEquals(RelationshipType.Triggering, c.relationship().type());
            assertEquals(flow.nodes().get(i), c.source());
            assertEquals(flow.nodes().get(i + 1), c.target());
        }
    }

    @Test
    void aDomainViewIsLaidOutLikeTheMapWithTheVerticalGroupsLeftToRight() {
        Diagram customer = plain.diagrams().stream().filter(d -> d.name().equals("1.3 Customer Domain")).findFirst().orElseThrow();
        Diagram.Node frame = customer.nodes().get(0);
        assertEquals("1.3", frame.element().properties().get(PropertyKey.IDENTIFIER));
        List<String> columns = new ArrayList<>();
        int x = 0;
        for (Diagram.Node column : frame.children()) {
            if (column.element().type() == ElementType.Grouping) columns.add(column.element().name());
            assertTrue(column.x() > x, "columns run left to right");
            x = column.x();
        }
        assertEquals(List.of("Strategy Management", "Capability Management", "Business Value Development",
            "Operations Readiness & Support", "Fulfillment", "Assurance", "Billing"), columns);
        for (Diagram d : extended.diagrams()) for (Diagram.Node n : d.nodes()) inside(n);
    }

    /** Every node has a positive place and size and lies inside the node it is nested in. */
    static void inside(Diagram.Node n) {
        assertTrue(n.x() > 0 && n.y() > 0 && n.w() > 0 && n.h() > 0);
        for (Diagram.Node c : n.children()) {
            assertTrue(c.x() >= n.x() && c.y() >= n.y() && c.x() + c.w() <= n.x() + n.w() && c.y() + c.h() <= n.y() + n.h(),
                c.element().name() + " lies outside " + n.element().name());
            inside(c);
        }
    }

    @Test
    void theExtensionPullsInTheReferenceProcessesItNamesBelowTheLevels() {
        // 1.3.3.10.1 is level 4, outside 1-3, but two Nordlicht processes specialise it
        Relationship specialisation = extended.relationships().stream().filter(r -> r.type() == RelationshipType.Specialization
            && "1.3.3.10.1".equals(r.target().properties().get(PropertyKey.IDENTIFIER))).findFirst().orElseThrow();
        assertEquals(ElementType.BusinessProcess, specialisation.source().type());
        assertTrue(extended.relationships().stream().anyMatch(r -> r.type() == RelationshipType.Composition && r.target().equals(specialisation.target())),
            "the pulled-in process sits under its parent");
    }

    @Test
    void levelsOutsideOneToNineAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExportScope.of(RELEASE, "3-1", false));
        assertThrows(IllegalArgumentException.class, () -> ExportScope.of(RELEASE, "one", false));
    }

    static long processes(Graph g, int level) {
        return g.find(Node.ANY, ETOM.term("level"), Node.ANY).toList().stream()
            .filter(t -> ((Number) t.getObject().getLiteralValue()).intValue() == level)
            .filter(t -> g.contains(t.getSubject(), RDF.type.asNode(), ETOM.term("ProcessElement"))).count();
    }

    static int levelOf(Graph g, Node process) {
        var it = g.find(process, ETOM.term("level"), Node.ANY);
        return it.hasNext() ? ((Number) it.next().getObject().getLiteralValue()).intValue() : -1;
    }

    static long count(Graph g, Node type) {
        return g.find(Node.ANY, RDF.type.asNode(), type).toList().size();
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Map<String, String> relationshipTable() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = ArchimateExportTest.class.getResourceAsStream("/archimate/relationship-table.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.put(f[0] + " " + f[1], f[2].strip());
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
