package org.etomkg.importer;

import static org.etomkg.importer.QualityFlag.AnnotatedIdentifier;
import static org.etomkg.importer.QualityFlag.ConflictingNames;
import static org.etomkg.importer.QualityFlag.DomainLabelMismatch;
import static org.etomkg.importer.QualityFlag.LevelMismatch;
import static org.etomkg.importer.QualityFlag.Orphan;
import static org.etomkg.importer.QualityFlag.StrayIdentifier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.framework.MetaModel;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.framework.VerticalGroup;
import org.etomkg.importer.gb921.Gb921Reader;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GB921 workbook importer on {@link Gb921Workbook}, a workbook the test makes with the real
 * sheet and column names and every quirk the data README lists.
 */
class Gb921ImportTest {
    static final String FILE = "GB921_fixture_v25.5.xlsx";
    static final String P = ETOM.processNamespace("25.5");

    static MetaModel metaModel;
    static ReleaseImport importer;

    @TempDir Path dir;

    @BeforeAll
    static void loadMetaModel() {
        metaModel = MetaModel.load(ImportRun.ONTOLOGY);
        importer = new ReleaseImport(metaModel);
    }

    private ReleaseContent importStandard() {
        return importer.readWorkbook(Gb921Workbook.standard().write(dir, FILE), null);
    }

    private static Map<String, ReleaseElement> byId(ReleaseContent c) {
        Map<String, ReleaseElement> m = new LinkedHashMap<>();
        c.elements().forEach(e -> m.put(e.id().text(), e));
        return m;
    }

    @Test
    void theFixtureRowsAreWhereTheseTestsSayTheyAre() {
        Gb921Workbook w = Gb921Workbook.standard();
        assertEquals(2, w.processRowOf("1.1.1"));
        assertEquals(13, w.processRowOf("1.3.3.4"));
        assertEquals(16, w.processRowOf("1.3.9.2.1"));
        assertEquals(23, w.processRowOf("1.7.3"));
        assertEquals(26, w.processRowOf("1.21.1.1"));
    }

    @Test
    void versionComesFromTheSheetNameAndDomainsFromTheMetaModel() {
        ReleaseContent c = importStandard();
        assertEquals(ReleaseVersion.of("25.5"), c.version());
        assertEquals(FILE, c.sourceName());
        assertEquals(List.of("1.1 Market", "1.2 Product", "1.3 Customer", "1.4 Service", "1.5 Resource",
                "1.6 Business Partner", "1.7 Enterprise", "1.12 Sales"),
            c.domains().stream().map(d -> d.prefix() + " " + d.label()).toList());
    }

    @Test
    void oneElementPerIdentifierInIdentifierOrder() {
        ReleaseContent c = importStandard();
        assertEquals(25, c.sourceRows());
        assertEquals(List.of("1.1.1", "1.1.1.1", "1.2.2", "1.3.3", "1.3.3.3", "1.3.3.4", "1.3.5", "1.3.9", "1.3.9.2.1",
                "1.4.1", "1.4.1.1", "1.5.2", "1.5.2.1", "1.6.4", "1.7.3", "1.7.3.1", "1.12.1", "1.12.1.1", "1.12.1.2",
                "1.21.1", "1.21.1.1"),
            c.elements().stream().map(e -> e.id().text()).toList());
        assertEquals(11, c.countAtLevel(2));
        assertEquals(9, c.countAtLevel(3));
        assertEquals(1, c.countAtLevel(4));
        assertEquals(0, c.countAtLevel(5));
    }

    @Test
    void flagsExactlyTheQuirkyIdentifiers() {
        Map<String, Set<QualityFlag>> flagged = importStandard().elements().stream().filter(e -> !e.flags().isEmpty())
            .collect(Collectors.toMap(e -> e.id().text(), ReleaseElement::flags));
        assertEquals(Map.of(
            "1.12.1", EnumSet.of(DomainLabelMismatch),
            "1.12.1.1", EnumSet.of(DomainLabelMismatch),
            "1.3.3.3", EnumSet.of(AnnotatedIdentifier),
            "1.3.3.4", EnumSet.of(LevelMismatch),
            "1.3.9.2.1", EnumSet.of(Orphan),
            "1.4.1.1", EnumSet.of(ConflictingNames),
            "1.21.1", EnumSet.of(StrayIdentifier, Orphan),
            "1.21.1.1", EnumSet.of(StrayIdentifier)), flagged);
    }

