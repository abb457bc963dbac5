package org.etomkg.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.cli.FrameworksImportCommand;
import org.etomkg.frameworks.rdf.FrameworkIris;
import org.etomkg.importer.SourceException;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * The frameworks importer on small sources written by the test ({@link FrameworkFixture}):
 * how each kind of reference resolves, what is stated and what derived, the provenance of
 * every link, the same bytes on every run, and malformed sources that are reported with file,
 * line and path and write nothing.
 */
class FrameworksImportTest {
    static final String C = "https://w3id.org/etom-kg/oda-component/TMFC901";
    static final String P = "https://w3id.org/etom-kg/release/";
    static final String PROV = "http://www.w3.org/ns/prov#wasDerivedFrom";

    @TempDir static Path tmp;
    static Path sources;
    static FrameworksContent plain;       // without a crosswalk
    static FrameworksContent crosswalked; // with one
    static Model components, links, withCrosswalk, withCrosswalkLinks;

    @BeforeAll
    static void importTheFixture() {
        sources = FrameworkFixture.sources(tmp.resolve("src"));
        plain = new FrameworksImport(FrameworkFixture.ontology(tmp.resolve("plain"), false)).read(sources);
        crosswalked = new FrameworksImport(FrameworkFixture.ontology(tmp.resolve("crosswalked"), true)).read(sources);
        components = model(plain, FrameworkIris.COMPONENTS_FILE);
        links = model(plain, FrameworkIris.ABE_LINKS_FILE);
        withCrosswalk = model(crosswalked, FrameworkIris.COMPONENTS_FILE);
        withCrosswalkLinks = model(crosswalked, FrameworkIris.ABE_LINKS_FILE);
    }

    // ---- components and their eTOM references ------------------------------------------------

    @Test
    void componentFactsComeFromTheSpecification() {
        Resource c = components.getResource(C);
        assertEquals("TroubleHandling", c.getProperty(RDFS.label).getString());
        assertEquals("TMFC901", c.getProperty(SKOS.notation).getString());
        assertEquals("Production", value(c, "functionalBlock"));
        assertEquals("1.0.0", value(c, "specificationVersion"));
        assertEquals("production", value(c, "specificationStatus"));
        assertEquals("2026-01-02", c.getProperty(components.createProperty("http://purl.org/dc/terms/issued")).getString());
        assertTrue(c.hasProperty(RDF.type, term("OdaComponent")));
        // the description text of the specification is not shipped
        plain.files().values().forEach(text -> assertFalse(text.contains("made up for a test"), "a description was copied"));
    }

    @Test
    void aReferenceResolvesInTheReleaseItCitesAndIsCarriedToTheSameProcessElsewhere() {
        Resource link = components.getResource(C + "/process/1");
        assertEquals(term("Resolved"), link.getPropertyResourceValue(prop("resolution")));
        assertEquals(P + "23.0.1/process/1.5.8", link.getPropertyResourceValue(prop("linkTo")).getURI(), "v23.0 names the catalogue 23.0.1");
        assertEquals("23.0", value(link, "citedRelease"));
        assertTrue(link.getProperty(prop("statedBySource")).getBoolean());
        assertEquals("1.5.8", value(link, "citedIdentifier"));
        assertFalse(link.hasProperty(prop("sourceEntry")) || link.hasProperty(prop("citedName")), "the name is the target's label, not repeated");
        assertEquals("$.spec.componentMetadata.eTOMs[0]", value(link, "sourceLocation"));
        for (String v : List.of("24.0", "26.0")) {
            Resource d = components.getResource(C + "/process/1/in/" + v);
            assertFalse(d.getProperty(prop("statedBySource")).getBoolean());
            assertEquals(term("SameIdentifierAndName"), d.getPropertyResourceValue(prop("derivation")), "no crosswalk: same identifier and name");
            assertEquals(P + v + "/process/1.5.8", d.getPropertyResourceValue(prop("linkTo")).getURI());
            assertTrue(d.hasProperty(components.createProperty(PROV), link));
        }
        assertEquals(Set.of("23.0.1", "24.0", "26.0"), supported(components, "1.5.8"));
        // with a crosswalk, the same links follow the crosswalk
        assertEquals(term("SameProcessInCrosswalk"), withCrosswalk.getResource(C + "/process/1/in/26.0").getPropertyResourceValue(prop("derivation")));
    }

