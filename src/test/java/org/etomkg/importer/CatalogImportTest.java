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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.framework.MetaModel;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON catalogue importer on a small catalogue written by the test, with the quirks of
 * TM Forum's catalogue exports (repeated entries, empty domains, a "level 10" row, two names
 * for one identifier, stray 1.21 rows, orphans, an identifier with a remark).
 */
class CatalogImportTest {
    static final String FILE = "etom_v23.5-fixture.json";

    /** Index: 0..15. Names are made up for the test; "token" is in the real exports and ignored. */
    static final String CATALOG = """
        {
          "version": "v23.5",
          "entries": [
            {"id": "1.1.1", "name": "Market Strategy Handling", "token": "t1", "domain": "Market & Sales Domain", "level": 2},
            {"id": "1.1.1", "name": "Market Strategy Handling", "token": "t1", "domain": "Market & Sales Domain", "level": 2},
            {"id": "1.1.1.1", "name": "Gather Market Facts", "token": "t2", "domain": null, "level": 3},
            {"id": "1.1.21", "name": "Market Problem Handling", "token": "t3", "domain": "Market & Sales Domain", "level": 2},
            {"id": "1.1.21", "name": "Market & Sales Problem Handling (DELETED)", "token": "t4", "domain": "Market & Sales Domain", "level": "2"},
            {"id": "1.2.9", "name": "Product Offering Purchase", "token": "t5", "domain": "Market & Sales Domain", "level": 2},
            {"id": "1.2.9.2.1.1.1", "name": "Choose Offering to Buy", "token": "t6", "domain": "Product Domain", "level": 6},
            {"id": "1.3.3", "name": "Customer Order Handling", "token": "t7", "domain": "customer domain", "level": 2},
            {"id": "1.3.3.3 (This Process ID has been deliberately unused!)", "name": "Track Order Handling (Deleted)", "token": "t8", "domain": "Customer Domain", "level": 3},
            {"id": "1.4.3", "name": "Service Support Readiness", "token": "t9", "domain": "Service Domain", "level": 2},
            {"id": "1.4.3.5", "name": "Service Procedure Support", "token": "t10", "domain": "Service Domain", "level": 3},
            {"id": "1.4.3.5.2", "name": "Write Service Procedures", "token": "t11", "domain": "Service Domain", "level": 10},
            {"id": "1.12.1", "name": "Sales Planning", "token": "t12", "domain": "Sales Domain", "level": 2},
            {"id": "1.21.7.3", "name": "Audit Data Access", "token": "t13", "domain": "Enterprise Domain", "level": 3},
            {"id": "1.7.1", "name": "Enterprise Direction", "token": "t14", "domain": "Enterprise Domain", "level": 2},
            {"id": " 1.5.1 ", "name": "Resource Planning ", "token": "t15", "domain": "", "level": 2}
          ]
        }
        """;

    static MetaModel metaModel;
    static ReleaseImport importer;

    @TempDir Path dir;