    @Test
    void flaggedElementsKeepWhatTheSourceSaid() {
        Map<String, ReleaseElement> e = byId(importStandard());
        assertEquals(List.of("Market Domain"), e.get("1.12.1").sourceDomainLabels());
        assertEquals(List.of(4), e.get("1.3.3.4").sourceLevels());
        assertEquals(3, e.get("1.3.3.4").level());
        assertEquals("1.3.9.2", e.get("1.3.9.2.1").missingParent());
        assertNull(e.get("1.3.9.2.1").parent());
        assertEquals("Plan Service Capacity", e.get("1.4.1.1").label());
        assertEquals(List.of("Plan Service Capacities"), e.get("1.4.1.1").otherNames());
        assertEquals(List.of("1.3.3.3 " + Gb921Workbook.UNUSED), e.get("1.3.3.3").sourceIdentifiers());
        assertEquals("1.3.3", e.get("1.3.3.3").parent().text());
        assertEquals("1.21", e.get("1.21.1").missingParent());
        assertNull(e.get("1.21.1").domain());
        assertEquals("1.21.1", e.get("1.21.1.1").parent().text());
    }

    @Test
    void domainComesFromThePrefixNotTheDomainColumn() {
        Map<String, ReleaseElement> e = byId(importStandard());
        assertEquals("Sales", e.get("1.12.1").domain().label(), "1.12 is Sales from 25.5, whatever the row says");
        assertEquals("Sales", e.get("1.12.1.2").domain().label());
        assertEquals("Market", e.get("1.1.1").domain().label());
        assertEquals("Customer", e.get("1.3.5").domain().label(), "an empty domain cell is no problem: the prefix decides");
        assertTrue(e.get("1.3.5").flags().isEmpty());
        assertEquals("Enterprise", e.get("1.7.3").domain().label());
    }

    @Test
    void verticalGroupsMergeAcrossRowsAndCase() {
        Map<String, ReleaseElement> e = byId(importStandard());
        Function<String, List<String>> groups = id -> e.get(id).verticalGroups().stream().map(VerticalGroup::label).toList();
        assertEquals(List.of("Strategy Management", "Capability Management"), groups.apply("1.1.1"));
        assertEquals(List.of("Strategy Management"), groups.apply("1.1.1.1"), "'strategy Management' is Strategy Management");
        assertEquals(List.of("Fulfillment", "Assurance", "Billing"), groups.apply("1.3.3"));
        assertEquals(List.of("Capability Management", "Operations Readiness & Support"), groups.apply("1.4.1.1"));
        assertEquals(List.of(), groups.apply("1.7.3"));
        assertEquals(7, metaModel.verticalGroups().size());
    }

    @Test
    void uidsOriginalIdentifiersAndAddedInNotes() {
        Map<String, ReleaseElement> e = byId(importStandard());
        assertEquals(List.of("101"), e.get("1.1.1").uids(), "a numeric UID cell reads as the whole number");
        assertEquals(List.of("102"), e.get("1.1.1.1").uids());
        assertEquals(List.of("777"), e.get("1.5.2.1").uids());
        assertEquals(List.of("777"), e.get("1.7.3").uids());
        assertEquals(List.of("1.2.1.1"), e.get("1.1.1").originalIdentifiers());
        assertEquals(List.of(), e.get("1.12.1").originalIdentifiers(), "'N/A New Process' is not imported");
        assertEquals(List.of(), e.get("1.12.1.1").originalIdentifiers(), "'X.X.X.X.X.X' is not imported");
        assertEquals(List.of(), e.get("1.4.1").originalIdentifiers());

        assertEquals("25.5", e.get("1.1.1.1").addedIn());
        assertEquals("25.5", e.get("1.12.1").addedIn(), "'created in 25.5' is an added-in note too");
        assertNull(e.get("1.6.4").addedIn(), "Issue prose is no added-in note");
        assertEquals(2, e.values().stream().filter(x -> x.addedIn() != null).count());
    }

