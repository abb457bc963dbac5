package org.etomkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportEvent;
import org.semanticweb.owlapi.model.OWLAnnotationAssertionAxiom;
import org.semanticweb.owlapi.model.OWLEntity;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.semanticweb.owlapi.vocab.OWLRDFVocabulary;

/**
 * Opens each per-release entry ontology, {@code ontology/etom-R.ttl}, as Protégé does (OWL API,
 * imports through the catalog only, one manager for all seven so the shared imports load once)
 * and checks that it shows release R and nothing else: every import resolves offline, the closure
 * is exactly the meta-model, the release and its train's frameworks, OWL 2 DL, and each process of
 * R is there once, with its display label, while no process of another release is. HermiT runs on
 * the latest release only; ProtegeReadinessTest runs it over every release at once.
 */
class ReleaseEntryOntologyTest {
    private static final String ETOM = "https://w3id.org/etom-kg/ontology#";
    private static final IRI DISPLAY_LABEL = IRI.create(ETOM + "displayLabel");
    private static final String LATEST = "26.0";
    private static final int SHOWN = 10;

    private static OfflineCatalog catalog;
    private static final List<MissingImportEvent> missingImports = new ArrayList<>();
    private static final Map<String, OWLOntology> opened = new LinkedHashMap<>();

    @BeforeAll
    static void openEachEntry() throws Exception {
        catalog = OfflineCatalog.read();
        OWLOntologyManager manager = catalog.manager();
        manager.addMissingImportListener(missingImports::add);
        for (ReleaseEntries entry : ReleaseEntries.all()) {
            long start = System.nanoTime();
            OWLOntology o = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(entry.file().toFile()));
            System.out.printf("ReleaseEntryOntologyTest: %s opened in %d ms (shared imports already loaded count once)%n",
                entry.file(), (System.nanoTime() - start) / 1_000_000);
            opened.put(entry.release(), o);
        }
    }

    @Test
    void everyEntryIsInTheCatalogAndEveryImportResolvesOffline() {
        assertTrue(catalog.notInCatalog.isEmpty(), "IRIs the catalog does not map: " + catalog.notInCatalog);
        assertTrue(missingImports.isEmpty(), "missing imports: " + missingImports);
        for (ReleaseEntries entry : ReleaseEntries.all()) {
            assertEquals(entry.file().toAbsolutePath().normalize(), catalog.entries.get(entry.iri()),
                "the catalog maps " + entry.iri() + " to " + entry.file());
        }
    }

    @Test
    void eachEntryImportsItsReleaseAndTheFrameworksOfItsTrainOnly() {
        for (ReleaseEntries entry : ReleaseEntries.all()) {
            OWLOntology o = opened.get(entry.release());
            assertEquals(entry.iri(), o.getOntologyID().getOntologyIRI().orElseThrow());
            assertTrue(o.getOntologyID().getVersionIRI().isPresent(), entry.file() + " has an owl:versionIRI");
            List<IRI> closure = o.importsClosure().map(i -> i.getOntologyID().getOntologyIRI().orElseThrow()).sorted().toList();
            assertEquals(entry.expectedClosure(), closure, entry.file() + ": import closure");
        }
    }

    @Test
    void eachEntryIsOwl2Dl() {
        List<String> violations = new ArrayList<>();
        for (ReleaseEntries entry : ReleaseEntries.all()) {
            new OWL2DLProfile().checkOntology(opened.get(entry.release())).getViolations().stream().limit(SHOWN)
                .map(OWLProfileViolation::toString).map(v -> entry.file() + ": " + v).forEach(violations::add);
        }
        assertTrue(violations.isEmpty(), "OWL 2 DL violations:\n" + String.join("\n", violations));
    }

    @Test
    void hermitFindsTheLatestEntryConsistent() {
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(opened.get(LATEST));
        try {
            assertTrue(reasoner.isConsistent(), "HermiT finds etom-" + LATEST + ".ttl inconsistent");
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void eachProcessOfTheReleaseIsThereOnceAndNoProcessOfAnother() {
        for (ReleaseEntries entry : ReleaseEntries.all()) {
            OWLOntology o = opened.get(entry.release());
            Set<String> expected = elementsOf(entry.release());
            Set<String> own = new TreeSet<>();
            List<String> foreign = new ArrayList<>();
            o.signature(Imports.INCLUDED).map(OWLEntity::getIRI).map(IRI::toString).distinct().forEach(iri -> {
                if (iri.startsWith(ReleaseEntries.processNamespace(entry.release()))
                    || iri.startsWith(ReleaseEntries.retiredNamespace(entry.release()))) own.add(iri);
                else if (iri.startsWith(ReleaseEntries.BASE + "release/") && !iri.equals(ReleaseEntries.BASE + "release/" + entry.release()))
                    foreign.add(iri);
            });
            assertTrue(foreign.isEmpty(), entry.file() + " shows " + foreign.size() + " terms of another release, first: "
                + foreign.stream().sorted().limit(SHOWN).toList());
            assertEquals(expected, own, entry.file() + ": the processes of release " + entry.release());

            Map<String, List<String>> labels = annotations(o, OWLRDFVocabulary.RDFS_LABEL.getIRI());
            Map<String, List<String>> display = annotations(o, DISPLAY_LABEL);
            List<String> notOnce = expected.stream()
                .filter(p -> labels.getOrDefault(p, List.of()).size() != 1 || display.getOrDefault(p, List.of()).size() != 1)
                .sorted().limit(SHOWN).toList();
            assertTrue(notOnce.isEmpty(), entry.file() + ": processes without exactly one label and one display label: " + notOnce);
            Map<String, Long> sameDisplay = display.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            List<String> repeated = sameDisplay.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().limit(SHOWN).toList();
            assertTrue(repeated.isEmpty(), entry.file() + ": display labels shown more than once: " + repeated);
            String suffix = ", " + entry.release() + ")";
            List<String> unmarked = expected.stream().filter(p -> !display.get(p).get(0).endsWith(suffix)).sorted().limit(SHOWN).toList();
            assertTrue(unmarked.isEmpty(), entry.file() + ": display labels that do not name the release: " + unmarked);
        }
    }

    /** The active and retired process elements of a release file, read with Jena, not the OWL API. */
    private static Set<String> elementsOf(String release) {
        Graph g = RDFDataMgr.loadGraph(OfflineCatalog.ONTOLOGY_DIR.resolve("releases/etom-" + release + ".ttl").toString());
        Set<String> out = new TreeSet<>();
        for (String type : List.of("ProcessElement", "RetiredProcessElement")) {
            g.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(ETOM + type)).forEachRemaining(t -> out.add(t.getSubject().getURI()));
        }
        assertTrue(!out.isEmpty(), "release " + release + " has process elements");
        return out;
    }

    private static Map<String, List<String>> annotations(OWLOntology o, IRI property) {
        Map<String, List<String>> out = new HashMap<>();
        o.axioms(AxiomType.ANNOTATION_ASSERTION, Imports.INCLUDED)
            .filter(ax -> ax.getProperty().getIRI().equals(property))
            .filter(ax -> ax.getSubject() instanceof IRI)
            .forEach((OWLAnnotationAssertionAxiom ax) -> out.computeIfAbsent(ax.getSubject().toString(), k -> new ArrayList<>())
                .add(ax.getValue().asLiteral().map(l -> l.getLiteral()).orElse(ax.getValue().toString())));
        return out;
    }
}