    @Test
    void aNameThatDiffersIsResolvedByTheIdentifierAndReported() {
        Resource link = components.getResource(C + "/process/2");
        assertEquals(term("ResolvedNameDiffers"), link.getPropertyResourceValue(prop("resolution")));
        assertEquals(P + "24.0/process/1.5.8.1", link.getPropertyResourceValue(prop("linkTo")).getURI());
        assertEquals("Survey Trouble", value(link, "citedName"));
        String report = plain.files().get(FrameworkIris.REPORT_FILE);
        assertTrue(report.contains("| `1.5.8.1\\|Survey_Trouble\\|v24.0` | Survey Trouble | Survey Resource Trouble (24.0) | none |"), report);
    }

    @Test
    void aReleaseWithoutACatalogueStaysUnresolvedWithADerivedCandidate() {
        Resource link = components.getResource(C + "/process/3");
        assertEquals(term("NoCatalogueForRelease"), link.getPropertyResourceValue(prop("resolution")));
        assertFalse(link.hasProperty(prop("linkTo")), "the stated reference is kept without a target");
        assertTrue(link.getProperty(prop("statedBySource")).getBoolean());
        Resource candidate = components.getResource(C + "/process/3/in/23.0.1");
        assertEquals(term("EarliestCatalogueMatch"), candidate.getPropertyResourceValue(prop("derivation")));
        assertEquals(P + "23.0.1/process/1.4.5.1", candidate.getPropertyResourceValue(prop("linkTo")).getURI());
        assertFalse(candidate.getProperty(prop("statedBySource")).getBoolean());
        assertEquals(Set.of("23.0.1", "24.0", "26.0"), supported(components, "1.4.5.1"));

        Resource none = components.getResource(C + "/process/4");
        assertEquals(term("NoCatalogueForRelease"), none.getPropertyResourceValue(prop("resolution")));
        assertFalse(components.containsResource(components.getResource(C + "/process/4/in/23.0.1")), "no release has 1.4.5.9");
        Resource absent = components.getResource(C + "/process/5");
        assertEquals(term("NotInCitedRelease"), absent.getPropertyResourceValue(prop("resolution")));
        assertFalse(absent.hasProperty(prop("linkTo")));

        String report = plain.files().get(FrameworkIris.REPORT_FILE);
        for (String entry : List.of("1.4.5.1\\|Design_Solution\\|v21.5", "1.4.5.9\\|Made_Up_Process\\|v21.5", "1.5.9.9\\|Not_There\\|v24.0"))
            assertTrue(report.contains("`" + entry + "`"), entry + " is not reported");
        assertTrue(report.contains("no catalogue of release 21.5") && report.contains("not in release 24.0"), report);
    }

    @Test
    void aRenumberedProcessIsCarriedOnlyAlongTheCrosswalk() {
        String cited = "https://w3id.org/etom-kg/oda-component/TMFC902/process/1";
        assertEquals(Set.of("23.0.1", "24.0"), supportedBy(components, cited), "without a crosswalk 1.1.9 is not in 26.0");
        assertEquals(Set.of("23.0.1", "24.0", "26.0"), supportedBy(withCrosswalk, cited));
        assertEquals(P + "26.0/process/1.12.9", withCrosswalk.getResource(cited + "/in/26.0").getPropertyResourceValue(prop("linkTo")).getURI());
    }

    // ---- APIs, functions, SID ----------------------------------------------------------------

    @Test
    void apisCarryTheirMajorVersionsAndWhetherRequired() {
        Resource exposed = components.getResource(C + "/exposed-api/1");
        assertTrue(exposed.hasProperty(RDF.type, term("ApiExposure")));
        assertEquals("https://w3id.org/etom-kg/open-api/TMF642", exposed.getPropertyResourceValue(prop("linkTo")).getURI());
        assertEquals(Set.of(4, 5), exposed.listProperties(prop("apiMajorVersion")).mapWith(s -> s.getInt()).toSet());
        assertTrue(exposed.getProperty(prop("required")).getBoolean());
        Resource dependent = components.getResource(C + "/dependent-api/1");
        assertTrue(dependent.hasProperty(RDF.type, term("ApiDependency")));
        assertFalse(dependent.getProperty(prop("required")).getBoolean());
        assertTrue(components.getResource(C).hasProperty(prop("dependsOnApi"), components.getResource("https://w3id.org/etom-kg/open-api/TMF633")));

        Model apis = model(plain, FrameworkIris.OPEN_APIS_FILE);
        Resource tmf642 = apis.getResource("https://w3id.org/etom-kg/open-api/TMF642");
        assertEquals("Alarm Management API", tmf642.getProperty(RDFS.label).getString());
        assertEquals(Set.of("4.0.0", "5.0.0"), tmf642.listProperties(prop("publishedVersion")).mapWith(s -> s.getString()).toSet());
        // an API the index does not list still gets a node, named as the specification names it
        Resource unlisted = components.getResource("https://w3id.org/etom-kg/open-api/TMF999");
        assertTrue(unlisted.hasProperty(RDF.type, term("OpenApi")));
        assertEquals("Test API", unlisted.getProperty(RDFS.label).getString());
        assertTrue(plain.files().get(FrameworkIris.REPORT_FILE).contains("TMF999 (1 components)"));
    }

