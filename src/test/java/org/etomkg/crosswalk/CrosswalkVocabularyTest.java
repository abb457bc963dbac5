package org.etomkg.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.store.OntologyFiles;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.Test;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.EntityType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;

/**
 * The crosswalk vocabulary: OWL 2 DL without punning, every term labelled and defined, every
 * rule and change kind of the code declared, and the generated files using only declared terms.
 */
class CrosswalkVocabularyTest {
    static final Path VOCABULARY = Shipped.files().vocabulary();

    @Test
    void theVocabularyIsOwl2DlWithoutPunning() throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        m.getIRIMappers().clear();
        Path meta = Shipped.ONTOLOGY.resolve("etom-meta.ttl");
        m.getIRIMappers().add(iri -> iri.toString().equals(ETOM.META_MODEL) ? IRI.create(meta.toUri()) : null);
        OWLOntology o = m.loadOntologyFromOntologyDocument(new FileDocumentSource(VOCABULARY.toFile()));
        assertEquals(2, o.importsClosure().count(), "the vocabulary imports the meta-model");
        var violations = new OWL2DLProfile().checkOntology(o).getViolations();
        assertTrue(violations.isEmpty(), violations.toString());
        Map<IRI, Set<EntityType<?>>> kinds = new TreeMap<>();
        o.signature(Imports.INCLUDED).forEach(e -> kinds.computeIfAbsent(e.getIRI(), i -> new HashSet<>()).add(e.getEntityType()));
        assertTrue(kinds.values().stream().allMatch(k -> k.size() == 1), "punned: " + kinds);
        var meta2 = m.getOntologyFormat(o).getOntologyLoaderMetaData().orElseThrow();
        assertEquals(0, meta2.getGuessedDeclarations().size(), meta2.getGuessedDeclarations().toString());
        assertEquals(0, meta2.getUnparsedTriples().count());
    }

    @Test
    void everyTermIsLabelledAndDefinedAndEveryRuleOfTheCodeIsDeclaredInOrder() {
        Graph g = OntologyFiles.parse(VOCABULARY);
        List<Node> terms = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(ETOM.NS)) terms.add(t.getSubject());
        });
        for (Node t : terms) {
            assertTrue(g.contains(t, RDFS.label.asNode(), Node.ANY), t + " has a label");
            assertTrue(g.contains(t, SKOS.definition.asNode(), Node.ANY), t + " has a definition");
        }
        int precedence = 1;
        for (MatchingRule r : MatchingRule.values()) {
            Node rule = ETOM.term(r.localName());
            assertTrue(g.contains(rule, RDF.type.asNode(), ETOM.term("MatchingRule")), r + " is declared");
            assertEquals(Integer.toString(precedence++), g.find(rule, ETOM.term("precedence"), Node.ANY).next().getObject().getLiteralLexicalForm(), r.toString());
            assertEquals(r.confidence().word(), g.find(rule, ETOM.term("confidence"), Node.ANY).next().getObject().getLiteralLexicalForm(), r.toString());
        }
        for (Change c : Change.values()) assertTrue(g.contains(ETOM.term(c.localName()), RDF.type.asNode(), ETOM.term("ChangeKind")), c.toString());
    }

    @Test
    void theGeneratedFilesUseOnlyDeclaredTerms() {
        Set<Node> declared = new HashSet<>();
        for (Path f : List.of(VOCABULARY, Shipped.ONTOLOGY.resolve("etom-meta.ttl")))
            OntologyFiles.parse(f).find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> declared.add(t.getSubject()));
        Set<String> builtIn = Set.of(RDF.getURI(), RDFS.getURI(), OWL.getURI());
        for (Path f : List.of(Shipped.files().crosswalk(), Shipped.files().derivedGroups())) {
            Graph g = OntologyFiles.parse(f);
            Set<String> undeclared = new TreeSet<>();
            g.find().forEachRemaining((Triple t) -> {
                Node p = t.getPredicate();
                if (!builtIn.stream().anyMatch(p.getURI()::startsWith) && !declared.contains(p)) undeclared.add(p.getURI());
                if (p.equals(RDF.type.asNode()) && !declared.contains(t.getObject()) && !t.getObject().equals(OWL.Ontology.asNode())
                    && !t.getObject().equals(OWL2.NamedIndividual.asNode()))
                    undeclared.add(t.getObject().getURI());
            });
            assertTrue(undeclared.isEmpty(), f + " uses undeclared terms " + undeclared);
            List<Node> ontologies = g.find(Node.ANY, RDF.type.asNode(), OWL.Ontology.asNode()).mapWith(Triple::getSubject).toList();
            assertEquals(1, ontologies.size());
            assertTrue(ontologies.get(0).getURI().startsWith(ETOM.BASE + "graph/"), ontologies.toString());
            assertTrue(g.contains(ontologies.get(0), OWL.imports.asNode(), NodeFactory.createURI(CrosswalkFiles.VOCABULARY_GRAPH)));
        }
        assertFalse(declared.isEmpty());
    }
}
