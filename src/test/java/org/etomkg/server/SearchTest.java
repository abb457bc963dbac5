package org.etomkg.server;

import static org.etomkg.server.ApiClient.basic;
import static org.etomkg.server.ApiClient.encode;
import static org.etomkg.server.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.etomkg.extension.ExtensionStore;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.importer.DescriptionImport;
import org.etomkg.importer.ReleaseSource;
import org.etomkg.importer.SourceRow;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code queries/search.rq} over the search index, as a client of the service sees it: ranking,
 * results as you type, descriptions and extensions written to the store becoming searchable
 * (and going again), hostile text, and the index across a rebuild.
 */
class SearchTest {
    static final String AUTH = basic("alice", "a long passphrase");
    static final Path NORDLICHT = Path.of("examples/nordlicht-telecom.ttl").toAbsolutePath();

    @TempDir static Path tmp;
    static Path data;
    static KnowledgeStore store;
    static EtomServer server;
    static ApiClient api;

    @BeforeAll
    static void serve() throws IOException {
        data = TestStores.built(tmp);
        Users.add(tmp.resolve("users"), "alice", "a long passphrase");
        start();
    }

    static void start() {
        store = KnowledgeStore.open(data);
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES,
            ServerOptions.defaults().withPort(0).withUsers(Users.load(tmp.resolve("users"))));
        api = ApiClient.of(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    @AfterEach
    void removeTheUsersGraphs() {
        for (ExtensionStore.Entry e : new ExtensionStore(store).list()) new ExtensionStore(store).delete(e.name());
        describe("26.0", Map.of());
    }

    // ---- ranking and typing ----------------------------------------------------------------

    @Test
    void anIdentifierTypedAsTextComesFirstThenTheProcessesBeneathIt() {
        List<Map<String, String>> rows = search("1.4.5", "26.0");
        assertEquals("1.4.5", rows.get(0).get("identifier"), rows.toString());
        assertEquals("identifier", rows.get(0).get("match"));
        assertTrue(rows.stream().anyMatch(r -> r.get("identifier").equals("1.4.5.8")), "typing an identifier finds what lies beneath it");
        assertTrue(rows.stream().allMatch(r -> r.get("identifier").startsWith("1.4.5")), rows.toString());
    }

    @Test
    void theExactNameComesFirstAndTheRestByScore() {
        List<Map<String, String>> rows = search("change customer order", "26.0");
        assertEquals("1.3.3.10.2", rows.get(0).get("identifier"), rows.toString());
        assertEquals("Change Customer Order", rows.get(0).get("name"));
        assertTrue(rows.size() > 1, "names holding the three words in another order come after: " + rows);
        assertRanked(rows.subList(1, rows.size()), "change customer order");
        assertRanked(search("service order", "26.0"), "service order");
    }

    @Test
    void aNameThatBeginsWithTheWordsTypedComesBeforeHigherScores() {
        List<Map<String, String>> rows = search("service activ", "26.0");
        assertEquals("1.4.5", rows.get(0).get("identifier"), "Service Activation Management: " + rows);
        assertTrue(Double.parseDouble(rows.get(1).get("score")) > Double.parseDouble(rows.get(0).get("score")),
            "a shorter name scores higher in Lucene, yet comes after: " + rows);
        assertRanked(rows, "service activ");
    }

    @Test
    void theLastWordIsTheStartOfAWordAndWordsComeInAnyOrderAndCase() {
        List<Map<String, String>> rows = search("order hand", "26.0");
        assertTrue(ids(rows).contains("1.2.27.4.2"), "Handle Product Order Cancellation: " + rows);
        assertTrue(ids(search("handle order", "26.0")).contains("1.2.27.4.2"));
        assertEquals(ids(search("order handle", "26.0")).stream().sorted().toList(),
            ids(search("HANDLE Order", "26.0")).stream().sorted().toList(), "any order, any case");
        assertFalse(ids(search("ord hand", "26.0")).contains("1.2.27.4.2"), "only the last word is a prefix");
        // every keystroke from the second character on still finds the process being typed
        String typed = "capture customer order";
        for (int n = 2; n <= typed.length(); n++) {
            if (typed.charAt(n - 1) == ' ') continue;
            assertTrue(ids(search(typed.substring(0, n), "26.0")).contains("1.3.3.10.1"), "'" + typed.substring(0, n) + "' misses 1.3.3.10.1");
        }
    }

    @Test
    void aReleaseOnlyFindsItsOwnProcesses() {
        assertTrue(ids(search("selling", "25.0")).contains("1.1.9"));
        assertFalse(ids(search("selling", "25.5")).contains("1.1.9"), "Selling is 1.12.9 in 25.5");
        assertTrue(ids(search("selling", "25.5")).contains("1.12.9"));
    }

    // ---- by meaning: stems, synonyms, where a hit sits ---------------------------------------

    @Test
    void billingFindsTheBillInvoiceProcessesThroughTheirStem() {
        List<Map<String, String>> rows = search("billing", "26.0");
        assertTrue(ids(rows).containsAll(List.of("1.3.9", "1.6.15")), "Customer Bill Invoice Management and BP Bill/Invoice Management: " + rows);
        Map<String, String> bp = row(rows, "1.6.15");
        assertEquals("BP Bill/Invoice Management", bp.get("name"));
        assertEquals("BP <mark>Bill</mark>/<mark>Invoice</mark> Management", bp.get("marked"), "the word the stem met and its synonym are marked");
    }

    @Test
    void pluralAndIngFormsFindTheSameProcesses() {
        assertEquals(ids(search("order", "26.0")).stream().sorted().toList(), ids(search("orders", "26.0")).stream().sorted().toList());
        List<String> handling = ids(search("handling order", "26.0"));
        assertTrue(handling.contains("1.2.27.4.2"), "Handle Product Order Cancellation: " + handling);
        assertTrue(ids(search("invoices", "26.0")).contains("1.3.9"), "Customer Bill Invoice Management");
        assertTrue(ids(search("service activation managem", "26.0")).contains("1.4.5"), "a word typed in part still meets the word as written");
    }

    @Test
    void aTelecomSynonymFindsItsPartnerAndTheWordItself() {
        // "fault, trouble, incident, problem, issue, ticket" is one line of the shipped file
        List<Map<String, String>> rows = search("ticket", "26.0");
        assertTrue(rows.stream().anyMatch(r -> r.get("name").contains("Trouble")), "ticket finds Trouble: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.get("name").contains("Problem")), "and Problem: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.get("marked").contains("<mark>Trouble</mark>")), rows.toString());
        // a one-way rule ("check => verify, validate") still finds the word typed
        assertTrue(search("catalogue", "26.0").stream().anyMatch(r -> r.get("name").contains("Catalog")), "catalogue, catalog");
    }