    @Test
    void functionsResolveByNumberInTheCitedRelease() {
        assertEquals(term("Resolved"), components.getResource(C + "/function/1").getPropertyResourceValue(prop("resolution")));
        assertEquals("https://w3id.org/etom-kg/functional-framework/25.0/function/1187",
            components.getResource(C + "/function/1").getPropertyResourceValue(prop("linkTo")).getURI());
        assertEquals(term("ResolvedNameDiffers"), components.getResource(C + "/function/2").getPropertyResourceValue(prop("resolution")));
        assertEquals("https://w3id.org/etom-kg/functional-framework/23.0/function/12",
            components.getResource(C + "/function/2").getPropertyResourceValue(prop("linkTo")).getURI(), "v23.0 names the export v23.0.0");
        assertEquals(term("NoCatalogueForRelease"), components.getResource(C + "/function/3").getPropertyResourceValue(prop("resolution")));

        Model ff = model(plain, FrameworkIris.functionsFile("25.0"));
        Resource f1187 = ff.getResource("https://w3id.org/etom-kg/functional-framework/25.0/function/1187");
        assertEquals(2, f1187.listProperties(prop("placement")).toList().size(), "one function, two placements");
        Resource seven = ff.getResource("https://w3id.org/etom-kg/functional-framework/25.0/function/7");
        assertEquals("Seven", seven.getProperty(RDFS.label).getString());
        assertEquals("Seven Again", seven.getProperty(SKOS.altLabel).getString());
        assertTrue(seven.hasProperty(prop("qualityFlag"), term("ConflictingNames")));
        String report = plain.files().get(FrameworkIris.REPORT_FILE);
        assertTrue(report.contains("| 25.0 | 4 | 2 | 2 | 7 | 1 |"), "rows, functions, placements, conflicting names, non-text values:\n" + report);
    }

    @Test
    void sidPathsResolveToTheEntityOrTheEnclosingOne() {
        Resource abe = components.getResource(C + "/sid/1").getPropertyResourceValue(prop("linkTo"));
        Model sid = model(plain, FrameworkIris.sidFile("25.0"));
        assertEquals("Resource Trouble ABE", sid.getResource(abe.getURI()).getProperty(RDFS.label).getString());
        assertTrue(sid.getResource(abe.getURI()).hasProperty(RDF.type, term("SidAbe")));
        assertFalse(abe.getURI().contains("Trouble"), "an IRI is never minted from a name");

        Resource be = components.getResource(C + "/sid/2").getPropertyResourceValue(prop("linkTo"));
        assertTrue(sid.getResource(be.getURI()).hasProperty(RDF.type, term("SidBe")));
        assertEquals("ResourceAlarm", sid.getResource(be.getURI()).getProperty(RDFS.label).getString());
        assertEquals(abe.getURI(), sid.getResource(be.getURI()).getPropertyResourceValue(SKOS.broader).getURI());

        Resource enclosing = components.getResource(C + "/sid/3");
        assertEquals(term("ResolvedToEnclosingEntity"), enclosing.getPropertyResourceValue(prop("resolution")));
        assertEquals(abe, enclosing.getPropertyResourceValue(prop("linkTo")));
        assertFalse(enclosing.getProperty(prop("statedBySource")).getBoolean());
        assertEquals(term("EnclosingSidEntity"), enclosing.getPropertyResourceValue(prop("derivation")));
        assertEquals("Missing_ABE", value(enclosing, "unresolvedPart"));

        Resource missing = components.getResource(C + "/sid/4");
        assertEquals(term("NotInCitedRelease"), missing.getPropertyResourceValue(prop("resolution")));
        assertFalse(missing.hasProperty(prop("linkTo")));
        assertTrue(plain.files().get(FrameworkIris.REPORT_FILE).contains("| 25.0 | 2 | 2 | 1 | 1 | 1 |"), "a member listed twice is kept once and counted");
    }

