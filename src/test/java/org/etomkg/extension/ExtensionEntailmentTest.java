package org.etomkg.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * The OWL side of the extension promise: under HermiT, release 25.5 plus a conforming extension
 * entails no class assertion, sameAs or property value about a reference individual that the
 * release alone does not. Reasoning over the whole release with HermiT takes too long for a
 * unit test, so both sides are a module: the meta-model, the release node, and every triple of
 * the release about the reference individuals the extensions mention (their types, parents,
 * levels, domains, notations, labels). An attack that rule 7 refuses shows that the comparison
 * would see a change.
 */
class ExtensionEntailmentTest {
    static final List<Path> CONFORMING = List.of(Path.of("examples/nordlicht-telecom.ttl"),
        Path.of("src/test/resources/extension/hostile-conforming.ttl"), Path.of("examples/skos-labels.ttl"));
    static final Path ATTACK = Path.of("examples/invalid/r07-same-as-invalid.ttl");

    static OntologyFolder ontology;
    static ExtensionValidator validator;

    @BeforeAll
    static void reference() {
        ontology = new OntologyFolder(Path.of("ontology"));
        validator = new ExtensionValidator(Path.of("shapes"), ontology);
    }

    /** The reference individuals an extension mentions that the release has. */
    static Set<Node> mentioned(Graph extension, Graph release) {
        Set<Node> out = new HashSet<>();
        extension.find().forEachRemaining(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getObject()})
                if (n.isURI() && n.getURI().startsWith(ETOM.BASE + "release/") && release.contains(n, Node.ANY, Node.ANY)) out.add(n);
        });
        return out;
    }

    static Graph module(Set<Node> individuals, Graph release) {
        Graph g = GraphFactory.createDefaultGraph();
        ontology.metaModel().find().forEachRemaining(g::add);
        release.find(NodeFactory.createURI(ETOM.release("25.5")), Node.ANY, Node.ANY).forEachRemaining(g::add);
        for (Node i : individuals) release.find(i, Node.ANY, Node.ANY).forEachRemaining(g::add);
        return g;
    }

    /** Everything HermiT entails about the individuals: types, same individuals, property values (or that the whole is inconsistent). */
    static Set<String> entailed(Graph g, Set<Node> individuals) throws Exception {
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> { if (!t.getPredicate().equals(OWL.imports.asNode())) copy.add(t); });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, copy, Lang.TURTLE);
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology o = manager.loadOntologyFromOntologyDocument(new StringDocumentSource(out.toString(java.nio.charset.StandardCharsets.UTF_8)));
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(o);
        try {
            Set<String> facts = new TreeSet<>();
            if (!reasoner.isConsistent()) return Set.of("inconsistent: everything is entailed");
            var df = manager.getOWLDataFactory();
            for (Node n : individuals) {
                OWLNamedIndividual i = df.getOWLNamedIndividual(n.getURI());
                reasoner.getTypes(i, false).entities().forEach(c -> facts.add(n + " a " + c));
                reasoner.getSameIndividuals(i).entities().filter(x -> !x.equals(i)).forEach(x -> facts.add(n + " sameAs " + x));
                o.objectPropertiesInSignature().forEach(p -> reasoner.getObjectPropertyValues(i, p).entities()
                    .forEach(v -> facts.add(n + " " + p + " " + v)));
                o.dataPropertiesInSignature().forEach(p -> reasoner.dataPropertyValues(i, p)
                    .forEach(v -> facts.add(n + " " + p + " " + v)));
            }
            return facts;
        } finally {
            reasoner.dispose();
        }
    }

    static Graph union(Graph a, Graph b) {
        Graph g = GraphFactory.createDefaultGraph();
        a.find().forEachRemaining(g::add);
        b.find().forEachRemaining(g::add);
        return g;
    }

    @Test
    void conformingExtensionsEntailNothingNewAboutTheReference() throws Exception {
        Graph release = ontology.release("25.5");
        for (Path file : CONFORMING) {
            Graph extension = ExtensionFiles.read(file);
            assertTrue(validator.validate(extension, Optional.empty()).conforms(), file + " conforms");
            Set<Node> individuals = mentioned(extension, release);
            assertFalse(individuals.isEmpty(), file + " mentions reference processes");
            Graph module = module(individuals, release);
            Set<String> alone = entailed(module, individuals);
            Set<String> with = entailed(union(module, extension), individuals);
            Set<String> added = new TreeSet<>(with);
            added.removeAll(alone);
            assertEquals(Set.of(), added, file + " adds to what is entailed about the reference");
            assertEquals(alone, with, file.toString());
        }
    }

    @Test
    void anAttackThatRule7RefusesWouldHaveChangedTheReference() throws Exception {
        Graph release = ontology.release("25.5");
        Graph extension = ExtensionFiles.read(ATTACK);
        assertFalse(validator.validate(extension, Optional.empty()).conforms(), ATTACK + " is refused");
        Set<Node> individuals = mentioned(extension, release);
        Graph module = module(individuals, release);
        assertNotEquals(entailed(module, individuals), entailed(union(module, extension), individuals),
            "the comparison sees what owl:sameAs to a reference process would add");
    }
}
