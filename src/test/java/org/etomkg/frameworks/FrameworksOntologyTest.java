package org.etomkg.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.etomkg.frameworks.rdf.FrameworkIris;
import org.etomkg.store.OntologyFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.EntityType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLAnnotationAssertionAxiom;
import org.semanticweb.owlapi.model.OWLEntity;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.semanticweb.owlapi.vocab.OWLRDFVocabulary;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generated files open as Protégé opens them: the entry ontology written from the test's
 * small sources, with its generated catalog as the only way to find an import, is OWL 2 DL,
 * consistent under HermiT, without punning, every term labelled and nothing left unparsed. The
 * shipped folder is checked the cheap way: every file parses strictly with one ontology header,
 * and the shipped catalog maps every import of every shipped file to a file that exists.
 */
class FrameworksOntologyTest {
    static final Path SHIPPED = Path.of("ontology", "frameworks").toAbsolutePath();
    static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    @TempDir static Path tmp;
    static OWLOntology closure;
    static final Set<IRI> unmapped = new TreeSet<>();

    @BeforeAll
    static void openTheGeneratedEntryAsProtegeWould() throws Exception {
        Path ontology = FrameworkFixture.ontology(tmp.resolve("ontology"), false);
        FrameworksImport importer = new FrameworksImport(ontology);
        Path out = FrameworksImport.defaultOutput(ontology);
        importer.write(importer.read(FrameworkFixture.sources(tmp.resolve("src"))), out);
        closure = load(out.resolve(FrameworkIris.ENTRY_FILE), catalog(out.resolve(FrameworkIris.CATALOG_FILE)));
    }

    @Test
    void everyImportResolvesThroughTheGeneratedCatalog() {
        assertTrue(unmapped.isEmpty(), "imports the catalog does not map: " + unmapped);
        Set<String> loaded = closure.importsClosure().map(o -> o.getOntologyID().getOntologyIRI().orElseThrow().toString())
            .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(loaded.containsAll(List.of(FrameworkIris.VOCABULARY_GRAPH, FrameworkIris.COMPONENTS_GRAPH, FrameworkIris.ABE_LINKS_GRAPH,
            FrameworkIris.OPEN_APIS_GRAPH, FrameworkIris.sidGraph("25.0"), FrameworkIris.functionsGraph("23.0"),
            "https://w3id.org/etom-kg/ontology", "https://w3id.org/etom-kg/graph/release/26.0")), loaded.toString());
    }