    @BeforeAll
    static void loadMetaModel() {
        metaModel = MetaModel.load(ImportRun.ONTOLOGY);
        importer = new ReleaseImport(metaModel);
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    private ReleaseContent importStandard() throws IOException {
        return importer.readCatalog(write(FILE, CATALOG), null);
    }

    private static Map<String, ReleaseElement> byId(ReleaseContent c) {
        Map<String, ReleaseElement> m = new LinkedHashMap<>();
        c.elements().forEach(e -> m.put(e.id().text(), e));
        return m;
    }

    @Test
    void theVersionFieldNamesTheReleaseAndOneOneIsMarketAndSales() throws IOException {
        ReleaseContent c = importStandard();
        assertEquals(ReleaseVersion.of("23.5"), c.version());
        assertEquals("23.5", c.version().text());
        assertEquals(List.of("1.1 Market & Sales", "1.2 Product", "1.3 Customer", "1.4 Service", "1.5 Resource",
                "1.6 Business Partner", "1.7 Enterprise"),
            c.domains().stream().map(d -> d.prefix() + " " + d.label()).toList());
        Map<String, ReleaseElement> e = byId(c);
        assertEquals("Market & Sales", e.get("1.1.1").domain().label());
        assertNull(e.get("1.12.1").domain(), "1.12 is no domain before 25.5");
    }

    @Test
    void oneElementPerIdentifierInIdentifierOrder() throws IOException {
        ReleaseContent c = importStandard();
        assertEquals(16, c.sourceRows());
        assertEquals(List.of("1.1.1", "1.1.1.1", "1.1.21", "1.2.9", "1.2.9.2.1.1.1", "1.3.3", "1.3.3.3", "1.4.3", "1.4.3.5",
                "1.4.3.5.2", "1.5.1", "1.7.1", "1.12.1", "1.21.7.3"),
            c.elements().stream().map(x -> x.id().text()).toList());
        assertEquals(8, c.countAtLevel(2));
        assertEquals(4, c.countAtLevel(3));
        assertEquals(1, c.countAtLevel(4));
        assertEquals(0, c.countAtLevel(5));
        assertEquals(1, c.countAtLevel(6));
        assertEquals(List.of(), c.retired());
        assertEquals("Resource Planning", byId(c).get("1.5.1").label(), "cells are read without surrounding spaces");
    }

    @Test
    void flagsExactlyTheQuirkyIdentifiers() throws IOException {
        Map<String, Set<QualityFlag>> flagged = importStandard().elements().stream().filter(e -> !e.flags().isEmpty())
            .collect(Collectors.toMap(e -> e.id().text(), ReleaseElement::flags));
        assertEquals(Map.of(
            "1.1.21", EnumSet.of(ConflictingNames),
            "1.2.9", EnumSet.of(DomainLabelMismatch),
            "1.2.9.2.1.1.1", EnumSet.of(Orphan),
            "1.3.3.3", EnumSet.of(AnnotatedIdentifier),
            "1.4.3.5.2", EnumSet.of(LevelMismatch),
            "1.12.1", EnumSet.of(StrayIdentifier, Orphan),
            "1.21.7.3", EnumSet.of(StrayIdentifier, Orphan)), flagged);

        Map<String, ReleaseElement> e = byId(importStandard());
        assertEquals("Market Problem Handling", e.get("1.1.21").label(), "the first name is the label");
        assertEquals(List.of("Market & Sales Problem Handling (DELETED)"), e.get("1.1.21").otherNames());
        assertEquals(List.of(10), e.get("1.4.3.5.2").sourceLevels());
        assertEquals(4, e.get("1.4.3.5.2").level());
        assertEquals("1.2.9.2.1.1", e.get("1.2.9.2.1.1.1").missingParent());
        assertEquals("1.21.7", e.get("1.21.7.3").missingParent());
        assertEquals(List.of("Market & Sales Domain"), e.get("1.2.9").sourceDomainLabels());
        assertTrue(e.get("1.3.3").flags().isEmpty(), "'customer domain' names the Customer domain");
        assertEquals("1.3.3", e.get("1.3.3.3").parent().text());
    }

    @Test
    void notesCountRepeatsAndEmptyDomains() throws IOException {
        ReleaseContent c = importStandard();
        assertEquals(Map.of(
            "rows that repeat an identifier already seen (one element each)", 2,
            "rows with an empty domain label", 2), c.notes());
        assertEquals(List.of(), c.noteDetails());
    }

    @Test
    void aGivenReleaseOverridesTheVersionAndTheDomainsFollowIt() throws IOException {
        ReleaseContent c = importer.readCatalog(write(FILE, CATALOG), ReleaseVersion.of("25.5"));
        assertEquals("25.5", c.version().text());
        Map<String, ReleaseElement> e = byId(c);
        assertEquals("Sales", e.get("1.12.1").domain().label());
        assertEquals(EnumSet.noneOf(QualityFlag.class), e.get("1.12.1").flags());
        assertEquals("Market", e.get("1.1.1").domain().label());
        assertEquals(EnumSet.of(DomainLabelMismatch), e.get("1.1.1").flags(), "'Market & Sales Domain' is not Market");
    }

    @Test
    void levelsMayBeWrittenAsWholeDecimalsOrText() throws IOException {
        ObjectNode root = parse(CATALOG);
        entry(root, 7).put("level", 2.0);
        entry(root, 9).put("level", "2.0");
        entry(root, 10).put("level", " 3 ");
        Map<String, ReleaseElement> e = byId(importer.readCatalog(write(FILE, root.toString()), null));
        for (String id : List.of("1.3.3", "1.4.3", "1.4.3.5")) assertEquals(List.of(), e.get(id).sourceLevels(), id);
    }

    @Test
    void theReportCountsEveryLevelHoweverDeep() throws IOException {
        ObjectNode root = parse(CATALOG);
        ArrayNode entries = (ArrayNode) root.get("entries");
        String id = "1.7.1";
        for (int level = 3; level <= 11; level++) {
            id += ".1";
            entries.addObject().put("id", id).put("name", "Deep step " + level).put("domain", "Enterprise Domain").put("level", level);
        }
        ReleaseContent c = importer.readCatalog(write(FILE, root.toString()), null);
        assertEquals(1, c.countAtLevel(11));
        String report = new QualityReportWriter().write(c);
        for (int level = 7; level <= 11; level++)
            assertTrue(report.contains("\n| " + level + " | 1 |\n"), "level " + level + " missing:\n" + report);
        assertTrue(report.contains("| 6 | 2 |"), report);
    }

    @Test
    void theVersionMayBeLeftOutWhenTheReleaseIsGiven() throws IOException {
        ObjectNode root = parse(CATALOG);
        root.remove("version");
        Path file = write(FILE, root.toString());
        assertEquals("24.0", importer.readCatalog(file, ReleaseVersion.of("v24.0")).version().text());
        SourceException e = assertThrows(SourceException.class, () -> importer.readCatalog(file, null));
        assertEquals(FILE + ": $.version: missing (or pass --release)", e.getMessage());
    }

    @Test
    void theReleaseFileParsesAndTheReportListsEveryFlaggedIdentifier() throws IOException {
        Path out = importer.write(importStandard(), dir.resolve("etom-23.5.ttl"));
        Model m = RDFParser.source(out).lang(Lang.TURTLE).toModel();
        String p = ETOM.processNamespace("23.5");
        assertEquals(14 + 7, m.listSubjectsWithProperty(RDF.type, ETOM.ProcessElement).toList().size());
        assertEquals(m.createResource(ETOM.NS + "MarketAndSalesDomain"),
            m.createResource(p + "1.1.1").getPropertyResourceValue(ETOM.domain));
        Resource stray = m.createResource(p + "1.12.1");
        assertFalse(stray.hasProperty(ETOM.domain));
        assertFalse(stray.hasProperty(ETOM.parent));
        assertEquals(10, m.createResource(p + "1.4.3.5.2")
            .getProperty(m.createProperty(ETOM.NS + "sourceLevel")).getInt());
        assertEquals(m.createResource(p + "1.4.3.5"), m.createResource(p + "1.4.3.5.2").getPropertyResourceValue(ETOM.parent));

        String report = Files.readString(ReleaseImport.qualityReportFile(out));
        for (String line : List.of(
            "- 1.1.21 Market Problem Handling: also named \"Market & Sales Problem Handling (DELETED)\"",
            "- 1.2.9 Product Offering Purchase: source says Market & Sales Domain, prefix gives Product",
            "- 1.2.9.2.1.1.1 Choose Offering to Buy: no parent 1.2.9.2.1.1 in the source",
            "- 1.3.3.3 Track Order Handling (Deleted): identifier cell reads '1.3.3.3 (This Process ID has been deliberately unused!)'",
            "- 1.4.3.5.2 Write Service Procedures: source says level 10, identifier gives 4",
            "- 1.12.1 Sales Planning: prefix 1.12 is no domain of this release",
            "- 1.12.1 Sales Planning: no parent 1.12 in the source",
            "- 1.21.7.3 Audit Data Access: prefix 1.21 is no domain of this release",
            "- 1.21.7.3 Audit Data Access: no parent 1.21.7 in the source",
            "| 1 | 7 |", "| 2 | 8 |", "| 6 | 1 |",
            "Source rows: 16; distinct identifiers: 14; retired elements: 0.",
            "- 2 rows that repeat an identifier already seen (one element each)",
            "- 2 rows with an empty domain label"))
            assertTrue(report.contains(line + "\n"), "report lacks: " + line + "\n" + report);
        assertEquals(9, report.lines().filter(l -> l.startsWith("- 1.")).count(), report);
    }

    // ---- byte for byte ----

    @Test
    void twoImportsGiveTheSameBytes() throws IOException {
        Path json = write(FILE, CATALOG);
        Path a = importer.write(importer.readCatalog(json, null), dir.resolve("a/etom-23.5.ttl"));
        Path b = importer.write(importer.readCatalog(json, null), dir.resolve("b/etom-23.5.ttl"));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertArrayEquals(Files.readAllBytes(ReleaseImport.qualityReportFile(a)), Files.readAllBytes(ReleaseImport.qualityReportFile(b)));
    }

    @Test
    void theDocumentedCommandRegeneratesTheGoldenFiles() throws IOException {
        Path json = write(FILE, CATALOG);
        Path out = dir.resolve("etom-23.5-fixture.ttl");
        ImportRun run = ImportRun.importCommand("catalog", json, out);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("release 23.5: 21 process elements, 0 retired, 7 flagged -> "), run.out());
        ImportRun.assertSameBytesAsGolden("etom-23.5-fixture.ttl", out);
        ImportRun.assertSameBytesAsGolden("etom-23.5-fixture.quality.md", dir.resolve("etom-23.5-fixture.quality.md"));
    }