    @Test
    void notesCountTheMergedRowsAndTheCellsNotImported() {
        ReleaseContent c = importStandard();
        assertEquals(Map.of(
            "rows that repeat an identifier already seen (one element each)", 4,
            "rows with an empty domain label", 1,
            "rows that spell a vertical group in another case (read as the group)", 2,
            "original identifiers that are not identifiers (not imported)", 3,
            "UIDs given to more than one identifier", 1,
            "retired rows that repeat a UID already seen (one retired element each)", 1), c.notes());
        assertTrue(c.noteDetails().contains("UID 777 is given to both 1.5.2.1 and 1.7.3 (sheet 'eTOM25,5' row 23)"),
            c.noteDetails().toString());
        assertTrue(c.noteDetails().contains("1.12.1: original identifier cell reads 'N/A New Process' (sheet 'eTOM25,5' row 5)"),
            c.noteDetails().toString());
    }

    @Test
    void retiredElementsAreKeyedByUidWithStatusAndMaturity() {
        List<RetiredElement> retired = importStandard().retired();
        assertEquals(List.of("9001", "9002", "10004"), retired.stream().map(RetiredElement::uid).toList(),
            "one per UID, in numeric order");
        RetiredElement unused = retired.get(0);
        assertEquals("Party Payments Handling (Deleted)", unused.label());
        assertEquals(List.of(Gb921Workbook.UNUSED), unused.identifierCells());
        assertEquals(2, unused.level());
        assertEquals(3, unused.maturityLevel());
        assertEquals("Not Fully Developed", unused.frameworkStatus());
        assertEquals(List.of("1.0.7.9"), unused.originalIdentifiers());

        RetiredElement twice = retired.get(1);
        assertEquals(List.of("1.1.9.9.9", Gb921Workbook.UNUSED), twice.identifierCells());
        assertEquals(List.of("1.1.9.9"), twice.parentCells());
        assertEquals(List.of("Strategy Management", "Capability Management"),
            twice.verticalGroups().stream().map(VerticalGroup::label).toList());
        assertEquals(List.of(), twice.originalIdentifiers());
        assertEquals(4, twice.maturityLevel());
        assertEquals("Released", twice.frameworkStatus());

        RetiredElement text = retired.get(2);
        assertEquals(3, text.level());
        assertNull(text.maturityLevel());
        assertEquals("Preliminary", text.frameworkStatus());
    }

    @Test
    void uidsThatAreEqualAsNumbersButWrittenApartStayApart() {
        Path file = Gb921Workbook.standard().setDeletedCell(5, "UID", "09001").write(dir, FILE);
        List<RetiredElement> retired = importer.readWorkbook(file, null).retired();
        assertEquals(List.of("09001", "9001", "9002"), retired.stream().map(RetiredElement::uid).toList());
        assertEquals("Retired Audit Step", retired.get(0).label());
        assertEquals("Party Payments Handling (Deleted)", retired.get(1).label());
    }

    @Test
    void withoutTheDeletedSheetThereAreNoRetiredElements() {
        ReleaseContent c = importer.readWorkbook(Gb921Workbook.standard().withoutDeletedSheet().write(dir, FILE), null);
        assertEquals(List.of(), c.retired());
        assertEquals(21, c.elements().size());
    }

    @Test
    void theSheetNameMayUseADotAndTheReleaseMayBeGiven() {
        Path file = Gb921Workbook.standard().processSheetName("eTOM 26.0").write(dir, FILE);
        assertEquals("26.0", importer.readWorkbook(file, null).version().text());
        assertEquals("25.5", importer.readWorkbook(file, ReleaseVersion.of("v25.5")).version().text());
    }

    @Test
    void descriptionsAreReadOnlyWhenAskedAndIssueProseNever() {
        Path file = Gb921Workbook.standard().write(dir, FILE);
        ReleaseSource plain = new Gb921Reader(false).read(file, null);
        ReleaseSource withDescriptions = new Gb921Reader(true).read(file, null);
        assertTrue(plain.rows().stream().allMatch(r -> r.description() == null));
        assertEquals(Gb921Workbook.DESCRIPTION_MARK + " (brief) for Market Planning.", withDescriptions.rows().get(0).description());
        for (ReleaseSource s : List.of(plain, withDescriptions))
            assertFalse(s.rows().stream().anyMatch(r -> r.toString().contains(Gb921Workbook.ISSUE_PROSE)),
                "the Issue column's prose is not read");
        assertEquals("sheet 'eTOM25,5' row 2", plain.rows().get(0).where());
        assertEquals("sheet 'eTOM Deleted' row 5", plain.retired().get(3).where());
    }