    @Test
    void theClosureIsOwl2DlWithoutPunningAndConsistent() {
        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(closure).getViolations();
        assertTrue(violations.isEmpty(), violations.size() + " OWL 2 DL violations:\n"
            + violations.stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));
        assertEquals(List.of(), punned(closure));
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(closure);
        try {
            assertTrue(reasoner.isConsistent(), "HermiT finds the generated closure inconsistent");
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void everyTermIsLabelledAndNothingIsLeftUnparsed() {
        assertEquals(List.of(), unlabelled(closure));
        List<String> problems = new ArrayList<>();
        closure.importsClosure().forEach(o -> o.getOWLOntologyManager().getOntologyFormat(o).getOntologyLoaderMetaData().ifPresent(meta -> {
            meta.getUnparsedTriples().limit(20).forEach(t -> problems.add(o.getOntologyID() + ": unparsed " + t));
            meta.getGuessedDeclarations().asMap().forEach((iri, kinds) -> problems.add(o.getOntologyID() + ": undeclared " + iri));
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void theVocabularyAgreesWithTheOtherVocabulariesOfTheOntologyFolder() throws Exception {
        // Every hand-written vocabulary beside the meta-model (this one, the crosswalk's, ...) may end up in one
        // closure: together they must stay OWL 2 DL, with no IRI declared as two kinds of term.
        List<Path> vocabularies;
        try (Stream<Path> s = Files.walk(FrameworkFixture.REAL_ONTOLOGY)) {
            vocabularies = s.filter(p -> p.getFileName().toString().endsWith("-vocabulary.ttl")).sorted().toList();
        }
        assertTrue(vocabularies.contains(SHIPPED.resolve(FrameworkIris.VOCABULARY_FILE)), vocabularies.toString());
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        m.getIRIMappers().clear();
        IRI meta = IRI.create(FrameworkFixture.REAL_ONTOLOGY.resolve("etom-meta.ttl").toUri());
        m.getIRIMappers().add(iri -> iri.toString().equals("https://w3id.org/etom-kg/ontology") ? meta : null);
        OWLOntology merged = m.createOntology(IRI.create("urn:etom-kg-test:vocabularies"));
        for (Path v : vocabularies) {
            OWLOntology o = m.loadOntologyFromOntologyDocument(new FileDocumentSource(v.toFile()));
            o.importsClosure().forEach(x -> m.addAxioms(merged, x.axioms()));
        }
        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(merged).getViolations();
        assertTrue(violations.isEmpty(), violations.stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));
        assertEquals(List.of(), punned(merged));
        assertEquals(List.of(), unlabelled(merged));
    }

    @Test
    void theShippedFilesParseAndTheirCatalogMapsEveryImport() throws Exception {
        Map<IRI, Path> catalog = catalog(SHIPPED.resolve(FrameworkIris.CATALOG_FILE));
        catalog.forEach((iri, file) -> assertTrue(Files.isRegularFile(file), iri + " -> " + file + " does not exist"));
        List<Path> files;
        try (Stream<Path> s = Files.list(SHIPPED)) {
            files = s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        }
        Set<IRI> declared = new TreeSet<>();
        Set<IRI> imported = new TreeSet<>();
        for (Path f : files) {
            Graph g = OntologyFiles.parse(f);   // strict: any warning fails with file, line and column
            List<Node> ontologies = g.find(Node.ANY, RDF.type.asNode(), OWL.Ontology.asNode()).mapWith(t -> t.getSubject()).toList();
            assertEquals(1, ontologies.size(), f + ": one owl:Ontology");
            IRI iri = IRI.create(ontologies.get(0).getURI());
            assertTrue(iri.toString().startsWith("https://w3id.org/etom-kg/graph/frameworks"), f + ": " + iri);
            assertEquals(f.toRealPath(), catalog.get(iri) == null ? null : catalog.get(iri).toRealPath(), f + " is not what the catalog maps " + iri + " to");
            declared.add(iri);
            g.find(Node.ANY, OWL.imports.asNode(), Node.ANY).forEach(t -> imported.add(IRI.create(t.getObject().getURI())));
        }
        Set<IRI> missing = new TreeSet<>(imported);
        missing.removeAll(catalog.keySet());
        assertEquals(Set.of(), missing, "imports the shipped catalog does not map");
        assertTrue(Files.isRegularFile(SHIPPED.resolve(FrameworkIris.REPORT_FILE)));
        assertTrue(declared.contains(IRI.create(FrameworkIris.ENTRY_GRAPH)));
    }

    // ---- helpers ---------------------------------------------------------------------------

    static OWLOntology load(Path entry, Map<IRI, Path> catalog) throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        m.getIRIMappers().clear();
        Path nowhere = tmp.resolve("not-mapped-by-the-catalog");
        m.getIRIMappers().add(iri -> {
            Path f = catalog.get(iri);
            if (f != null) return IRI.create(f.toUri());
            unmapped.add(iri);
            return IRI.create(nowhere.toUri());
        });
        OWLOntologyLoaderConfiguration config = m.getOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION).setFollowRedirects(false);
        return m.loadOntologyFromOntologyDocument(new FileDocumentSource(entry.toFile()), config);
    }

    static Map<IRI, Path> catalog(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList uris = f.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS(CATALOG_NS, "uri");
        Map<IRI, Path> out = new LinkedHashMap<>();
        for (int i = 0; i < uris.getLength(); i++) {
            Element e = (Element) uris.item(i);
            out.put(IRI.create(e.getAttribute("name")), file.toAbsolutePath().getParent().resolve(e.getAttribute("uri")).normalize());
        }
        return out;
    }

    static List<String> punned(OWLOntology o) {
        Map<IRI, Set<EntityType<?>>> kinds = new TreeMap<>();
        o.signature(Imports.INCLUDED).forEach(e -> kinds.computeIfAbsent(e.getIRI(), i -> new HashSet<>()).add(e.getEntityType()));
        return kinds.entrySet().stream().filter(e -> e.getValue().size() > 1).map(e -> e.getKey() + " is " + e.getValue()).toList();
    }

    static List<String> unlabelled(OWLOntology o) {
        IRI label = OWLRDFVocabulary.RDFS_LABEL.getIRI();
        Set<IRI> labelled = o.axioms(AxiomType.ANNOTATION_ASSERTION, Imports.INCLUDED).filter(ax -> ax.getProperty().getIRI().equals(label))
            .map(OWLAnnotationAssertionAxiom::getSubject).filter(IRI.class::isInstance).map(IRI.class::cast).collect(Collectors.toSet());
        Set<EntityType<?>> checked = Set.of(EntityType.CLASS, EntityType.OBJECT_PROPERTY, EntityType.DATA_PROPERTY,
            EntityType.ANNOTATION_PROPERTY, EntityType.NAMED_INDIVIDUAL);
        return o.signature(Imports.INCLUDED).filter(e -> checked.contains(e.getEntityType())).filter(e -> !builtIn(e))
            .filter(e -> !labelled.contains(e.getIRI())).map(e -> e.getEntityType().getPrintName() + " " + e.getIRI()).sorted().toList();
    }

    static boolean builtIn(OWLEntity e) {
        String iri = e.getIRI().toString();
        return e.isBuiltIn() || iri.startsWith("http://www.w3.org/2002/07/owl#") || iri.startsWith("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            || iri.startsWith("http://www.w3.org/2000/01/rdf-schema#") || iri.startsWith("http://www.w3.org/2001/XMLSchema#");
    }
}