    @Test
    void anExactNameOrIdentifierStaysFirstOverStemsAndSynonyms() {
        assertEquals("1.3.9", search("customer bill invoice management", "26.0").get(0).get("identifier"));
        assertEquals("1.3.9", search("1.3.9", "26.0").get(0).get("identifier"));
        assertEquals("1.6.15", search("BP Bill/Invoice Management", "26.0").get(0).get("identifier"));
    }

    @Test
    void aHitShowsItsPathAndItsNameMarkedAsSafeHtml() {
        Map<String, String> hit = row(search("create customer bill invoice", "26.0"), "1.3.9.2");
        assertEquals("Customer Domain › Customer Bill Invoice Management", hit.get("path"));
        assertEquals("<mark>Create</mark> <mark>Customer</mark> <mark>Bill</mark> <mark>Invoice</mark>", hit.get("marked"));
        assertEquals("", row(search("1.3", "26.0"), "1.3").get("path"), "a domain sits at the top");
        assertEquals("Customer Domain", row(search("customer bill invoice", "26.0"), "1.3.9").get("path"));
    }

    // ---- what the store learns --------------------------------------------------------------

    @Test
    void aDescriptionImportedToTheStoreIsSearchableAndAReplacedOneIsNot() {
        assertEquals(List.of(), search("zebrafish", "26.0"));
        describe("26.0", Map.of("1.4.5.8", "Tells the zebrafish desk that the service order is closed."));
        List<Map<String, String>> rows = search("zebrafish desk", "26.0");
        assertEquals(List.of("1.4.5.8"), ids(rows));
        assertEquals("description", rows.get(0).get("match"));
        assertEquals("Close Service Order", rows.get(0).get("name"));

        describe("26.0", Map.of("1.4.5.8", "Tells the service desk that the order is closed."));
        assertEquals(List.of(), search("zebrafish", "26.0"), "the replaced description is still found");
        assertEquals(List.of("1.4.5.8"), ids(search("desk closed", "26.0")));
    }

    @Test
    void anExtensionStoredOverTheApiIsSearchableUntilDeleted() throws IOException {
        assertEquals(List.of(), search("web shop", "25.5"));
        HttpResponse<String> put = api.put("/api/extensions/nordlicht", "text/turtle", Files.readString(NORDLICHT), "Authorization", AUTH);
        assertTrue(put.statusCode() / 100 == 2, put.statusCode() + " " + put.body());

        List<Map<String, String>> rows = search("web shop order", "25.5");
        assertTrue(ids(rows).containsAll(List.of("2.3.3.10.1", "2.3.3.10.1.3")), rows.toString());
        assertEquals("Capture Web Shop Order", rows.get(0).get("name"), "the shortest name holding the words ranks first");
        Map<String, String> local = search("kundenauftrag", "25.5").get(0);
        assertEquals(List.of("1.3.3.10", "local name"), List.of(local.get("identifier"), local.get("match")));
        assertEquals(ids(search("kundenstörungs", "25.5")), ids(search("Kundenstorungsmanagement", "25.5")), "accents fold");
        assertEquals(List.of(), search("web shop order", "26.0"), "the extension targets 25.5");

        assertEquals(204, api.delete("/api/extensions/nordlicht", "Authorization", AUTH).statusCode());
        assertEquals(List.of(), search("web shop", "25.5"), "a deleted extension is still found");
        assertEquals(List.of(), search("kundenauftrag", "25.5"));
    }