    @Test
    void theReleaseFileParsesAndSaysWhatWasAssembled() throws IOException {
        Path out = importer.write(importStandard(), dir.resolve("etom-25.5.ttl"));
        String turtle = Files.readString(out);
        Model m = RDFParser.source(out).lang(Lang.TURTLE).toModel();

        assertEquals(21 + 8, m.listSubjectsWithProperty(RDF.type, ETOM.ProcessElement).toList().size());
        assertEquals(3, m.listSubjectsWithProperty(RDF.type, ETOM.RetiredProcessElement).toList().size());
        Resource sales = m.createResource(P + "1.12.1");
        assertEquals(m.createResource(ETOM.NS + "SalesDomain"), sales.getPropertyResourceValue(ETOM.domain));
        assertEquals(m.createResource(P + "1.12"), sales.getPropertyResourceValue(ETOM.parent));
        assertEquals(sales, m.createResource(P + "1.12.1.2").getPropertyResourceValue(ETOM.parent));
        assertEquals(Set.of(ETOM.NS + "StrategyManagement", ETOM.NS + "CapabilityManagement"),
            uris(m, P + "1.1.1", ETOM.verticalGroup));
        assertEquals(Set.of(ETOM.NS + "Orphan", ETOM.NS + "StrayIdentifier"), uris(m, P + "1.21.1", prop("qualityFlag")));
        assertEquals("1.3.3.4", m.createResource(P + "1.3.3.4").getProperty(SKOS.notation).getString());
        assertEquals(3, m.createResource(P + "1.3.3.4").getProperty(ETOM.level).getInt());
        assertEquals(4, m.createResource(P + "1.3.3.4").getProperty(prop("sourceLevel")).getInt());
        assertEquals("Plan Service Capacities", m.createResource(P + "1.4.1.1").getProperty(SKOS.altLabel).getString());
        assertEquals("25.5", m.createResource(P + "1.1.1.1").getProperty(prop("addedIn")).getString());
        assertFalse(m.createResource(P + "1.6.4").hasProperty(prop("addedIn")));

        Resource retired = m.createResource(ETOM.retiredNamespace("25.5") + "9002");
        assertEquals(4, retired.getProperty(prop("maturityLevel")).getInt());
        assertEquals("Released", retired.getProperty(prop("frameworkStatus")).getString());
        assertEquals("Old Market Survey [DELETED]", retired.getProperty(RDFS.label).getString());

        assertFalse(turtle.contains(Gb921Workbook.ISSUE_PROSE), "Issue prose must not reach the release file");
        assertFalse(turtle.contains(Gb921Workbook.DESCRIPTION_MARK), "description text must not reach the release file");
        m.listStatements().forEach(s -> {
            RDFNode o = s.getObject();
            if (o.isLiteral()) assertFalse(((Literal) o).getLexicalForm().contains("Fixture text"), s.toString());
        });
    }

    @Test
    void theQualityReportListsEveryFlaggedIdentifier() throws IOException {
        ReleaseContent c = importStandard();
        Path out = importer.write(c, dir.resolve("etom-25.5.ttl"));
        String report = Files.readString(dir.resolve("etom-25.5.quality.md"));
        assertEquals(ReleaseImport.qualityReportFile(out), dir.resolve("etom-25.5.quality.md"));
        for (String line : List.of(
            "- 1.12.1 Sales Planning: source says Market Domain, prefix gives Sales",
            "- 1.12.1.1 Qualify Leads: source says Market Domain, prefix gives Sales",
            "- 1.3.3.3 Track Order Handling (Deleted): identifier cell reads '1.3.3.3 " + Gb921Workbook.UNUSED + "'",
            "- 1.3.3.4 Close Customer Order: source says level 4, identifier gives 3",
            "- 1.3.9.2.1 Answer Bill Query: no parent 1.3.9.2 in the source",
            "- 1.21.1 Manage Data Access: no parent 1.21 in the source",
            "- 1.4.1.1 Plan Service Capacity: also named \"Plan Service Capacities\"",
            "- 1.21.1 Manage Data Access: prefix 1.21 is no domain of this release",
            "- 1.21.1.1 Audit Data Access: prefix 1.21 is no domain of this release",
            "## Orphan (2)", "## StrayIdentifier (2)", "## DomainLabelMismatch (2)",
            "| 1 | 8 |", "| 2 | 11 |", "| 3 | 9 |", "| 4 | 1 |",
            "Source rows: 25; distinct identifiers: 21; retired elements: 3."))
            assertTrue(report.contains(line + "\n"), "report lacks: " + line + "\n" + report);
        String flagSections = report.substring(0, report.indexOf("\n## Notes\n"));
        long flaggedLines = flagSections.lines().filter(l -> l.startsWith("- ")).count();
        assertEquals(9, flaggedLines, "one line per flag of each flagged element, nothing else\n" + report);
        assertFalse(report.contains(Gb921Workbook.ISSUE_PROSE));
        assertFalse(report.contains(Gb921Workbook.DESCRIPTION_MARK));
    }