    @Test
    void theCommandTakesTheReleaseFromTheOption() throws IOException {
        Path json = write(FILE, CATALOG);
        Path out = dir.resolve("etom-24.0.ttl");
        ImportRun run = ImportRun.importCommand("catalog", json, out, "--release", "v24.0");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(ImportRun.text(out).contains("\n    etom:version \"24.0\" ;\n"));

        Path bad = dir.resolve("bad/etom.ttl");
        ImportRun refused = ImportRun.importCommand("catalog", json, bad, "--release", "latest");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("'latest' is not a release number"), refused.err());
        assertFalse(Files.exists(bad));
        assertFalse(Files.exists(bad.getParent()), "not even the folder");
    }

    // ---- malformed catalogues ----

    static Stream<Arguments> malformedCatalogs() {
        return Stream.of(
            spoiled("non-numeric level", r -> entry(r, 3).put("level", "three"), "$.entries[3].level: not a whole number: \"three\""),
            spoiled("fractional level", r -> entry(r, 2).put("level", 2.5), "$.entries[2].level: not a whole number: 2.5"),
            spoiled("missing level", r -> entry(r, 5).remove("level"), "$.entries[5].level: missing"),
            spoiled("missing entries", r -> r.remove("entries"), "$.entries: missing or not an array"),
            spoiled("entries not a list", r -> r.put("entries", "none"), "$.entries: missing or not an array"),
            spoiled("no entries", r -> r.putArray("entries"), "$.entries: empty, no process entries"),
            spoiled("entry not an object", r -> ((ArrayNode) r.get("entries")).set(4, r.textNode("1.1.21")), "$.entries[4]: expected an object"),
            spoiled("bad identifier", r -> entry(r, 2).put("id", "1.x.2"), "$.entries[2]: '1.x.2' is not an eTOM process identifier"),
            spoiled("domain as a process", r -> entry(r, 2).put("id", "1.1"), "$.entries[2]: '1.1' is not a TM Forum process below a domain"),
            spoiled("company process", r -> entry(r, 2).put("id", "2.1.1.1"), "$.entries[2]: '2.1.1.1'"),
            spoiled("identifier not text", r -> entry(r, 7).put("id", 1.3), "$.entries[7].id: expected a string, found 1.3"),
            spoiled("missing name", r -> entry(r, 0).remove("name"), "$.entries[0].name: missing"),
            spoiled("empty name", r -> entry(r, 9).put("name", "  "), "$.entries[9].name: empty"),
            spoiled("bad version", r -> r.put("version", "latest"), "$.version: 'latest' is not a release number"),
            spoiled("version as a number", r -> r.put("version", 23.5), "$.version: expected a string such as \"v23.5\", found 23.5"),
            spoiled("negative level", r -> entry(r, 3).put("level", -2), "$.entries[3].level: not a whole number: -2"),
            Arguments.of("invalid JSON", """
                {
                  "version": "v23.5",
                  "entries": [
                    {"id": "1.1.1", "name": "Market Strategy Handling" "level": 2}
                  ]
                }
                """, List.of("line 4, column ", "not valid JSON")),
            Arguments.of("truncated JSON", "{\"version\": \"v23.5\", \"entries\": [", List.of("line 1, column ", "not valid JSON")),
            Arguments.of("not an object", "[1, 2]", List.of("$: expected an object")),
            Arguments.of("empty file", "", List.of("$: expected an object")));
    }

    private static Arguments spoiled(String what, Consumer<ObjectNode> spoil, String expected) {
        ObjectNode root = parse(CATALOG);
        spoil.accept(root);
        return Arguments.of(what, root.toPrettyString(), List.of(expected));
    }

    private static ObjectNode entry(ObjectNode root, int i) { return (ObjectNode) root.get("entries").get(i); }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCatalogs")
    void aMalformedCatalogueIsNamedAndWritesNothing(String what, String json, List<String> expected) throws IOException {
        Path file = write(FILE, json);
        SourceException e = assertThrows(SourceException.class, () -> importer.readCatalog(file, null));
        assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
        for (String part : expected) assertTrue(e.getMessage().contains(part), "message lacks \"" + part + "\": " + e.getMessage());

        Path fresh = dir.resolve("fresh/etom-23.5.ttl");
        ImportRun run = ImportRun.importCommand("catalog", file, fresh);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("etom-kg: " + e.getMessage(), run.err().strip());
        assertFalse(Files.exists(fresh), "no release file");
        assertFalse(Files.exists(ReleaseImport.qualityReportFile(fresh)), "no report");

        Path existing = Files.createDirectories(dir.resolve("existing")).resolve("etom-23.5.ttl");
        byte[] before = "# the release file as it was\n".getBytes();
        byte[] reportBefore = "# the report as it was\n".getBytes();
        Files.write(existing, before);
        Files.write(ReleaseImport.qualityReportFile(existing), reportBefore);
        assertEquals(2, ImportRun.importCommand("catalog", file, existing).exitCode());
        assertArrayEquals(before, Files.readAllBytes(existing), "a release file already there is left as it was");
        assertArrayEquals(reportBefore, Files.readAllBytes(ReleaseImport.qualityReportFile(existing)));
        try (var files = Files.list(existing.getParent())) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void invalidJsonGivesTheLineAndColumn() throws IOException {
        Path file = write(FILE, "{\n  \"version\": \"v23.5\",\n  \"entries\": [\n    {\"id\": \"1.1.1\" \"name\": \"x\"}\n  ]\n}\n");
        SourceException e = assertThrows(SourceException.class, () -> importer.readCatalog(file, null));
        assertTrue(e.getMessage().startsWith(FILE + ": line 4, column 20: not valid JSON"), e.getMessage());
    }
}
