package org.etomkg.extension.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.Finding;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.extension.ReportFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Duplicates give one finding per duplicated thing, naming a few and counting the rest, never
 * one per pair. The sizes run in about a second each; a rule that paired duplicates again
 * would give thousands of findings here (and take minutes), so the counts below catch it
 * without timing anything. {@link HostileValidationBenchmark} prints the times at full size.
 */
class HostileExtensionsTest {
    static ExtensionValidator validator;

    @BeforeAll
    static void validator() {
        validator = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(Path.of("ontology")));
    }

    static List<Finding> findings(Graph extension, String rule) {
        ExtensionReport r = validator.validate(extension, Optional.empty());
        ReportFormat.text.format(r);
        return r.findings().stream().filter(f -> f.rule().endsWith("#" + rule)).toList();
    }

    static String all(List<Finding> fs) {
        return String.join("\n", fs.stream().map(Finding::message).toList());
    }

    @Test
    void processesSharingOneIdentifierGiveOneFindingThatCountsThem() {
        List<Finding> fs = findings(HostileExtensions.sameIdentifier(1500), "R04-UniqueIdentifier");
        assertEquals(1, fs.size(), all(fs));
        assertTrue(fs.get(0).message().contains("used by 1500 processes") && fs.get(0).message().contains("and 1497 more"), all(fs));
    }

    @Test
    void sameNamedSiblingsGiveOneFindingThatCountsThem() {
        List<Finding> fs = findings(HostileExtensions.sameNamedSiblings(1500), "R04-UniqueSiblingName");
        assertEquals(1, fs.size(), all(fs));
        assertTrue(fs.get(0).message().contains("and 1498 more"), all(fs));
    }

    @Test
    void manyLabelsOnOneProcessGiveOneFinding() {
        List<Finding> fs = findings(HostileExtensions.manyLabels(3000), "R05-EnglishLabel");
        assertEquals(1, fs.size(), all(fs));
        assertTrue(fs.get(0).message().contains("3000 English names"), all(fs));
    }

    @Test
    void manyParentsOfOneProcessGiveOneFindingAndNoNumberingFindingPerParent() {
        Graph g = HostileExtensions.manyParents(1500);
        List<Finding> parents = findings(g, "R02-Parent");
        assertEquals(1, parents.size(), all(parents));
        assertTrue(parents.get(0).message().contains("1500 parents"), all(parents));
        assertEquals(List.of(), findings(g, "R03-Numbering"), "numbering is judged against a single parent");
    }

    @Test
    void anIdentifierOfTwoThousandPartsIsJudgedWithoutOverflowingTheStack() {
        List<Finding> fs = findings(HostileExtensions.longIdentifier(2000), "R03-Numbering");
        assertFalse(fs.isEmpty(), "it does not extend its parent's path by one part");
        assertTrue(fs.stream().noneMatch(f -> f.message().contains("does not follow TM Forum's numbering rule")),
            "the identifier has the right form: " + all(fs));
    }

    @Test
    void aLabelOfFiveThousandCharactersIsAccepted() {
        ExtensionReport r = validator.validate(HostileExtensions.longLabel(5000), Optional.empty());
        assertTrue(r.conforms(), ReportFormat.text.format(r));
    }

    @Test
    void aBlankNodeHeaderGetsAFindingAndEveryReportFormatNotACrash() {
        Graph g = HostileExtensions.longLabel(10);
        org.apache.jena.graph.Node blank = org.apache.jena.graph.NodeFactory.createBlankNode();
        List<org.apache.jena.graph.Triple> header = g.find(HostileExtensions.HEADER, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).toList();
        for (var t : header) {
            g.delete(t);
            g.add(org.apache.jena.graph.Triple.create(blank, t.getPredicate(), t.getObject()));
        }
        g.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, HostileExtensions.HEADER).toList().forEach(t -> {
            g.delete(t);
            g.add(org.apache.jena.graph.Triple.create(t.getSubject(), t.getPredicate(), blank));
        });
        ExtensionReport r = validator.validate(g, Optional.empty());
        assertFalse(r.conforms(), "a blank-node header is never stored");
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().endsWith("#R01-HeaderForm") && f.message().contains("blank node")),
            ReportFormat.text.format(r));
        for (ReportFormat format : ReportFormat.values()) assertFalse(format.format(r).isEmpty());
    }

    @Test
    void dataWithoutAHeaderIsUnusableAndTheMessageSaysTheHeaderIsMissing() {
        Graph g = HostileExtensions.longLabel(10);
        g.delete(org.apache.jena.graph.Triple.create(HostileExtensions.HEADER, org.apache.jena.vocabulary.RDF.type.asNode(),
            org.etomkg.vocab.ETOM.term("Extension")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.etomkg.extension.ExtensionInputException.class,
            () -> validator.validate(g, Optional.empty()));
        assertTrue(e.getMessage().contains("header is missing") && e.getMessage().contains("etom:extendsRelease"), e.getMessage());
        ExtensionReport withRelease = validator.validate(g, Optional.of("25.5"));
        assertTrue(withRelease.findings().stream().anyMatch(f -> f.rule().endsWith("#R01-OneHeader") && f.message().contains("no extension header")),
            ReportFormat.text.format(withRelease));
    }
}