    // ---- byte for byte ----

    @Test
    void twoImportsOfTwoBuildsOfTheWorkbookGiveTheSameBytes() throws IOException {
        Path a = Gb921Workbook.standard().write(dir.resolve("a"), FILE);
        Path b = Gb921Workbook.standard().write(dir.resolve("b"), FILE);
        Path outA = importer.write(importer.readWorkbook(a, null), dir.resolve("one.ttl"));
        Path outB = importer.write(importer.readWorkbook(b, null), dir.resolve("two.ttl"));
        assertArrayEquals(Files.readAllBytes(outA), Files.readAllBytes(outB));
        assertArrayEquals(Files.readAllBytes(dir.resolve("one.quality.md")), Files.readAllBytes(dir.resolve("two.quality.md")));
    }

    @Test
    void theDocumentedCommandRegeneratesTheGoldenFiles() {
        Path workbook = Gb921Workbook.standard().write(dir, FILE);
        Path out = dir.resolve("etom-25.5-fixture.ttl");
        ImportRun run = ImportRun.importCommand("gb921", workbook, out);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("release 25.5: 29 process elements, 3 retired, 8 flagged -> "), run.out());
        ImportRun.assertSameBytesAsGolden("etom-25.5-fixture.ttl", out);
        ImportRun.assertSameBytesAsGolden("etom-25.5-fixture.quality.md", dir.resolve("etom-25.5-fixture.quality.md"));