    // ---- the link table ----------------------------------------------------------------------

    @Test
    void theLinkTableLinksProcessesToSidEntities() {
        String row = "https://w3id.org/etom-kg/etom-sid-link/row/";
        Resource first = links.getResource(row + "1/1");
        assertEquals(term("ProducedAndConsumedByProcess"), first.getPropertyResourceValue(prop("informationDirection")));
        Resource process = links.getResource(P + "23.0.1/process/1.5.8");
        Resource abe = first.getPropertyResourceValue(prop("linkTo"));
        assertEquals(process, first.getPropertyResourceValue(prop("linkFrom")));
        assertTrue(process.hasProperty(prop("producesAbe"), abe) && process.hasProperty(prop("consumesAbe"), abe), "bidirectional: both");
        assertEquals(C, first.getPropertyResourceValue(prop("viaComponent")).getURI());
        assertTrue(links.getResource(P + "26.0/process/1.5.8").hasProperty(prop("producesAbe"), abe), "carried to 26.0");

        // a row with two eTOM references: one link node each
        assertEquals(P + "23.0.1/process/1.1.9", links.getResource(row + "2/1").getPropertyResourceValue(prop("linkFrom")).getURI());
        assertEquals(P + "24.0/process/1.5.8.1", links.getResource(row + "2/2").getPropertyResourceValue(prop("linkFrom")).getURI());
        assertFalse(links.getResource(P + "24.0/process/1.5.8.1").hasProperty(prop("consumesAbe")), "activity produces: produces only");
        assertTrue(withCrosswalkLinks.getResource(P + "26.0/process/1.12.9").hasProperty(prop("producesAbe"), abe));

        // NO MATCH on both sides: kept, with what the diagram names
        Resource unmatched = links.getResource(row + "3/1");
        assertEquals(term("NotMatchedInSource"), unmatched.getPropertyResourceValue(prop("resolution")));
        assertEquals(term("NotMatchedInSource"), unmatched.getPropertyResourceValue(prop("sidResolution")));
        assertEquals("Trouble Handling L2", value(unmatched, "citedName"));
        assertEquals("Alarm", value(unmatched, "citedSidEntity"));
        assertFalse(unmatched.hasProperty(prop("linkFrom")) || unmatched.hasProperty(prop("linkTo")));

        // the repeated header is not a link; the row after it links two SID entities
        assertFalse(links.listStatements(links.getResource(row + "4/1"), null, (RDFNode) null).hasNext());
        Resource sidToSid = links.getResource(row + "5/1");
        assertTrue(sidToSid.hasProperty(RDF.type, term("InformationEntityLink")));
        assertEquals(abe, sidToSid.getPropertyResourceValue(prop("linkTo")));
        String report = plain.files().get(FrameworkIris.REPORT_FILE);
        assertTrue(report.contains("a repeated header that starts a table of SID-to-SID links"), report);
        assertTrue(report.contains("Rows by kind: process to sid 3, section header 1, sid to sid 1."), report);
    }

    // ---- provenance, determinism --------------------------------------------------------------

    @Test
    void everyLinkSaysWhereItComesFromAndWhetherItIsStated() {
        for (FrameworksContent content : List.of(plain, crosswalked)) {
            for (var g : content.graphs()) {
                Model m = ModelFactory.createModelForGraph(g.graph());
                Set<Resource> linkNodes = new TreeSet<>((a, b) -> a.getURI().compareTo(b.getURI()));
                m.listSubjectsWithProperty(prop("statedBySource")).forEach(linkNodes::add);
                for (String kind : List.of("ProcessSupport", "ApiExposure", "ApiDependency", "FunctionImplementation", "SidEntityUse",
                    "ProcessInformationLink", "InformationEntityLink"))
                    m.listSubjectsWithProperty(RDF.type, term(kind)).forEach(r -> assertTrue(linkNodes.contains(r), r + " has no etom:statedBySource"));
                for (Resource link : linkNodes) {
                    boolean stated = link.getProperty(prop("statedBySource")).getBoolean();
                    List<Resource> from = link.listProperties(m.createProperty(PROV)).mapWith(s -> s.getResource()).toList();
                    assertTrue(from.stream().anyMatch(s -> m.contains(s, RDF.type, term("SourceFile"))), link + " names no source file");
                    assertEquals(!stated, link.hasProperty(prop("derivation")), link + ": a derived link, and only a derived one, names its rule");
                    assertTrue(link.hasProperty(RDFS.label), link + " has no label");
                }
            }
        }
    }

