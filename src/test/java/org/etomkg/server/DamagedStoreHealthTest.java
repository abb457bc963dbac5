package org.etomkg.server;

import static org.etomkg.server.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDFS;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GET /api/health over a store that is found damaged while it is served: 503 with a message that
 * names the damage and says to run ./etom-kg load. The store is small (the meta-model and the
 * entry file); what damages it is a write behind the store's back, straight into TDB2, so the
 * graph no longer holds what its manifest records.
 */
class DamagedStoreHealthTest {
    @TempDir Path tmp;

    @Test
    void healthSaysDamagedWhenTheStoreNoLongerHoldsWhatItRecorded() throws IOException {
        Path onto = Files.createDirectories(tmp.resolve("ontology"));
        Files.copy(TestStores.ONTOLOGY.resolve("etom-meta.ttl"), onto.resolve("etom-meta.ttl"));
        Files.copy(TestStores.ONTOLOGY.resolve("etom.ttl"), onto.resolve("etom.ttl"));
        Path data = tmp.resolve("data");
        new StoreBuilder().rebuild(onto, data);

        try (KnowledgeStore store = KnowledgeStore.open(data);
             EtomServer server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0))) {
            ApiClient api = ApiClient.of(server);
            HttpResponse<String> ok = api.get("/api/health");
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("ok", json(ok).path("status").asText());

            // the same TDB2 database, written without the store's bookkeeping
            var raw = DatabaseMgr.connectDatasetGraph(data.resolve("store").toString());
            Txn.executeWrite(raw, () -> raw.add(NodeFactory.createURI("https://w3id.org/etom-kg/ontology"),
                NodeFactory.createURI("urn:etom-kg-test:stray"), RDFS.label.asNode(), NodeFactory.createLiteralString("stray")));
            assertFalse(store.verify().sound());

            HttpResponse<String> damaged = api.get("/api/health");
            assertEquals(503, damaged.statusCode(), damaged.body());
            JsonNode body = json(damaged);
            assertEquals("damaged", body.path("status").asText());
            String message = body.path("message").asText();
            assertTrue(message.contains("is damaged") && message.contains("https://w3id.org/etom-kg/ontology")
                && message.contains("run ./etom-kg load to rebuild it"), message);
        }
    }
}
