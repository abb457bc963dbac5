package org.etomkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.formats.RioTurtleDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.RDFOntologyHeaderStatus;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.EntityType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportEvent;
import org.semanticweb.owlapi.model.OWLAnnotationAssertionAxiom;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLEntity;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.semanticweb.owlapi.vocab.OWLRDFVocabulary;

/**
 * Opens {@code ontology/etom.ttl} the way Protégé does (OWL API, imports resolved through
 * {@code catalog-v001.xml} and nothing else) and checks what an ontology engineer would
 * otherwise find by hand: every import resolves offline, the import closure is OWL 2 DL,
 * HermiT finds it consistent, every term has a label, the parser left nothing behind and
 * no IRI is punned.
 */
class ProtegeReadinessTest {
    private static final Path ONTOLOGY_DIR = OfflineCatalog.ONTOLOGY_DIR;
    private static final Path ENTRY = ONTOLOGY_DIR.resolve("etom.ttl");
    private static final IRI ENTRY_IRI = IRI.create("https://w3id.org/etom-kg/etom");
    /** The entry ontology imports every Turtle file of the ontology folder but the per-release entries. */
    private static final long EXPECTED_CLOSURE_SIZE = ttlFiles();
    private static final IRI DISPLAY_LABEL = IRI.create("https://w3id.org/etom-kg/ontology#displayLabel");
    private static final int SHOWN = 20;