        ImportRun again = ImportRun.importCommand("gb921", workbook, out);   // over its own output: same bytes
        assertEquals(0, again.exitCode(), again.err());
        ImportRun.assertSameBytesAsGolden("etom-25.5-fixture.ttl", out);
    }

    // ---- malformed workbooks ----

    static Stream<Arguments> malformedWorkbooks() {
        return Stream.of(
            Arguments.of("missing column", Gb921Workbook.standard().withoutProcessColumn("Level"),
                List.of("sheet 'eTOM25,5' row 1", "missing column 'Level'")),
            Arguments.of("missing identifier column", Gb921Workbook.standard().withoutProcessColumn("Process identifier"),
                List.of("sheet 'eTOM25,5' row 1", "missing column 'Process identifier'")),
            Arguments.of("wrong sheet", Gb921Workbook.standard().processSheetName("Processes"),
                List.of("no process sheet named like 'eTOM25,5'", "Processes", "eTOM Deleted")),
            Arguments.of("non-numeric level", Gb921Workbook.standard().setProcessCell(13, "Level", "three"),
                List.of("sheet 'eTOM25,5' row 13", "column 'Level'", "'three' is not a whole number")),
            Arguments.of("fractional level", Gb921Workbook.standard().setProcessCell(9, "Level", 2.5),
                List.of("sheet 'eTOM25,5' row 9", "column 'Level'", "'2.5'")),
            Arguments.of("empty level", Gb921Workbook.standard().setProcessCell(20, "Level", null),
                List.of("sheet 'eTOM25,5' row 20", "column 'Level'", "empty")),
            Arguments.of("bad identifier", Gb921Workbook.standard().setProcessCell(16, "Process identifier", "1.x.2"),
                List.of("sheet 'eTOM25,5' row 16", "'1.x.2' is not an eTOM process identifier")),
            Arguments.of("domain as a process", Gb921Workbook.standard().setProcessCell(7, "Process identifier", "1.12"),
                List.of("sheet 'eTOM25,5' row 7", "'1.12'")),
            Arguments.of("company process", Gb921Workbook.standard().setProcessCell(8, "Process identifier", "2.2.2"),
                List.of("sheet 'eTOM25,5' row 8", "'2.2.2'")),
            Arguments.of("empty name", Gb921Workbook.standard().setProcessCell(24, "Process", " "),
                List.of("sheet 'eTOM25,5' row 24", "column 'Process'", "empty")),
            Arguments.of("unknown vertical group", Gb921Workbook.standard().setProcessCell(22, "Vertical Group", "Billing & Revenue"),
                List.of("sheet 'eTOM25,5' row 22", "'Billing & Revenue' is not a vertical group")),
            Arguments.of("deleted sheet missing column", Gb921Workbook.standard().withoutDeletedColumn("UID"),
                List.of("sheet 'eTOM Deleted' row 1", "missing column 'UID'")),
            Arguments.of("deleted sheet bad maturity", Gb921Workbook.standard().setDeletedCell(4, "Maturity Level", "high"),
                List.of("sheet 'eTOM Deleted' row 4", "column 'Maturity Level'", "'high'")),
            Arguments.of("deleted sheet UID unfit for an IRI", Gb921Workbook.standard().setDeletedCell(5, "UID", "10 004"),
                List.of("sheet 'eTOM Deleted' row 5", "column 'UID'", "'10 004' is not a UID")),
            Arguments.of("deleted sheet empty UID", Gb921Workbook.standard().setDeletedCell(5, "UID", null),
                List.of("sheet 'eTOM Deleted' row 5", "column 'UID'", "empty")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedWorkbooks")
    void aMalformedWorkbookIsNamedAndWritesNothing(String what, Gb921Workbook workbook, List<String> expected) throws IOException {
        Path file = workbook.write(dir, FILE);
        SourceException e = assertThrows(SourceException.class, () -> importer.readWorkbook(file, null));
        assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
        for (String part : expected) assertTrue(e.getMessage().contains(part), "message lacks \"" + part + "\": " + e.getMessage());

        Path fresh = dir.resolve("fresh/etom-25.5.ttl");
        ImportRun run = ImportRun.importCommand("gb921", file, fresh);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("etom-kg: " + e.getMessage(), run.err().strip());
        assertFalse(Files.exists(fresh), "no release file");
        assertFalse(Files.exists(ReleaseImport.qualityReportFile(fresh)), "no report");

        Path existing = dir.resolve("existing/etom-25.5.ttl");
        Files.createDirectories(existing.getParent());
        byte[] before = "# the release file as it was\n".getBytes();
        byte[] reportBefore = "# the report as it was\n".getBytes();
        Files.write(existing, before);
        Files.write(ReleaseImport.qualityReportFile(existing), reportBefore);
        assertEquals(2, ImportRun.importCommand("gb921", file, existing).exitCode());
        assertArrayEquals(before, Files.readAllBytes(existing), "a release file already there is left as it was");
        assertArrayEquals(reportBefore, Files.readAllBytes(ReleaseImport.qualityReportFile(existing)));
        try (var files = Files.list(existing.getParent())) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aFileThatIsNoWorkbookIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve(FILE), "Process,Process identifier\nA,1.3.3\n");
        SourceException e = assertThrows(SourceException.class, () -> importer.readWorkbook(file, null));
        assertTrue(e.getMessage().startsWith(FILE + ": not a readable xlsx workbook"), e.getMessage());
        Path out = dir.resolve("etom-25.5.ttl");
        assertEquals(2, ImportRun.importCommand("gb921", file, out).exitCode());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingFileIsNamed() {
        Path out = dir.resolve("etom-25.5.ttl");
        ImportRun run = ImportRun.importCommand("gb921", dir.resolve("absent.xlsx"), out);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("absent.xlsx"), run.err());
        assertFalse(Files.exists(out));
    }

    private static Property prop(String local) { return ResourceFactory.createProperty(ETOM.NS + local); }

    private static Set<String> uris(Model m, String subject, Property p) {
        return m.listObjectsOfProperty(m.createResource(subject), p).mapWith(n -> n.asResource().getURI()).toSet();
    }
}
