package org.etomkg.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.etomkg.cli.EtomKg;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportEvent;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code new-extension}: the folder it writes opens in the OWL API, as Protégé opens it, through
 * the folder's own catalog and nothing else, with the meta-model's vocabulary declared; the
 * extension validates with no finding; and the command refuses what it cannot start.
 */
class ExtensionScaffoldTest {
    static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();
    static final String NS = "https://acme.example/etom/";
    static final String ETOM = "https://w3id.org/etom-kg/ontology#";

    @TempDir static Path tmp;
    static Path folder;
    static Path extension;
    static OWLOntology ontology;
    static OWLOntologyManager manager;
    static final Set<IRI> notInCatalog = new TreeSet<>();
    static final List<MissingImportEvent> missingImports = new ArrayList<>();

    @BeforeAll
    static void scaffoldAndOpenAsProtegeWould() throws Exception {
        // Outside the checkout, as a CSP's own folder would be.
        folder = tmp.resolve("acme");
        List<Path> written = new ExtensionScaffold(ONTOLOGY).write(folder,
            new ExtensionScaffold.Request("26.0", "Acme process model", NS, Optional.of("Acme Telecom")));
        extension = written.get(0);
        assertEquals(folder.resolve("extension.ttl"), extension);

        manager = protegeLike(readCatalog(folder.resolve("catalog-v001.xml")));
        ontology = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(extension.toFile()), manager.getOntologyLoaderConfiguration());
    }

    /** An OWL API manager that, as Protégé, resolves imports through the catalog only, recording any other IRI. */
    private static OWLOntologyManager protegeLike(Map<IRI, IRI> catalog) {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        manager.getIRIMappers().clear();
        manager.getIRIMappers().add(iri -> {
            IRI file = catalog.get(iri);
            if (file != null) return file;
            notInCatalog.add(iri);
            return IRI.create(tmp.resolve("not-mapped-by-the-catalog").toUri());
        });
        manager.addMissingImportListener(missingImports::add);
        OWLOntologyLoaderConfiguration config = manager.getOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION).setFollowRedirects(false);
        manager.setOntologyLoaderConfiguration(config);
        return manager;
    }

    @Test
    void theExampleExtensionAsAnOntologyUsesOnlyDeclaredVocabulary(@TempDir Path dir) throws Exception {
        // Nordlicht's example, given the header new-extension writes: every term it uses is declared by its imports.
        Path acme = dir.resolve("nordlicht");
        Path file = new ExtensionScaffold(ONTOLOGY).write(acme, new ExtensionScaffold.Request("25.5", "Nordlicht", "https://nordlicht-telecom.example/etom/",
            Optional.empty())).get(0);
        Files.writeString(file, Files.readString(Path.of("examples", "nordlicht-telecom.ttl")) + """
            nl:extension a owl:Ontology ; owl:imports <https://w3id.org/etom-kg/ontology> , <https://w3id.org/etom-kg/graph/release/25.5> .
            """);
        OWLOntologyManager m = protegeLike(readCatalog(acme.resolve("catalog-v001.xml")));
        OWLOntology o = m.loadOntologyFromOntologyDocument(new FileDocumentSource(file.toFile()), m.getOntologyLoaderConfiguration());
        OWLOntologyLoaderMetaData meta = m.getOntologyFormat(o).getOntologyLoaderMetaData().orElseThrow();
        assertEquals(0, meta.getUnparsedTriples().count(), "unparsed: " + meta.getUnparsedTriples().limit(20).toList());
        assertTrue(meta.getGuessedDeclarations().isEmpty(), "guessed declarations: " + meta.getGuessedDeclarations());
        // Not checked here: OWL 2 DL. The example's periods are xsd:gYearMonth, which is outside the OWL 2
        // datatype map, so the OWL API's DL profile reports each such value (an open question for the meta-model).
        ExtensionReport report = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(ONTOLOGY))
            .validate(ExtensionFiles.read(List.of(file)), Optional.empty());
        assertTrue(report.findings().isEmpty(), ReportFormat.text.format(report));
    }

    @Test
    void theImportsResolveOfflineThroughTheFoldersOwnCatalog() {
        assertTrue(notInCatalog.isEmpty(), "IRIs the catalog does not map: " + notInCatalog);
        assertTrue(missingImports.isEmpty(), "missing imports: " + missingImports);
        assertEquals(IRI.create(NS + "extension"), ontology.getOntologyID().getOntologyIRI().orElseThrow(), "the header IRI is the ontology IRI");
        Set<String> closure = ontology.importsClosure().map(o -> o.getOntologyID().getOntologyIRI().orElseThrow().toString())
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(NS + "extension", "https://w3id.org/etom-kg/ontology", "https://w3id.org/etom-kg/graph/release/26.0"), closure);
    }

    @Test
    void theVocabularyIsDeclaredAndEtomParentIsAnObjectProperty() {
        IRI parent = IRI.create(ETOM + "parent");
        assertTrue(ontology.containsObjectPropertyInSignature(parent, Imports.INCLUDED), "etom:parent is an object property");
        assertFalse(ontology.containsAnnotationPropertyInSignature(parent, Imports.INCLUDED), "etom:parent is no annotation property");
        assertTrue(ontology.containsObjectPropertyInSignature(IRI.create(ETOM + "extendsRelease"), Imports.INCLUDED));
        assertTrue(ontology.containsDataPropertyInSignature(IRI.create(ETOM + "namespace"), Imports.INCLUDED));
        for (String c : List.of("Extension", "ExtensionProcess", "Assignment", "Kpi", "Measurement", "EndToEndFlow", "FlowStep",
                "Application", "InformationEntity", "NotApplicable"))
            assertTrue(ontology.containsClassInSignature(IRI.create(ETOM + c), Imports.INCLUDED), "etom:" + c + " is a class");
        assertTrue(ontology.containsIndividualInSignature(IRI.create(NS + "extension")), "the header is also an individual of etom:Extension");

        OWLOntologyLoaderMetaData meta = manager.getOntologyFormat(ontology).getOntologyLoaderMetaData().orElseThrow();
        assertEquals(0, meta.getUnparsedTriples().count(), "unparsed: " + meta.getUnparsedTriples().toList());
        assertTrue(meta.getGuessedDeclarations().isEmpty(), "guessed declarations: " + meta.getGuessedDeclarations());
    }

    @Test
    void theClosureIsOwl2Dl() {
        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(ontology).getViolations();
        assertTrue(violations.isEmpty(), violations.stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void aProcessAddedAndSavedAsProtegeDoesValidates(@TempDir Path dir) throws Exception {
        // What an architect does in Protégé: one individual of etom:ExtensionProcess under 1.3.3.10, then save.
        OWLOntologyManager m = protegeLike(readCatalog(folder.resolve("catalog-v001.xml")));
        OWLOntology o = m.loadOntologyFromOntologyDocument(new FileDocumentSource(extension.toFile()), m.getOntologyLoaderConfiguration());
        OWLDataFactory f = m.getOWLDataFactory();
        OWLNamedIndividual p = f.getOWLNamedIndividual(IRI.create(NS + "2.3.3.10.1"));
        o.addAxioms(f.getOWLDeclarationAxiom(p),
            f.getOWLClassAssertionAxiom(f.getOWLClass(IRI.create(ETOM + "ExtensionProcess")), p),
            f.getOWLObjectPropertyAssertionAxiom(f.getOWLObjectProperty(IRI.create(ETOM + "parent")), p,
                f.getOWLNamedIndividual(IRI.create("https://w3id.org/etom-kg/release/26.0/process/1.3.3.10"))),
            f.getOWLObjectPropertyAssertionAxiom(f.getOWLObjectProperty(IRI.create("http://www.w3.org/2004/02/skos/core#inScheme")), p,
                f.getOWLNamedIndividual(IRI.create(NS + "extension"))),
            f.getOWLDataPropertyAssertionAxiom(f.getOWLDataProperty(IRI.create("http://www.w3.org/2004/02/skos/core#notation")), p, "2.3.3.10.1"),
            f.getOWLDataPropertyAssertionAxiom(f.getOWLDataProperty(IRI.create(ETOM + "level")), p, 4),
            f.getOWLAnnotationAssertionAxiom(f.getRDFSLabel(), p.getIRI(), f.getOWLLiteral("Capture Web Shop Order", "en")),
            f.getOWLAnnotationAssertionAxiom(f.getOWLAnnotationProperty(IRI.create("http://www.w3.org/2004/02/skos/core#definition")),
                p.getIRI(), f.getOWLLiteral("Takes an order placed in the web shop into order handling.", "en")));
        for (var format : List.of(new TurtleDocumentFormat(), new RDFXMLDocumentFormat())) {
            Path saved = dir.resolve(format instanceof TurtleDocumentFormat ? "saved.ttl" : "saved.owl");
            m.saveOntology(o, format, IRI.create(saved.toUri()));
            ExtensionReport report = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(ONTOLOGY))
                .validate(ExtensionFiles.read(List.of(saved)), Optional.empty());
            assertTrue(report.findings().isEmpty(), saved.getFileName() + ":\n" + ReportFormat.text.format(report));
        }
    }

    @Test
    void theScaffoldValidatesWithNoFinding() {
        ExtensionReport report = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(ONTOLOGY))
            .validate(ExtensionFiles.read(List.of(extension)), Optional.empty());
        assertEquals("26.0", report.release());
        assertTrue(report.findings().isEmpty(), ReportFormat.text.format(report));
    }

    @Test
    void importingAnotherReleaseIsAFindingThatNamesTheRightImport(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.ttl");
        Files.writeString(other, Files.readString(extension).replace("<https://w3id.org/etom-kg/graph/release/26.0>",
            "<https://w3id.org/etom-kg/graph/release/25.5>"));
        ExtensionReport report = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(ONTOLOGY))
            .validate(ExtensionFiles.read(List.of(other)), Optional.empty());
        assertEquals(1, report.findings().size(), ReportFormat.text.format(report));
        String text = ReportFormat.text.format(report);
        assertTrue(text.contains("owl:imports <https://w3id.org/etom-kg/graph/release/25.5>"), text);
        assertTrue(text.contains("the release you extend, <https://w3id.org/etom-kg/graph/release/26.0>"), text);
    }

    @Test
    void theCommandRefusesWhatItCannotStart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertRefused("already holds files", dir.toString(), "--release", "26.0", "--name", "A", "--namespace", NS);
        assertEquals(List.of(dir.resolve("notes.txt")), Files.list(dir).toList(), "nothing written");
        Path fresh = dir.resolve("fresh");
        assertRefused("unknown release '9.9'", fresh.toString(), "--release", "9.9", "--name", "A", "--namespace", NS);
        assertRefused("does not end in / or #", fresh.toString(), "--release", "26.0", "--name", "A", "--namespace", "https://acme.example/etom");
        assertRefused("is not an absolute IRI", fresh.toString(), "--release", "26.0", "--name", "A", "--namespace", "etom/");
        assertRefused("etom-kg's own namespace", fresh.toString(), "--release", "26.0", "--name", "A", "--namespace", "https://w3id.org/etom-kg/acme/");
        assertFalse(Files.exists(fresh), "a refused request writes nothing");
        assertThrows(ExtensionInputException.class, () -> new ExtensionScaffold(ONTOLOGY)
            .write(fresh, new ExtensionScaffold.Request("26.0", " ", NS, Optional.empty())));

        StringWriter err = new StringWriter();
        var cl = EtomKg.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute("new-extension", fresh.toString(), "--ontology", ONTOLOGY.toString(), "--release", "26",
            "--name", "A", "--namespace", "https://acme.example/etom#"), err.toString());
        assertTrue(Files.readString(fresh.resolve("extension.ttl")).contains("<https://w3id.org/etom-kg/graph/release/26.0>"));
    }

    private static void assertRefused(String expected, String... args) {
        StringWriter err = new StringWriter();
        var cl = EtomKg.commandLine();
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("new-extension", "--ontology", ONTOLOGY.toString()));
        all.addAll(List.of(args));
        assertEquals(2, cl.execute(all.toArray(String[]::new)), err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
    }

    /** The catalog's entries; each must be an absolute file: URI to a file of this checkout. */
    private static Map<IRI, IRI> readCatalog(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList uris = factory.newDocumentBuilder().parse(file.toFile())
            .getElementsByTagNameNS("urn:oasis:names:tc:entity:xmlns:xml:catalog", "uri");
        Map<IRI, IRI> entries = new LinkedHashMap<>();
        for (int i = 0; i < uris.getLength(); i++) {
            Element uri = (Element) uris.item(i);
            URI target = URI.create(uri.getAttribute("uri"));
            assertEquals("file", target.getScheme(), "an absolute file: URI: " + target);
            assertTrue(Files.isRegularFile(Path.of(target)), "the catalog names a file that exists: " + target);
            assertTrue(Path.of(target).startsWith(ONTOLOGY), "the catalog points into this checkout's ontology/: " + target);
            entries.put(IRI.create(uri.getAttribute("name")), IRI.create(target));
        }
        return entries;
    }
}
