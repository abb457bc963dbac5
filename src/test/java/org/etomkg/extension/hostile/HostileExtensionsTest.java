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
}
