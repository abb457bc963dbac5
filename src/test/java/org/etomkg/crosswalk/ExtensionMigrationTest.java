package org.etomkg.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionSkos;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.extension.ReportFormat;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate}: the example extension moved to 26.0 and to 25.0, and a test extension of
 * 25.0 that builds on processes 25.5 renumbers, removes and restructures; each migrated
 * extension validates against its new release.
 */
class ExtensionMigrationTest {
    static ExtensionValidator validator;
    static ExtensionMigration migration;

    @BeforeAll
    static void setUp() {
        validator = new ExtensionValidator(Shipped.SHAPES, new OntologyFolder(Shipped.ONTOLOGY));
        migration = new ExtensionMigration(Shipped.history());
    }

    static void assertConforms(Graph migrated, String release) {
        ExtensionReport report = validator.validate(migrated, Optional.empty());
        assertEquals(release, report.release());
        assertTrue(report.conforms(), ReportFormat.text.format(report));
    }

    static Map<String, ReferenceFate> byOldId(MigrationResult r) {
        return r.references().stream().collect(Collectors.toMap(f -> f.before().id().text(), Function.identity()));
    }

    @Test
    void theExampleExtensionMigratesTo26_0And25_0AndStillValidates() {
        Graph example = ExtensionFiles.read(Shipped.EXAMPLE);
        for (String target : List.of("26.0", "25.0")) {
            MigrationResult r = migration.migrate(example, target, Optional.empty());
            assertEquals("25.5", r.from());
            assertTrue(r.references().size() > 20);
            assertTrue(r.references().stream().allMatch(f -> f.change().equals("unchanged")), "Nordlicht's processes are stable around 25.5");
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            assertTrue(r.migrated().contains(Node.ANY, ETOM.term("extendsRelease"), NodeFactory.createURI(ETOM.release(target))));
            assertTrue(r.migrated().contains(Node.ANY, ETOM.parent.asNode(), NodeFactory.createURI(ETOM.processNamespace(target) + "1.3.3.10")));
            assertConforms(r.migrated(), target);
        }
    }

    @Test
    void referencesFollowTheCrosswalkAndChildrenOfRemovedProcessesAreRehomed() {
        MigrationResult r = migration.migrate(ExtensionFiles.read(Shipped.HARBOUR), "25.5", Optional.empty());
        Map<String, ReferenceFate> fates = byOldId(r);
        assertEquals("renumbered+moved", fates.get("1.1.9").change());
        assertEquals("1.12.9", fates.get("1.1.9").after().id().text());
        assertEquals("renumbered", fates.get("1.1.9.2").change());
        assertEquals("1.12.9.2", fates.get("1.1.9.2").after().id().text());
        assertEquals("unchanged", fates.get("1.3.3.10").change());
        assertEquals("removed", fates.get("1.1.3.3").change());
        assertEquals("1.1", fates.get("1.1.3.3").ancestor().id().text(), "1.1.3 is gone too; 1.1 (now Market) survives");
        assertEquals("removed", fates.get("1.7.2.1").change());
        assertEquals("1.7.2", fates.get("1.7.2.1").ancestor().id().text());

        Map<String, MigrationResult.Renumbering> renumbered = r.renumbered().stream()
            .collect(Collectors.toMap(MigrationResult.Renumbering::oldIdentifier, Function.identity()));
        assertEquals("2.12.9.2.1", renumbered.get("2.1.9.2.1").newIdentifier(), "the parent's path changed: 2 then 12.9.2");
        assertEquals("https://harbour-telecom.example/etom/2.12.9.2.1", renumbered.get("2.1.9.2.1").newIri(), "IRIs minted from identifiers follow");
        assertEquals("2.12.9.2.1.1", renumbered.get("2.1.9.2.1.1").newIdentifier(), "and so do its own children");
        assertEquals("2.1.1", renumbered.get("2.1.3.3.1").newIdentifier(), "re-homed under 1.1");
        assertEquals(2, renumbered.get("2.1.3.3.1").newLevel());
        assertEquals("2.7.2.6", renumbered.get("2.7.2.1.6").newIdentifier(), "re-homed under 1.7.2");
        assertEquals(3, renumbered.get("2.7.2.1.6").newLevel());
        assertTrue(!renumbered.containsKey("2.3.3.10.1"), "a process whose parent stays keeps its identifier");

        assertEquals(2, r.dropped().size(), r.dropped().toString());
        assertTrue(r.dropped().stream().anyMatch(d -> d.contains("Absatzprognose")), "the local name of a removed process");
        assertTrue(r.dropped().stream().anyMatch(d -> d.contains("na-forecast-outcomes")), "the not-applicable marker on a removed process");
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        Node verkauf = NodeFactory.createURI(ETOM.processNamespace("25.5") + "1.12.9");
        assertTrue(r.migrated().contains(verkauf, ETOM.term("localName"), Node.ANY), "the local name moves with the renumbered process");
        assertConforms(r.migrated(), "25.5");
    }

