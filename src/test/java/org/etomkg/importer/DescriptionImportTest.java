package org.etomkg.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;
import org.etomkg.vocab.ETOM;

/**
 * {@code import gb921 --descriptions-to-store}: the workbook's descriptions go to the user's
 * own store, in a graph of their own that survives a reload, and never into the release file.
 */
class DescriptionImportTest {

    @Test
    void descriptionsReachTheStoreNeverTheFile(@TempDir Path dir) throws Exception {
        Path workbook = Gb921Workbook.standard().write(dir, "GB921_fixture.xlsx");
        Path out = dir.resolve("etom-25.5.ttl");
        Path data = dir.resolve("data");

        ImportRun run = ImportRun.importCommand("gb921", workbook, out, "--descriptions-to-store", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("descriptions into"), run.out());
        assertFalse(Files.readString(out).contains(Gb921Workbook.DESCRIPTION_MARK), "no description text in the release file");
        assertFalse(Files.readString(ReleaseImport.qualityReportFile(out)).contains(Gb921Workbook.DESCRIPTION_MARK));

        String graph = ETOM.descriptionGraph("25.5");
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            assertTrue(store.graphNames().contains(graph), store.graphNames().toString());
        }
        new StoreBuilder().rebuild(ImportRun.ONTOLOGY, data);   // a reload keeps the user's own graphs
        try (KnowledgeStore store = KnowledgeStore.open(data); var conn = store.connect()) {
            String annotated = ETOM.processNamespace("25.5") + "1.3.3.3";
            conn.querySelect("SELECT ?d WHERE { GRAPH <" + graph + "> { <" + annotated + "> <http://www.w3.org/2004/02/skos/core#definition> ?d } }",
                (QuerySolution s) -> assertTrue(s.getLiteral("d").getString().startsWith(Gb921Workbook.DESCRIPTION_MARK)));
            long described = conn.queryAsk("ASK { GRAPH <" + graph + "> { <" + annotated + "> ?p ?o } }") ? 1 : 0;
            assertEquals(1, described, "the annotated identifier cell is described under its identifier's IRI");
            assertFalse(conn.queryAsk("ASK { GRAPH <" + graph + "> { ?s ?p ?o FILTER(CONTAINS(STR(?s), ' ')) } }"),
                "no subject IRI made from a raw identifier cell");
        }
    }
}
