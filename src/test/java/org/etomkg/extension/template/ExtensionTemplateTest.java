package org.etomkg.extension.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.Finding;
import org.etomkg.extension.OntologyFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spreadsheet template: workbooks and CSV files made in code (and the shipped example)
 * convert to the RDF the shapes expect, a sound template validates, a wrong identifier converts
 * and is then reported by the shapes, and input that cannot become RDF is refused with the
 * file, sheet (or line), row and column.
 */
class ExtensionTemplateTest {
    static final String NS = TemplateWorkbook.NS;
    static final String REF = "https://w3id.org/etom-kg/release/25.5/process/";
    static final String ETOM = "https://w3id.org/etom-kg/ontology#";
    static final Path EXAMPLE = Path.of("examples/template/nordlicht-processes.csv");

    static ExtensionValidator validator;

    @TempDir Path dir;

    @BeforeAll
    static void validator() {
        validator = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(Path.of("ontology")));
    }

    // ---- conversion ------------------------------------------------------------------------

    @Test
    void workbookHeaderAndProcessesBecomeTheExpectedTriples() {
        Graph g = ExtensionTemplate.read(TemplateWorkbook.nordlicht().write(dir.resolve("nordlicht.xlsx")));
        Node ext = iri(NS + "extension");
        assertHas(g, ext, RDF.type.asNode(), iri(ETOM + "Extension"));
        assertHas(g, ext, RDFS.label.asNode(), en("Nordlicht Telecom process model"));
        assertHas(g, ext, DCTerms.publisher.asNode(), iri(NS + "publisher"));
        assertHas(g, iri(NS + "publisher"), RDF.type.asNode(), ORG.Organization.asNode());
        assertHas(g, ext, OWL.versionInfo.asNode(), NodeFactory.createLiteralString("2026.1"));
        assertHas(g, ext, iri(ETOM + "extendsRelease"), iri("https://w3id.org/etom-kg/release/25.5"));   // from a numeric cell
        assertHas(g, ext, iri(ETOM + "namespace"), typed(NS, XSDDatatype.XSDanyURI));
        // The header is also the ontology Protégé opens, importing the meta-model and the release it extends.
        assertHas(g, ext, RDF.type.asNode(), OWL.Ontology.asNode());
        assertHas(g, ext, OWL.imports.asNode(), iri("https://w3id.org/etom-kg/ontology"));
        assertHas(g, ext, OWL.imports.asNode(), iri("https://w3id.org/etom-kg/graph/release/25.5"));
        assertEquals(2, g.find(ext, OWL.imports.asNode(), Node.ANY).toList().size());

        Node p = iri(NS + "2.3.3.10.5");
        assertHas(g, p, RDF.type.asNode(), iri(ETOM + "ExtensionProcess"));
        assertHas(g, p, SKOS.inScheme.asNode(), ext);
        assertHas(g, p, SKOS.notation.asNode(), NodeFactory.createLiteralString("2.3.3.10.5"));
        assertHas(g, p, iri(ETOM + "level"), typed("4", XSDDatatype.XSDinteger));
        assertHas(g, p, RDFS.label.asNode(), en("Capture Web Shop Order"));
        assertHas(g, p, SKOS.definition.asNode(), en("Records an order placed in the web shop."));
        assertHas(g, p, iri(ETOM + "parent"), iri(REF + "1.3.3.10"));
        assertHas(g, p, iri(ETOM + "specialises"), iri(REF + "1.3.3.10.1"));

        Node child = iri(NS + "2.3.3.10.5.1");
        assertHas(g, child, iri(ETOM + "parent"), p);   // an own identifier is the extension's own process
        assertHas(g, child, iri(ETOM + "level"), typed("5", XSDDatatype.XSDinteger));   // derived: the cell is blank
        assertEquals(1, g.find(child, iri(ETOM + "level"), Node.ANY).toList().size());
        assertHas(g, iri(NS + "2.3.7.1.10"), iri(ETOM + "level"), typed("4", XSDDatatype.XSDinteger));   // from a text cell
    }

    @Test
    void workbookOptionalSheetsBecomeTheExpectedTriples() {
        Graph g = ExtensionTemplate.read(TemplateWorkbook.nordlicht().write(dir.resolve("nordlicht.xlsx")));
        // local names: on the reference process, in the language given
        assertHas(g, iri(REF + "1.3.3.10"), iri(ETOM + "localName"), NodeFactory.createLiteralLang("Kundenauftrag annehmen", "de"));
        assertHas(g, iri(NS + "2.3.3.10.5"), iri(ETOM + "localName"), NodeFactory.createLiteralLang("Webshop-Bestellung erfassen", "de"));
        // not applicable
        Node na = iri(NS + "not-applicable/1.3.7.2.5");
        assertHas(g, na, RDF.type.asNode(), iri(ETOM + "NotApplicable"));
        assertHas(g, na, iri(ETOM + "process"), iri(REF + "1.3.7.2.5"));
        assertTrue(g.find(na, iri(ETOM + "reason"), Node.ANY).hasNext());
        // RACI: units and roles named by slugs, one assignment per letter
        Node sales = iri(NS + "unit/vertrieb-sud");
        assertHas(g, sales, RDF.type.asNode(), ORG.OrganizationalUnit.asNode());
        assertHas(g, sales, RDFS.label.asNode(), en("Vertrieb Süd"));
        Node a = iri(NS + "assignment/2.3.3.10.5/unit/vertrieb-sud/A");
        assertHas(g, a, RDF.type.asNode(), iri(ETOM + "Assignment"));
        assertHas(g, a, iri(ETOM + "process"), iri(NS + "2.3.3.10.5"));
        assertHas(g, a, iri(ETOM + "agent"), sales);
        assertHas(g, a, iri(ETOM + "raci"), iri(ETOM + "Accountable"));
        assertHas(g, iri(NS + "role/order-manager"), RDF.type.asNode(), ORG.Role.asNode());
        assertHas(g, iri(NS + "assignment/2.3.3.10.5/role/order-manager/C"), iri(ETOM + "raci"), iri(ETOM + "Consulted"));
        assertHas(g, iri(NS + "assignment/2.3.3.10.5/role/order-manager/I"), iri(ETOM + "raci"), iri(ETOM + "Informed"));
        assertHas(g, iri(NS + "assignment/2.3.7.1.10/unit/network-operations/R"), iri(ETOM + "raci"), iri(ETOM + "Responsible"));
        // KPIs and measurements, typed
        Node k1 = iri(NS + "kpi/K1");
        assertHas(g, k1, RDF.type.asNode(), iri(ETOM + "Kpi"));
        assertHas(g, k1, iri(ETOM + "measures"), iri(NS + "2.3.3.10.5"));
        assertHas(g, k1, iri(ETOM + "unit"), NodeFactory.createLiteralString("percent"));
        assertHas(g, k1, iri(ETOM + "direction"), iri(ETOM + "HigherIsBetter"));
        assertHas(g, k1, iri(ETOM + "target"), typed("97.5", XSDDatatype.XSDdecimal));
        assertHas(g, iri(NS + "kpi/K2"), iri(ETOM + "direction"), iri(ETOM + "LowerIsBetter"));
        assertHas(g, iri(NS + "kpi/K2"), iri(ETOM + "target"), typed("15", XSDDatatype.XSDdecimal));
        Node q1 = iri(NS + "kpi/K1/2026-Q1");
        assertHas(g, q1, RDF.type.asNode(), iri(ETOM + "Measurement"));
        assertHas(g, q1, iri(ETOM + "kpi"), k1);
        assertHas(g, q1, iri(ETOM + "period"), NodeFactory.createLiteralString("2026-Q1"));
        assertHas(g, q1, iri(ETOM + "value"), typed("96.8", XSDDatatype.XSDdecimal));
        assertHas(g, iri(NS + "kpi/K1/2026-03"), iri(ETOM + "period"), typed("2026-03", XSDDatatype.XSDgYearMonth));
        assertHas(g, iri(NS + "kpi/K1/2026-03-31"), iri(ETOM + "period"), typed("2026-03-31", XSDDatatype.XSDdate));   // a date cell
        assertHas(g, iri(NS + "kpi/K2/2026"), iri(ETOM + "period"), typed("2026", XSDDatatype.XSDgYear));
        // flows
        Node o2p = iri(NS + "flow/O2P");
        assertHas(g, o2p, RDF.type.asNode(), iri(ETOM + "EndToEndFlow"));
        assertHas(g, o2p, RDFS.label.asNode(), en("Order to Payment"));
        assertHas(g, o2p, iri(ETOM + "step"), iri(NS + "flow/O2P/3"));
        assertHas(g, iri(NS + "flow/O2P/3"), iri(ETOM + "position"), typed("3", XSDDatatype.XSDinteger));
        assertHas(g, iri(NS + "flow/O2P/3"), iri(ETOM + "process"), iri(REF + "1.3.3.10.3"));
        assertHas(g, iri(NS + "flow/O2P/2"), iri(ETOM + "process"), iri(NS + "2.3.3.10.5.1"));
        // applications: by id, or by the slug of the name
        assertHas(g, iri(NS + "application/webshop"), iri(ETOM + "supports"), iri(NS + "2.3.3.10.5"));
        assertHas(g, iri(NS + "application/order-hub"), iri(ETOM + "supports"), iri(NS + "2.3.3.10.5.1"));
        assertEquals(2, g.find(iri(NS + "application/order-hub"), iri(ETOM + "supports"), Node.ANY).toList().size());
        // inputs and outputs
        assertHas(g, iri(NS + "2.3.3.10.5"), iri(ETOM + "produces"), iri(NS + "information/customer-order"));
        assertHas(g, iri(NS + "2.3.7.1.10"), iri(ETOM + "consumes"), iri(NS + "information/TT"));
        assertHas(g, iri(NS + "information/TT"), RDF.type.asNode(), iri(ETOM + "InformationEntity"));
        // nothing is said about a reference process but its local names
        g.find(Node.ANY, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().getURI().startsWith("https://w3id.org/etom-kg/"))
                assertEquals(ETOM + "localName", t.getPredicate().getURI(), t.toString());
        });
    }

    @Test
    void soundWorkbookConforms() {
        Graph g = ExtensionTemplate.read(TemplateWorkbook.nordlicht().write(dir.resolve("nordlicht.xlsx")));
        ExtensionReport report = validator.validate(g, Optional.empty());
        assertTrue(report.conforms(), () -> "findings: " + report.findings());
        assertEquals(0, report.count(Finding.Severity.Warning), () -> "findings: " + report.findings());
    }

    @Test
    void shippedCsvExampleConforms() {
        Graph g = ExtensionTemplate.read(EXAMPLE);
        assertTrue(g.find(Node.ANY, RDF.type.asNode(), iri(ETOM + "ExtensionProcess")).toList().size() >= 10);
        assertHas(g, iri(NS + "2.3.3.10.5.1"), iri(ETOM + "level"), typed("5", XSDDatatype.XSDinteger));
        assertHas(g, iri(NS + "2.3.3.10.8"), SKOS.definition.asNode(),
            en("Asks the credit agency about a new customer, and holds the order when the answer is negative."));   // a quoted cell
        ExtensionReport report = validator.validate(g, Optional.empty());
        assertTrue(report.conforms(), () -> "findings: " + report.findings());
        assertEquals(0, report.count(Finding.Severity.Warning), () -> "findings: " + report.findings());
    }

    /** The CSV example in docs/extension-template.md is a sound extension. */
    @Test
    void documentedCsvExampleConforms() throws IOException {
        String doc = Files.readString(Path.of("docs/extension-template.md"));
        int start = doc.indexOf("```csv\n");
        assertTrue(start >= 0, "the documentation has no csv example");
        String csv = doc.substring(start + "```csv\n".length(), doc.indexOf("```", start + 6));
        Graph g = ExtensionTemplate.read(Files.writeString(dir.resolve("documented.csv"), csv));
        assertHas(g, iri("https://acme.example/etom/2.3.3.10.5.1"), iri(ETOM + "level"), typed("5", XSDDatatype.XSDinteger));
        ExtensionReport report = validator.validate(g, Optional.empty());
        assertTrue(report.conforms(), () -> "findings: " + report.findings());
        assertEquals(0, report.count(Finding.Severity.Warning), () -> "findings: " + report.findings());
    }

    /** The shipped CSV rewritten as a workbook (its # lines as the Extension sheet) converts to the same graph. */
    @Test
    void csvAndWorkbookOfTheSameExtensionGiveTheSameGraph() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        TemplateWorkbook w = TemplateWorkbook.empty().sheet("Extension");
        int i = 0;
        for (; lines.get(i).startsWith("#"); i++) {
            String c = lines.get(i).substring(1).strip();
            int colon = c.indexOf(':');
            if (colon > 0 && TemplateContent.headerKey(c.substring(0, colon)).isPresent())
                w.row("Extension", c.substring(0, colon).strip(), c.substring(colon + 1).strip());
        }
        List<CsvTemplate.Record> records = CsvTemplate.records(EXAMPLE, String.join("\n", lines.subList(i, lines.size())), i + 1, ',');
        w.sheet("Processes", records.get(0).cells().toArray());
        for (CsvTemplate.Record r : records.subList(1, records.size()))
            w.row("Processes", r.cells().stream().map(s -> s.isEmpty() ? null : s).toArray());
        Graph fromWorkbook = ExtensionTemplate.read(w.write(dir.resolve("nordlicht.xlsx")));
        Graph fromCsv = ExtensionTemplate.read(EXAMPLE);
        assertTrue(fromCsv.isIsomorphicWith(fromWorkbook), "the CSV and the workbook differ");
    }

    @Test
    void aNamespaceEndingInAHashConverts() throws IOException {
        Path csv = dir.resolve("hash.csv");
        Files.writeString(csv, Files.readString(EXAMPLE).replace(NS, "https://nordlicht-telecom.example/etom#"));
        Graph g = ExtensionTemplate.read(csv);
        assertHas(g, iri("https://nordlicht-telecom.example/etom#extension"), RDF.type.asNode(), OWL.Ontology.asNode());
    }

    @Test
    void csvAcceptsSemicolonsQuotesAndABom() throws IOException {
        Path csv = dir.resolve("semicolons.csv");
        Files.writeString(csv, "\uFEFF# release: 25.5\r\n# namespace: " + NS + "\r\n"
            + "Identifier;Name;Parent;Definition\r\n"
            + "2.3.3.10.5;\"Capture; Web \"\"Shop\"\" Order\";1.3.3.10;\"Two\r\nlines.\"\r\n", StandardCharsets.UTF_8);
        Graph g = ExtensionTemplate.read(csv);
        assertHas(g, iri(NS + "2.3.3.10.5"), RDFS.label.asNode(), en("Capture; Web \"Shop\" Order"));
        assertHas(g, iri(NS + "2.3.3.10.5"), SKOS.definition.asNode(), en("Two\nlines."));
        assertHas(g, iri(NS + "2.3.3.10.5"), iri(ETOM + "level"), typed("4", XSDDatatype.XSDinteger));
    }

    @Test
    void emptyOptionalSheetsAndOtherSheetsAreIgnored() {
        TemplateWorkbook w = TemplateWorkbook.nordlicht().sheet("Flows").sheet("Instructions", "Fill in the Processes sheet first.");
        Graph g = ExtensionTemplate.read(w.write(dir.resolve("empty-flows.xlsx")));
        assertFalse(g.find(Node.ANY, RDF.type.asNode(), iri(ETOM + "FlowStep")).hasNext());
        assertTrue(g.contains(iri(NS + "kpi/K1"), RDF.type.asNode(), iri(ETOM + "Kpi")));
    }

    @Test
    void extensionFilesReadsTemplates() {
        Graph g = ExtensionFiles.read(TemplateWorkbook.nordlicht().write(dir.resolve("nordlicht.xlsx")));
        assertTrue(g.contains(iri(NS + "2.3.3.10.5"), RDF.type.asNode(), iri(ETOM + "ExtensionProcess")));
    }

    // ---- the shapes judge what converts ------------------------------------------------------

    @Test
    void wrongIdentifierConvertsAndFailsRuleThree() {
        TemplateWorkbook w = TemplateWorkbook.nordlicht()
            .row("Processes", "2.3.3.11.1", "Capture Marketplace Order", "1.3.3.10", null, "Records an order from a marketplace.", null);
        Graph g = ExtensionTemplate.read(w.write(dir.resolve("bad-identifier.xlsx")));
        assertHas(g, iri(NS + "2.3.3.11.1"), iri(ETOM + "parent"), iri(REF + "1.3.3.10"));
        ExtensionReport report = validator.validate(g, Optional.empty());
        assertFalse(report.conforms());
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().contains("R03") && f.process().startsWith("2.3.3.11.1")
            && f.message().contains("2.3.3.11.1")), () -> "findings: " + report.findings());
    }

    @Test
    void identifierWithoutTheLeadingTwoConvertsAndFailsRuleThree() throws IOException {
        Path csv = dir.resolve("leading-one.csv");
        Files.writeString(csv, "# release: 25.5\n# namespace: " + NS + "\n# name: N\n# publisher: N\n# version: 1\n"
            + "identifier,name,parent,definition\n1.3.3.10.9,Capture Kiosk Order,1.3.3.10,Records a kiosk order.\n");
        ExtensionReport report = validator.validate(ExtensionTemplate.read(csv), Optional.empty());
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().contains("R03") && f.message().contains("1.3.3.10.9")),
            () -> "findings: " + report.findings());
    }

    @Test
    void unknownDirectionConvertsAndIsReportedByTheShapes() {
        TemplateWorkbook w = TemplateWorkbook.nordlicht().set("KPIs", 2, 5, "sideways");
        Graph g = ExtensionTemplate.read(w.write(dir.resolve("direction.xlsx")));
        ExtensionReport report = validator.validate(g, Optional.empty());
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().contains("R10") && f.message().contains("sideways")),
            () -> "findings: " + report.findings());
    }

    // ---- what cannot be converted --------------------------------------------------------------

    @Test
    void missingProcessesSheet() {
        String m = refused("no-processes.xlsx", w -> w.without("Processes"));
        assertTrue(m.contains("no sheet 'Processes'"), m);
    }

    @Test
    void missingColumn() {
        String m = refused("no-parent.xlsx", w -> w.dropColumn("Processes", "parent"));
        assertTrue(m.contains("sheet 'Processes' row 1: missing column 'parent'"), m);
    }

    @Test
    void unknownColumn() {
        String m = refused("typo.xlsx", w -> w.set("Processes", 1, 5, "defintion"));
        assertTrue(m.contains("sheet 'Processes' row 1, column E: unknown column 'defintion'"), m);
    }

    @Test
    void nonNumericLevel() {
        String m = refused("level.xlsx", w -> w.set("Processes", 3, 4, "five"));
        assertTrue(m.contains("sheet 'Processes' row 3, column 'level': 'five' is not a whole number"), m);
    }

    @Test
    void emptyIdentifier() {
        String m = refused("no-id.xlsx", w -> w.set("Processes", 4, 1, null));
        assertTrue(m.contains("sheet 'Processes' row 4, column 'identifier': empty"), m);
    }

    @Test
    void unknownRaciLetter() {
        String m = refused("raci.xlsx", w -> w.set("RACI", 3, 4, "X"));
        assertTrue(m.contains("sheet 'RACI' row 3, column 'R/A/C/I': 'X' is not a RACI letter"), m);
    }

    @Test
    void unknownAgentKind() {
        String m = refused("kind.xlsx", w -> w.set("RACI", 2, 3, "team"));
        assertTrue(m.contains("sheet 'RACI' row 2, column 'kind': 'team' is neither unit nor role"), m);
    }

    @Test
    void nonNumericTarget() {
        String m = refused("target.xlsx", w -> w.set("KPIs", 3, 6, "fast"));
        assertTrue(m.contains("sheet 'KPIs' row 3, column 'target': 'fast' is not a number"), m);
    }

    @Test
    void nonNumericValue() {
        String m = refused("value.xlsx", w -> w.set("Measurements", 2, 3, "n/a"));
        assertTrue(m.contains("sheet 'Measurements' row 2, column 'value': 'n/a' is not a number"), m);
    }

    @Test
    void nonNumericPosition() {
        String m = refused("position.xlsx", w -> w.set("Flows", 4, 3, "last"));
        assertTrue(m.contains("sheet 'Flows' row 4, column 'position': 'last' is not a whole number"), m);
    }

    @Test
    void badLanguageTag() {
        String m = refused("lang.xlsx", w -> w.set("LocalNames", 2, 3, "German language"));
        assertTrue(m.contains("sheet 'LocalNames' row 2, column 'language'"), m);
    }

    @Test
    void missingNamespace() {
        String m = refused("no-ns.xlsx", w -> w.set("Extension", 5, 1, null).set("Extension", 5, 2, null));
        assertTrue(m.contains("sheet 'Extension' gives no namespace"), m);
    }

    @Test
    void unknownHeaderKey() {
        String m = refused("key.xlsx", w -> w.set("Extension", 4, 1, "relase"));
        assertTrue(m.contains("sheet 'Extension' row 4, column A: unknown key 'relase'"), m);
    }

    @Test
    void notAWorkbook() throws IOException {
        Path f = Files.writeString(dir.resolve("plain.xlsx"), "identifier,name\n");
        ExtensionInputException e = assertThrows(ExtensionInputException.class, () -> ExtensionTemplate.read(f));
        assertTrue(e.getMessage().startsWith(f + ": not a readable xlsx workbook"), e.getMessage());
    }

    @Test
    void csvNonNumericLevel() throws IOException {
        String m = refusedCsv("# release: 25.5\n# namespace: " + NS + "\nidentifier,name,parent,level\n2.3.3.10.5,A,1.3.3.10,4\n2.3.3.10.6,B,1.3.3.10,four\n");
        assertTrue(m.contains("line 5, column 'level': 'four' is not a whole number"), m);
    }

    @Test
    void csvEmptyIdentifier() throws IOException {
        String m = refusedCsv("# release: 25.5\n# namespace: " + NS + "\nidentifier,name,parent\n,A,1.3.3.10\n");
        assertTrue(m.contains("line 4, column 'identifier': empty"), m);
    }

    @Test
    void csvMissingRelease() throws IOException {
        String m = refusedCsv("# namespace: " + NS + "\nidentifier,name,parent\n2.3.3.10.5,A,1.3.3.10\n");
        assertTrue(m.contains("the # lines before the table gives no release"), m);
    }

    @Test
    void csvMissingColumn() throws IOException {
        String m = refusedCsv("# release: 25.5\n# namespace: " + NS + "\nidentifier,name\n2.3.3.10.5,A\n");
        assertTrue(m.contains("line 3: missing column 'parent'"), m);
    }

    @Test
    void csvUnquotedSeparator() throws IOException {
        String m = refusedCsv("# release: 25.5\n# namespace: " + NS + "\nidentifier,name,parent\n2.3.3.10.5,Check, then confirm,1.3.3.10\n");
        assertTrue(m.contains("line 4: more cells than the header line has columns"), m);
    }

    @Test
    void csvUnclosedQuote() throws IOException {
        String m = refusedCsv("# release: 25.5\n# namespace: " + NS + "\nidentifier,name,parent\n2.3.3.10.5,\"Check,1.3.3.10\n");
        assertTrue(m.contains("line 4: a quoted cell is not closed"), m);
    }

    @Test
    void csvNotUtf8() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, ("# release: 25.5\n# namespace: " + NS + "\nidentifier,name,parent\n2.3.3.10.5,Bestellung prüfen,1.3.3.10\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        ExtensionInputException e = assertThrows(ExtensionInputException.class, () -> ExtensionTemplate.read(f));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    // ---- helpers -----------------------------------------------------------------------------

    private String refused(String name, UnaryOperator<TemplateWorkbook> spoil) {
        Path f = spoil.apply(TemplateWorkbook.nordlicht()).write(dir.resolve(name));
        ExtensionInputException e = assertThrows(ExtensionInputException.class, () -> ExtensionTemplate.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage();
    }

    private String refusedCsv(String text) throws IOException {
        Path f = Files.writeString(dir.resolve("template.csv"), text);
        ExtensionInputException e = assertThrows(ExtensionInputException.class, () -> ExtensionTemplate.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage();
    }

    private static void assertHas(Graph g, Node s, Node p, Node o) {
        assertTrue(g.contains(Triple.create(s, p, o)), () -> "missing " + Triple.create(s, p, o) + "; the subject has "
            + g.find(s, Node.ANY, Node.ANY).toList());
    }

    private static Node iri(String iri) { return NodeFactory.createURI(iri); }
    private static Node en(String text) { return NodeFactory.createLiteralLang(text, "en"); }
    private static Node typed(String lexical, RDFDatatype type) { return NodeFactory.createLiteralDT(lexical, type); }
}