    @Test
    void theSameSourcesGiveTheSameBytes() {
        FrameworksContent again = new FrameworksImport(tmp.resolve("plain")).read(sources);
        assertEquals(plain.files(), again.files());
        assertNotEquals(plain.files().get(FrameworkIris.COMPONENTS_FILE), crosswalked.files().get(FrameworkIris.COMPONENTS_FILE));
        assertTrue(plain.files().keySet().containsAll(List.of(FrameworkIris.ENTRY_FILE, FrameworkIris.CATALOG_FILE, FrameworkIris.REPORT_FILE,
            FrameworkIris.OPEN_APIS_FILE, FrameworkIris.COMPONENTS_FILE, FrameworkIris.ABE_LINKS_FILE, "sid-25.0.ttl",
            "functional-framework-23.0.ttl", "functional-framework-25.0.ttl")), plain.files().keySet().toString());
        for (var e : plain.files().entrySet())
            if (e.getKey().endsWith(".ttl")) assertEquals(1, ontologies(parse(e.getValue())), e.getKey() + ": one owl:Ontology");
    }

    @Test
    void theCommandWritesTheFilesAndKeepsTheVocabulary() throws IOException {
        Path ontology = tmp.resolve("plain");
        Path out = tmp.resolve("command-out");
        FrameworkFixture.write(out.resolve("etom-frameworks-vocabulary.ttl"), "# kept\n");
        int code = new CommandLine(new FrameworksImportCommand()).execute(sources.toString(), "--ontology", ontology.toString(), "--out", out.toString());
        assertEquals(0, code);
        for (var e : plain.files().entrySet()) assertEquals(e.getValue(), Files.readString(out.resolve(e.getKey())), e.getKey());
        assertEquals("# kept\n", Files.readString(out.resolve("etom-frameworks-vocabulary.ttl")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(plain.files().size() + 1, s.count(), "no temporary files left behind");
        }
    }

    // ---- malformed sources ----------------------------------------------------------------

    static Stream<Arguments> malformed() {
        String yaml = "oda-components/TMFC901-TroubleHandling.yaml";
        return Stream.of(
            Arguments.of(yaml, (UnaryOperator<String>) s -> s.replace("functionalBlock: Production", "functionalBlock: [Production"),
                yaml + ": line "),
            Arguments.of(yaml, (UnaryOperator<String>) s -> s.replace("- 1.5.8|Resource_Trouble_Handling|v23.0", "- 1.5.8|Resource_Trouble_Handling"),
                yaml + ": line 36: $.spec.componentMetadata.eTOMs[0]: '1.5.8|Resource_Trouble_Handling' is not of the form identifier|Name|vRELEASE"),
            Arguments.of(yaml, (UnaryOperator<String>) s -> s.replace("- 1.5.8.1|Survey_Trouble|v24.0", "- 1.5.x|Survey_Trouble|v24.0"),
                yaml + ": line 37: $.spec.componentMetadata.eTOMs[1]: '1.5.x' is not an eTOM process identifier"),
            Arguments.of(yaml, (UnaryOperator<String>) s -> s.replace("    id: TMFC901\n", ""),
                yaml + ": line 28: $.spec.componentMetadata.id: missing"),
            Arguments.of(yaml, (UnaryOperator<String>) s -> s.replace("required: true", "required: maybe"),
                yaml + ": line 10: $.spec.coreFunction.exposedAPIs[0].required: expected true or false, found 'maybe'"),
            Arguments.of("oda-components/etom-l2-sid-abe-links.csv", (UnaryOperator<String>) s -> s.replace(",**NO MATCH**,**NO MATCH**", ",**NO MATCH**"),
                "oda-components/etom-l2-sid-abe-links.csv: line 5: expected 6 columns, found 5"),
            Arguments.of("oda-components/etom-l2-sid-abe-links.csv", (UnaryOperator<String>) s -> s.replace("activity consumes", "activity eats"),
                "oda-components/etom-l2-sid-abe-links.csv: line 5: direction 'activity eats' is not one of"),
            Arguments.of("oda-components/open-api-index.json", (UnaryOperator<String>) s -> s.replace("\"TMF633_v4.0.0\"", "\"TMF633\""),
                "oda-components/open-api-index.json: line 4: $.TMF633: 'TMF633' is not an API and version"),
            Arguments.of("sid/sid_v25.0.json", (UnaryOperator<String>) s -> s.replace("\"Party ABE\"]", "\"Party ABE\""),
                "sid/sid_v25.0.json: line 4, column"),
            Arguments.of("sid/sid_v25.0.json", (UnaryOperator<String>) s -> s.replace("\"kind\": \"BE\", \"name\": \"ResourceAlarm\"}]", "\"kind\": \"XE\", \"name\": \"ResourceAlarm\"}]"),
                "sid/sid_v25.0.json: line 7: $.besByDomainAbe.Resource Domain||Resource Trouble ABE[2].kind: expected ABE or BE, found 'XE'"),
            Arguments.of("functional-framework/functionalFramework_v25.0.json", (UnaryOperator<String>) s -> s.replace("{\"id\": \"7\", \"name\": \"Seven\",", "{\"id\": \"seven\", \"name\": \"Seven\","),
                "functional-framework/functionalFramework_v25.0.json: line 4: $.entries[2].id: 'seven' is not a function number"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformed")
    void aMalformedSourceIsReportedWithFileLineAndPathAndWritesNothing(String file, UnaryOperator<String> breakIt, String expected) throws IOException {
        Path src = FrameworkFixture.sources(tmp.resolve("broken-" + Integer.toHexString(expected.hashCode())));
        Path f = src.resolve(file);
        Files.writeString(f, breakIt.apply(Files.readString(f)));
        assertNotEquals(Files.readString(FrameworkFixture.sources(tmp.resolve("unbroken")).resolve(file)), Files.readString(f), "the fixture changed");
        Path out = tmp.resolve("out-" + Integer.toHexString(expected.hashCode()));
        FrameworkFixture.write(out.resolve("oda-components.ttl"), "# an earlier import\n");
        SourceException e = assertThrows(SourceException.class, () -> new FrameworksImport(tmp.resolve("plain")).read(src));
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "...', got: " + e.getMessage());

        int code = new CommandLine(new FrameworksImportCommand()).setErr(new PrintWriter(new StringWriter()))
            .execute(src.toString(), "--ontology", tmp.resolve("plain").toString(), "--out", out.toString());
        assertNotEquals(0, code);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(out.resolve("oda-components.ttl")), s.toList(), "nothing written");
        }
        assertEquals("# an earlier import\n", Files.readString(out.resolve("oda-components.ttl")));
    }

    // ---- helpers ---------------------------------------------------------------------------

    static Model model(FrameworksContent content, String file) {
        return ModelFactory.createModelForGraph(parse(content.files().get(file)));
    }

    static Graph parse(String turtle) {
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(g);
        return g;
    }

    /** The releases in which some component supports a process with this identifier. */
    static Set<String> supported(Model m, String id) {
        return m.listStatements(null, prop("supportsProcess"), (RDFNode) null).toList().stream()
            .map(s -> s.getResource().getURI()).filter(iri -> iri.endsWith("/process/" + id))
            .map(iri -> iri.substring(P.length(), iri.indexOf("/process/"))).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The releases a stated link and the links derived from it point into. */
    static Set<String> supportedBy(Model m, String link) {
        Set<String> out = new TreeSet<>();
        Resource stated = m.getResource(link);
        if (stated.hasProperty(prop("linkTo"))) out.add(release(stated.getPropertyResourceValue(prop("linkTo")).getURI()));
        m.listSubjectsWithProperty(m.createProperty(PROV), stated).forEach(d -> out.add(release(d.getPropertyResourceValue(prop("linkTo")).getURI())));
        return out;
    }

    static String release(String processIri) { return processIri.substring(P.length(), processIri.indexOf("/process/")); }

    static String value(Resource r, String etomProperty) { return r.getProperty(prop(etomProperty)).getString(); }

    static org.apache.jena.rdf.model.Property prop(String local) { return ModelFactory.createDefaultModel().createProperty(ETOM.NS + local); }

    static Resource term(String local) { return ModelFactory.createDefaultModel().createResource(ETOM.NS + local); }

    static int ontologies(Graph g) {
        return g.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI("http://www.w3.org/2002/07/owl#Ontology")).toList().size();
    }
}