    // ---- hostile text ------------------------------------------------------------------------

    static final List<String> ODD = List.of("", " ", "\"", "\"order", "order\"", "AND (", "order AND (", "OR", "NOT order", "*", "~", "?",
        "order~2", "\"order hand\"~3", "\\", "\\\\", "order\\", "text:order", "uri:x", "order^10", "[a TO z]", "{a TO z}", "/order/",
        "-order", "+", "&&", "||", "!", "(", ")", "order)", ".", "1.", ".4", "1..4", "…", "'; DROP ALL; --", "\" } UNION { ?s ?p ?o } #",
        "x".repeat(500), "order ".repeat(100), "1.4.".repeat(125), "a ".repeat(250), "Ünïcödé ørder", "\u0000order", "order\nhand");

    @Test
    void oddAndHostileTextAnswers200WithWhatItsLettersAndDigitsFind() {
        long before = TestStores.quads(store);
        for (String value : ODD) {
            HttpResponse<String> r = api.get("/api/queries/search?release=26.0&text=" + encode(value), "Accept", "text/csv");
            assertEquals(200, r.statusCode(), value + ": " + r.body());
            assertEquals("identifier,name,level,score,match,path,marked", r.body().lines().findFirst().orElse(""), value);
            assertEquals(search(wordsOf(value), "26.0"), search(value, "26.0"), "'" + value + "' finds more than its words");
        }
        assertEquals(ids(search("order hand", "26.0")), ids(search("\"order\" (hand*", "26.0")));
        assertEquals(before, TestStores.quads(store), "the store changed");
    }

    /** Letters, digits and a dot between digits, as the query keeps them. */
    private static String wordsOf(String value) {
        return value.replaceAll("[^\\p{L}\\p{N}.]+", " ").replaceAll("(?<!\\p{N})\\.|\\.(?!\\p{N})", " ").strip();
    }

    // ---- across a rebuild ------------------------------------------------------------------

    @Test
    void theIndexSurvivesARebuildAndIndexesTheUsersGraphs() throws IOException {
        api.put("/api/extensions/nordlicht", "text/turtle", Files.readString(NORDLICHT), "Authorization", AUTH);
        describe("26.0", Map.of("1.4.5.8", "Tells the zebrafish desk that the service order is closed."));
        server.close();
        store.close();
        try {
            new StoreBuilder().rebuild(TestStores.ONTOLOGY, data);
            assertTrue(Files.isDirectory(data.resolve("store/text-index")), "the index moves with the store");
        } finally {
            start();
        }
        assertEquals(List.of("1.4.5.8"), ids(search("zebrafish", "26.0")));
        assertTrue(ids(search("web shop", "25.5")).contains("2.3.3.10.1"));

        // a store built before there was an index gets one when opened
        server.close();
        store.close();
        deleteTree(data.resolve("store/text-index"));
        start();
        assertEquals(List.of("1.4.5.8"), ids(search("zebrafish", "26.0")));
        assertEquals("1.4.5", search("1.4.5", "26.0").get(0).get("identifier"));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void describe(String release, Map<String, String> descriptions) {
        List<SourceRow> rows = new ArrayList<>();
        descriptions.forEach((id, text) -> rows.add(new SourceRow("row " + id, id, null, null, null, null, null, null, null, text)));
        new DescriptionImport(store).load(new ReleaseSource(ReleaseVersion.of(release), "test", "test", rows, List.of()));
    }

    static List<Map<String, String>> search(String text, String release) {
        HttpResponse<String> r = api.get("/api/queries/search?release=" + release + "&text=" + encode(text),
            "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), text + ": " + r.body());
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode b : json(r).path("results").path("bindings")) {
            Map<String, String> row = new LinkedHashMap<>();
            b.fieldNames().forEachRemaining(f -> row.put(f, b.path(f).path("value").asText()));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String identifier) {
        return rows.stream().filter(r -> r.get("identifier").equals(identifier)).findFirst()
            .orElseThrow(() -> new AssertionError(identifier + " not found: " + rows));
    }

    private static List<String> ids(List<Map<String, String>> rows) {
        return rows.stream().map(r -> r.get("identifier")).toList();
    }

    /** Names that begin with the words first, then the rest; by descending score within each. */
    private static void assertRanked(List<Map<String, String>> rows, String words) {
        java.util.function.Predicate<Map<String, String>> begins =
            r -> r.get("name").toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().startsWith(words);
        for (int i = 1; i < rows.size(); i++) {
            Map<String, String> before = rows.get(i - 1), after = rows.get(i);
            assertTrue(begins.test(before) || !begins.test(after), "a name beginning with the words comes first: " + rows);
            if (begins.test(before) == begins.test(after))
                assertTrue(Double.parseDouble(before.get("score")) >= Double.parseDouble(after.get("score")), rows.toString());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
