package org.etomkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.etomkg.rdf.CanonicalTurtle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;

/**
 * The round trip of issue 10 with the OWL API as Protégé uses it: load a file of ours through the
 * catalog, add one subclass axiom, save as Turtle and as RDF/XML, write the result canonically:
 * the difference from the shipped (canonical) file is exactly the added statements, as lines
 * added and none removed. A representative set of files (the meta-model, both vocabularies, a
 * release entry ontology and the whole entry ontology), about 20 s. Each prints the diff of the save as it
 * is (before issue 10) and after formatting. The shipped files hold what the OWL API writes for
 * them (individuals declared owl:NamedIndividual, owl:disjointWith and owl:AllDisjointClasses
 * members in the OWL API's order), so a save adds nothing of its own.
 */
class ProtegeSaveRoundTripTest {
    static final String NEW_CLASS = "https://w3id.org/etom-kg/ontology#RoundTripAddedClass";

    @ParameterizedTest
    @CsvSource({"etom-26.0.ttl, turtle, true", "etom.ttl, turtle, true",
        "etom-meta.ttl, turtle, true", "etom-meta.ttl, rdfxml, true",
        "crosswalk/etom-crosswalk-vocabulary.ttl, turtle, true", "crosswalk/etom-crosswalk-vocabulary.ttl, rdfxml, true",
        "frameworks/etom-frameworks-vocabulary.ttl, turtle, true", "frameworks/etom-frameworks-vocabulary.ttl, rdfxml, true",
        "etom-26.0.ttl, rdfxml, true"})
    void aSaveFromTheOwlApiDiffsByTheAddedStatementsOnly(String file, String syntax, boolean strict) throws Exception {
        Path path = OfflineCatalog.ONTOLOGY_DIR.resolve(file);
        String original = Files.readString(path);
        OWLOntologyManager manager = OfflineCatalog.read().manager();
        OWLOntology o = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(path.toFile()));
        OWLDataFactory df = manager.getOWLDataFactory();
        IRI added = IRI.create(NEW_CLASS);
        manager.addAxiom(o, df.getOWLDeclarationAxiom(df.getOWLClass(added)));
        manager.addAxiom(o, df.getOWLSubClassOfAxiom(df.getOWLClass(added), df.getOWLThing()));
        org.semanticweb.owlapi.formats.PrefixDocumentFormat format = syntax.equals("turtle") ? new TurtleDocumentFormat() : new RDFXMLDocumentFormat();
        format.copyPrefixesFrom(manager.getOntologyFormat(o).asPrefixOWLDocumentFormat());
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        manager.saveOntology(o, format, saved);
        String raw = saved.toString(StandardCharsets.UTF_8);
        System.out.println("round trip " + file + " (" + syntax + "), the save as it is: " + Diff.of(original, raw));
        String after = CanonicalTurtle.formatText(raw);

        Graph expected = CanonicalTurtle.parse(original);
        expected.add(Triple.create(NodeFactory.createURI(NEW_CLASS), RDF.type.asNode(), OWL.Class.asNode()));
        expected.add(Triple.create(NodeFactory.createURI(NEW_CLASS), RDFS.subClassOf.asNode(), OWL.Thing.asNode()));
        Diff d = Diff.of(original, after);
        System.out.println("round trip " + file + " (" + syntax + "), saved then formatted: " + d + (d.added.size() > 5 ? " " + d.added : ""));
        if (!strict) return;
        assertEquals(CanonicalTurtle.write(expected), after, file + " saved as " + syntax + " and formatted");
        assertEquals(List.of(), d.removed, file);
        assertTrue(d.added.stream().allMatch(l -> l.contains("RoundTripAddedClass") || l.startsWith("@prefix ") || l.isBlank() || l.equals(".")
            || l.contains("owl:Class") || l.contains("rdfs:subClassOf owl:Thing")), () -> file + ": " + d.added);
    }

    /** Lines added and removed, as a multiset (what git diff --stat counts, up to moves). */
    record Diff(List<String> added, List<String> removed) {
        static Diff of(String before, String after) {
            Map<String, Integer> count = new HashMap<>();
            for (String l : before.split("\n", -1)) count.merge(l, 1, Integer::sum);
            List<String> added = new ArrayList<>();
            for (String l : after.split("\n", -1)) {
                if (count.getOrDefault(l, 0) > 0) count.merge(l, -1, Integer::sum);
                else added.add(l);
            }
            List<String> removed = new ArrayList<>();
            count.forEach((l, n) -> { for (int i = 0; i < n; i++) removed.add(l); });
            return new Diff(added, removed);
        }

        @Override public String toString() { return added.size() + " insertions, " + removed.size() + " deletions"; }
    }
}