    /** An extension as the store keeps it, with its SKOS statements, migrates as the file does: they follow their etom: twins. */
    @Test
    void theStoredFormWithItsSkosStatementsMigratesAlike() {
        MigrationResult r = migration.migrate(ExtensionSkos.withDerived(ExtensionFiles.read(Shipped.HARBOUR)), "25.5", Optional.empty());
        assertEquals(2, r.dropped().size(), r.dropped().toString());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        Node verkauf = NodeFactory.createURI(ETOM.processNamespace("25.5") + "1.12.9");
        assertTrue(r.migrated().contains(verkauf, SKOS.altLabel.asNode(), Node.ANY), "the alternative label moves with the local name");
        assertEquals(List.of(), r.migrated().find(Node.ANY, SKOS.altLabel.asNode(), Node.ANY)
            .filterKeep(t -> t.getObject().getLiteralLexicalForm().contains("Absatzprognose")).toList(),
            "and is dropped with it, not given to the removed process's ancestor");
        assertEquals(List.of(), r.migrated().find(Node.ANY, SKOS.broader.asNode(), Node.ANY)
            .filterDrop(t -> r.migrated().contains(t.getSubject(), ETOM.parent.asNode(), t.getObject())).toList(), "broader is the parent");
        assertConforms(r.migrated(), "25.5");
    }

    @Test
    void theCommandWritesTheMigratedExtensionAndValidatesIt(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("harbour-26.0.ttl");
        ReleaseDiffTest.Run run = ReleaseDiffTest.run("migrate", Shipped.HARBOUR.toString(), "--to", "26.0", "--write", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("renumbered+moved"), run.out());
        assertTrue(run.out().contains("renumbered 2.1.9.2.1 -> 2.12.9.2.1"), run.out());
        assertTrue(run.out().contains("against release 26.0 it conforms"), run.out());
        String written = Files.readString(out);
        assertTrue(written.contains("@prefix p: <https://w3id.org/etom-kg/release/26.0/process/> ."), "the prefix follows the release");
        assertTrue(written.contains("etom:parent p:1.12.9.2"), written);
        assertTrue(written.contains("etom:extendsRelease <https://w3id.org/etom-kg/release/26.0>"), written);
    }

    @Test
    void theCommandMovesTheImportOfAnOntologyHeaderToTheNewRelease(@TempDir Path tmp) throws Exception {
        // The form ./etom-kg new-extension writes: the header is also an owl:Ontology importing its release.
        Path in = tmp.resolve("harbour-ontology-25.0.ttl"), out = tmp.resolve("harbour-ontology-26.0.ttl");
        Files.writeString(in, Files.readString(Shipped.HARBOUR) + """
            <https://harbour-telecom.example/etom/extension> a <http://www.w3.org/2002/07/owl#Ontology> ;
                <http://www.w3.org/2002/07/owl#imports> <https://w3id.org/etom-kg/ontology> , <https://w3id.org/etom-kg/graph/release/25.0> .
            """);
        ReleaseDiffTest.Run run = ReleaseDiffTest.run("migrate", in.toString(), "--to", "26.0", "--write", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("against release 26.0 it conforms"), run.out());
        Graph written = ExtensionFiles.read(out);
        Node header = NodeFactory.createURI("https://harbour-telecom.example/etom/extension");
        Node imports = NodeFactory.createURI("http://www.w3.org/2002/07/owl#imports");
        assertTrue(written.contains(header, imports, NodeFactory.createURI(ETOM.releaseGraph("26.0"))), Files.readString(out));
        assertTrue(written.contains(header, imports, NodeFactory.createURI(ETOM.META_MODEL)), Files.readString(out));
        assertEquals(2, written.find(header, imports, Node.ANY).toList().size(), "the old release's import is gone");
    }
}