    private static long ttlFiles() {
        try (var walk = Files.walk(ONTOLOGY_DIR)) {
            return walk.filter(p -> p.toString().endsWith(".ttl")).filter(p -> !ReleaseEntries.isEntryFile(p)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<IRI, Path> catalog;
    private static Set<IRI> notInCatalog;
    private static final List<MissingImportEvent> missingImports = new ArrayList<>();
    private static OWLOntologyManager manager;
    private static OWLOntology ontology;

    @BeforeAll
    static void openAsProtegeWould() throws Exception {
        // Only the catalog may say where an import lives: OfflineCatalog drops the mappers OWL API registers by default.
        OfflineCatalog offline = OfflineCatalog.read();
        catalog = offline.entries;
        notInCatalog = offline.notInCatalog;
        manager = offline.manager();
        manager.addMissingImportListener(missingImports::add);
        OWLOntologyLoaderConfiguration config = manager.getOntologyLoaderConfiguration();
        ontology = timed("load etom.ttl and its imports", () -> load(config));
    }

    @Test
    void everyImportResolvesThroughTheCatalog() {
        assertTrue(notInCatalog.isEmpty(), "IRIs the catalog does not map (would go to the network): " + notInCatalog);
        assertTrue(missingImports.isEmpty(), "missing imports: " + missingImports.stream()
            .map(e -> e.getImportedOntologyURI() + " (" + e.getCreationException().getMessage() + ")").toList());

        List<String> absentFiles = catalog.entrySet().stream().filter(e -> !Files.isRegularFile(e.getValue()))
            .map(e -> e.getKey() + " -> " + e.getValue()).toList();
        assertTrue(absentFiles.isEmpty(), "catalog entries whose file is absent: " + absentFiles);

        Set<IRI> loaded = ontology.importsClosure().map(o -> o.getOntologyID().getOntologyIRI().orElseThrow())
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(EXPECTED_CLOSURE_SIZE, loaded.size(), "import closure: " + loaded);
        Set<IRI> catalogued = new TreeSet<>(catalog.keySet());
        ReleaseEntries.all().forEach(e -> catalogued.remove(e.iri()));   // opened on their own, see ReleaseEntryOntologyTest
        assertEquals(catalogued, loaded, "the import closure is exactly what the catalog lists, but the per-release entries");
        assertEquals(ENTRY_IRI, ontology.getOntologyID().getOntologyIRI().orElseThrow());
    }

    @Test
    void importClosureIsOwl2Dl() {
        OWLProfileReport report = timed("OWL 2 DL profile check", () -> new OWL2DLProfile().checkOntology(ontology));
        List<OWLProfileViolation> violations = report.getViolations();
        assertTrue(violations.isEmpty(), violations.size() + " OWL 2 DL violations, first " + SHOWN + ":\n"
            + violations.stream().limit(SHOWN).map(OWLProfileViolation::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void hermitFindsTheWholeClosureConsistent() {
        // The whole closure (about 20,000 individuals) is checked, not a sample: HermiT
        // takes a few seconds over it, printed below.
        OWLReasoner reasoner = timed("HermiT: load closure", () -> new ReasonerFactory().createReasoner(ontology));
        try {
            boolean consistent = timed("HermiT: isConsistent", reasoner::isConsistent);
            assertTrue(consistent, "HermiT finds the import closure of etom.ttl inconsistent");
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void everyTermHasALabel() {
        IRI label = OWLRDFVocabulary.RDFS_LABEL.getIRI();
        Set<IRI> labelled = ontology.axioms(AxiomType.ANNOTATION_ASSERTION, Imports.INCLUDED)
            .filter(ax -> ax.getProperty().getIRI().equals(label))
            .map(OWLAnnotationAssertionAxiom::getSubject)
            .filter(IRI.class::isInstance).map(IRI.class::cast)
            .collect(Collectors.toSet());
        Set<EntityType<?>> checked = Set.of(EntityType.CLASS, EntityType.OBJECT_PROPERTY, EntityType.DATA_PROPERTY,
            EntityType.ANNOTATION_PROPERTY, EntityType.NAMED_INDIVIDUAL);
        List<String> unlabelled = ontology.signature(Imports.INCLUDED)
            .filter(e -> checked.contains(e.getEntityType()))
            .filter(e -> !isBuiltInVocabulary(e))
            .filter(e -> !labelled.contains(e.getIRI()))
            .map(e -> e.getEntityType().getPrintName() + " " + e.getIRI())
            .sorted().toList();
        assertTrue(unlabelled.isEmpty(), unlabelled.size() + " terms without rdfs:label, first " + SHOWN + ":\n"
            + String.join("\n", unlabelled.subList(0, Math.min(SHOWN, unlabelled.size()))));
    }

    @Test
    void everyProcessHasOneDisplayLabelThatNoOtherShares() {
        // Seven releases hold seven processes named "Abate Alarm Event Records"; etom:displayLabel
        // (name, identifier, release) is what Protégé's "render by annotation property" tells them apart by.
        Map<IRI, List<String>> display = new java.util.HashMap<>();
        ontology.axioms(AxiomType.ANNOTATION_ASSERTION, Imports.INCLUDED)
            .filter(ax -> ax.getProperty().getIRI().equals(DISPLAY_LABEL) && ax.getSubject() instanceof IRI)
            .forEach(ax -> display.computeIfAbsent((IRI) ax.getSubject(), k -> new ArrayList<>())
                .add(ax.getValue().asLiteral().orElseThrow().getLiteral()));
        IRI processElement = IRI.create("https://w3id.org/etom-kg/ontology#ProcessElement");
        IRI retired = IRI.create("https://w3id.org/etom-kg/ontology#RetiredProcessElement");
        List<String> notOnce = ontology.axioms(AxiomType.CLASS_ASSERTION, Imports.INCLUDED)
            .filter(ax -> !ax.getClassExpression().isAnonymous())
            .filter(ax -> ax.getClassExpression().asOWLClass().getIRI().equals(processElement)
                || ax.getClassExpression().asOWLClass().getIRI().equals(retired))
            .filter(ax -> ax.getIndividual().isNamed())
            .map(ax -> ax.getIndividual().asOWLNamedIndividual().getIRI())
            .filter(iri -> iri.toString().startsWith("https://w3id.org/etom-kg/release/"))   // not a CSP's own
            .filter(iri -> display.getOrDefault(iri, List.of()).size() != 1)
            .map(IRI::toString).distinct().sorted().toList();
        assertTrue(notOnce.isEmpty(), notOnce.size() + " processes without exactly one etom:displayLabel, first: "
            + notOnce.subList(0, Math.min(SHOWN, notOnce.size())));
        Map<String, Long> uses = display.values().stream().flatMap(List::stream)
            .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        List<String> shared = uses.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
        assertTrue(shared.isEmpty(), shared.size() + " display labels on more than one term, first: "
            + shared.subList(0, Math.min(SHOWN, shared.size())));
    }

    @Test
    void parserLeftNothingBehind() {
        List<String> problems = new ArrayList<>();
        ontology.importsClosure().forEach(o -> {
            String name = o.getOntologyID().getOntologyIRI().map(IRI::toString).orElse("(anonymous)");
            OWLDocumentFormat format = manager.getOntologyFormat(o);
            // Protégé tries its parsers in turn and keeps the first that succeeds; a Turtle
            // file read as anything but Turtle means every Turtle parser rejected it.
            if (!(format instanceof RioTurtleDocumentFormat || format instanceof TurtleDocumentFormat)) {
                problems.add(name + ": not read as Turtle but as " + format);
                return;
            }
            OWLOntologyLoaderMetaData meta = format.getOntologyLoaderMetaData().orElse(null);
            if (meta == null) {
                problems.add(name + ": the parser reported no metadata");
                return;
            }
            if (meta.getHeaderState() != RDFOntologyHeaderStatus.PARSED_ONE_HEADER) {
                problems.add(name + ": ontology header " + meta.getHeaderState());
            }
            meta.getUnparsedTriples().limit(SHOWN).forEach(t -> problems.add(name + ": unparsed triple " + t));
            meta.getGuessedDeclarations().asMap().forEach((iri, kinds) ->
                problems.add(name + ": undeclared " + iri + ", type guessed as "
                    + kinds.stream().map(Class::getSimpleName).toList()));
        });
        assertTrue(problems.isEmpty(), problems.size() + " parser problems, first " + SHOWN + ":\n"
            + String.join("\n", problems.subList(0, Math.min(SHOWN, problems.size()))));
    }

    @Test
    void noIriIsPunned() {
        // The house rule is stricter than OWL 2 DL (which allows, say, a class that is also an
        // individual): one IRI, one kind of term, across the whole closure.
        Map<IRI, Set<EntityType<?>>> kinds = new TreeMap<>();
        ontology.signature(Imports.INCLUDED).forEach(e ->
            kinds.computeIfAbsent(e.getIRI(), i -> new HashSet<>()).add(e.getEntityType()));
        List<String> punned = kinds.entrySet().stream().filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + " is " + e.getValue().stream().map(EntityType::getPrintName).sorted().toList())
            .toList();
        assertTrue(punned.isEmpty(), "punned IRIs:\n" + String.join("\n", punned));
    }

    private static OWLOntology load(OWLOntologyLoaderConfiguration config) {
        try {
            return manager.loadOntologyFromOntologyDocument(new FileDocumentSource(ENTRY.toFile()), config);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + ENTRY + ": " + e.getMessage()
                + (notInCatalog.isEmpty() ? "" : "; IRIs the catalog does not map: " + notInCatalog), e);
        }
    }

    private static boolean isBuiltInVocabulary(OWLEntity e) {
        if (e.isBuiltIn()) return true;
        String iri = e.getIRI().toString();
        return iri.startsWith("http://www.w3.org/2002/07/owl#")
            || iri.startsWith("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            || iri.startsWith("http://www.w3.org/2000/01/rdf-schema#")
            || iri.startsWith("http://www.w3.org/2001/XMLSchema#");
    }

    private static <T> T timed(String step, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        System.out.printf("ProtegeReadinessTest: %s took %d ms%n", step, (System.nanoTime() - start) / 1_000_000);
        return result;
    }
}
