package org.etomkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ShippedStore;
import org.etomkg.store.StoreContents;
import org.etomkg.suggest.TelecomSynonyms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs every named query of {@code queries/} against a store built from the real ontology
 * files, checks the answers against the sources (or against a plain query written here), and
 * shows that parameter values are bound as terms: hostile text stays text and changes nothing.
 */
class NamedQueriesTest {
    static final Path QUERIES = Path.of("queries").toAbsolutePath();
    static final String PREFIXES = """
        PREFIX etom: <https://w3id.org/etom-kg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;
    static final List<String> RELEASES = List.of("23.0.1", "23.5", "24.0", "24.5", "25.0", "25.5", "26.0");

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static RDFConnection connection;
    static QueryRunner runner;

    @BeforeAll
    static void buildTheStore() {
        Path data = ShippedStore.copyTo(tmp.resolve("data"));
        store = KnowledgeStore.open(data);
        connection = store.connect();
        runner = new QueryRunner(connection, 60);
    }

    @AfterAll
    static void closeTheStore() {
        connection.close();
        store.close();
    }

    // ---- the files -------------------------------------------------------------------------

    @Test
    void everyQueryFileParsesAndSaysWhatItDoes() throws IOException {
        for (Path dir : List.of(QUERIES, QUERIES.resolve("checks"))) {
            List<NamedQuery> queries = QueryFiles.readAll(dir);
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(files.filter(f -> f.toString().endsWith(".rq")).count(), queries.size(), "every .rq file of " + dir);
            }
            assertFalse(queries.isEmpty());
            boolean checks = dir.endsWith("checks");
            for (NamedQuery q : queries) {
                String where = q.file().toString();
                assertFalse(q.title().isBlank(), where + ": title");
                if (checks) {
                    assertTrue(q.severity().isPresent() && List.of("ERROR", "WARN", "INFO").contains(q.severity().get()), where + ": severity");
                    assertFalse(q.message().orElse("").isBlank(), where + ": message");
                } else {
                    assertFalse(q.description().isBlank(), where + ": description");
                }
                assertTrue(q.query().isSelectType(), where + ": only SELECT queries are answered");
                Set<String> vars = OpVars.mentionedVars(Algebra.compile(q.query())).stream().map(Var::getVarName).collect(Collectors.toSet());
                for (QueryParameter p : q.parameters()) {
                    assertTrue(vars.contains(p.name()), where + ": parameter ?" + p.name() + " is not used by the query");
                    assertFalse(p.description().isBlank(), where + ": parameter " + p.name() + " has no description");
                    if (!p.required()) p.toNode(p.defaultValue());   // a default must be a valid value of its type
                }
            }
        }
    }

    @Test
    void theReadmeTableNamesEveryNamedQuery() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = QueryFiles.readAll(QUERIES).stream().map(NamedQuery::name)
            .filter(n -> !readme.contains("| `" + n + "` |")).toList();
        assertEquals(List.of(), missing, "named queries the README's table does not list");
    }

    @Test
    void everyNamedQueryRunsWithItsDefaultsOrAnExampleValue() {
        Map<String, String> examples = Map.of("id", "1.3.3", "text", "order", "domain", "Resource", "group", "Assurance");
        // These answer over a stored extension; ExtensionQueriesTest (and, for extension-processes,
        // PublicationTest's CSV download) runs them over the example one.
        Set<String> aboutExtensions = Set.of("bottlenecks", "redundancy", "flow-accountability", "extension-overlay", "process-extensions", "extension-process",
            "extension-processes", "flow-steps", "process-flows");
        for (NamedQuery q : QueryFiles.readAll(QUERIES)) {
            if (aboutExtensions.contains(q.name())) continue;
            Map<String, String> values = new HashMap<>();
            q.parameters().stream().filter(QueryParameter::required).forEach(p -> values.put(p.name(), examples.get(p.name())));
            QueryResult r = runner.run(q, values);
            assertFalse(r.rows().isEmpty(), q.name() + " answered nothing with " + values);
        }
    }

    // ---- the answers -----------------------------------------------------------------------

    @Test
    void releaseSummaryOf25_5CountsEachLevel() {
        QueryResult r = run("release-summary", Map.of("release", "25.5"));
        assertEquals(List.of("level", "count"), r.columns());
        assertEquals(List.of(List.of("1", "8"), List.of("2", "120"), List.of("3", "630"), List.of("4", "1459"),
            List.of("5", "450"), List.of("6", "167"), List.of("7", "67")), cells(r, "level", "count"));
        // TM Forum's own spellings of a release number name the same release
        assertEquals(cells(r, "level", "count"), cells(run("release-summary", Map.of("release", "v25,5")), "level", "count"));
    }

    @Test
    void subtreeHoldsTheProcessAndEverythingBelowIt() {
        List<Map<String, String>> rows = rows(run("subtree", Map.of("id", "1.3.3", "release", "26.0")));
        assertEquals("1.3.3", rows.get(0).get("identifier"));
        assertEquals("2", rows.get(0).get("level"));
        Set<String> ids = new HashSet<>();
        for (Map<String, String> row : rows) {
            String id = row.get("identifier");
            assertTrue(id.equals("1.3.3") || id.startsWith("1.3.3."), id);
            assertTrue(ids.add(id), "listed twice: " + id);
        }
        for (Map<String, String> row : rows)
            if (!row.get("identifier").equals("1.3.3")) assertTrue(ids.contains(row.get("parent")), row.toString());
        long below = count("""
            SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
              ?e skos:inScheme/etom:version "26.0" ; skos:notation ?id . FILTER STRSTARTS(?id, "1.3.3.")
            }""");
        assertEquals(below + 1, rows.size());
    }

    @Test
    void pathToRootClimbsFromADeepProcessToItsDomain() {
        List<Map<String, String>> rows = rows(run("path-to-root", Map.of("id", "1.2.7.2.1.2.6.1", "release", "26.0")));
        assertEquals(List.of("1.2", "1.2.7", "1.2.7.2", "1.2.7.2.1", "1.2.7.2.1.2", "1.2.7.2.1.2.6", "1.2.7.2.1.2.6.1"),
            rows.stream().map(r -> r.get("identifier")).toList());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), rows.stream().map(r -> r.get("level")).toList());
        assertEquals("Product Domain", rows.get(0).get("name"));
        assertEquals("Manage New Product Offering Involved Party", rows.get(6).get("name"));

        assertEquals(List.of("1.3", "1.3.3"), rows(run("path-to-root", Map.of("id", "1.3.3"))).stream().map(r -> r.get("identifier")).toList());
        assertTrue(run("path-to-root", Map.of("id", "1.3.3.99.99")).rows().isEmpty());
    }

    @Test
    void mapCellResourceByAssuranceIn25_5() {
        QueryResult r = run("map-cell", Map.of("domain", "Resource", "group", "Assurance", "release", "25.5"));
        Set<String> ids = rows(r).stream().map(row -> row.get("identifier")).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(ids.isEmpty());
        assertEquals(r.rows().size(), ids.size());
        Set<String> expected = new TreeSet<>(strings("""
            SELECT ?id WHERE {
              ?e skos:inScheme/etom:version "25.5" ; skos:notation ?id ;
                 etom:domain etom:ResourceDomain ; etom:verticalGroup etom:Assurance .
            }""", "id"));
        assertEquals(expected, ids, "every element of the cell is in Resource and Assurance, and every such element is in the cell");
        assertEquals(cells(r, "identifier"), cells(run("map-cell", Map.of("domain", "resource", "group", "ASSURANCE")), "identifier"),
            "names match in any case, and 25.5 is the default release");
    }

    @Test
    void processLooksAnIdentifierUpInEveryRelease() {
        List<Map<String, String>> selling = rows(run("process", Map.of("id", "1.12.9")));
        assertEquals(List.of("25.5", "26.0"), selling.stream().map(r -> r.get("release")).toList());
        for (Map<String, String> row : selling) {
            assertEquals("Selling", row.get("name"));
            assertEquals("1.12", row.get("parent"));
            assertEquals("Sales", row.get("domain"));
        }
        List<Map<String, String>> old = rows(run("process", Map.of("id", "1.1.9")));
        assertEquals(List.of("23.0.1", "23.5", "24.0", "24.5", "25.0"), old.stream().map(r -> r.get("release")).toList());
        assertTrue(old.stream().allMatch(r -> r.get("name").equals("Selling") && r.get("level").equals("2")));
    }

    @Test
    void searchFindsNamesHoldingEveryWordInAnyOrderAndCase() {
        List<Map<String, String>> rows = rows(run("search", Map.of("text", "SELLING", "release", "25.5")));
        assertTrue(rows.stream().anyMatch(r -> r.get("identifier").equals("1.12.9") && r.get("name").equals("Selling")));
        assertEquals("1.12.9", rows.get(0).get("identifier"), "the exact name comes first");
        assertEquals(searchOracle("25.5", "SELLING"), idsAndNames(rows));
        for (String text : List.of("Market & Sales", "sales market", "order hand", "customer ord", "customer o", "1.3.3", "1.3.3.10.2", "o", "or"))
            assertEquals(searchOracle("25.0", text), idsAndNames(rows(run("search", Map.of("text", text, "release", "25.0")))), text);
    }

    @Test
    void releaseDiffFrom25_0To25_5() {
        List<Map<String, String>> rows = rows(run("release-diff", Map.of("from", "25.0", "to", "25.5")));
        Set<String> changes = rows.stream().map(r -> r.get("identifier") + " " + r.get("change")).collect(Collectors.toSet());
        assertTrue(changes.contains("1.1.9 removed") || changes.contains("1.1.9 renamed"), "Selling left 1.1.9");
        assertTrue(changes.contains("1.12.9 added"), "Selling arrived at 1.12.9");

        // the whole answer, computed here from the two releases' names
        Map<String, String> before = namesOf("25.0"), after = namesOf("25.5");
        Set<String> expected = new HashSet<>();
        before.forEach((id, name) -> {
            if (!after.containsKey(id)) expected.add(id + " removed");
            else if (!after.get(id).equals(name)) expected.add(id + " renamed");
        });
        after.keySet().stream().filter(id -> !before.containsKey(id)).forEach(id -> expected.add(id + " added"));
        assertEquals(expected, changes);
        assertEquals(expected.size(), rows.size());
    }

    @Test
    void flaggedElementsAreTheElementsWithAQualityFlag() {
        QueryResult r = run("flagged-elements", Map.of("release", "25.5"));
        assertEquals(count("""
            SELECT (COUNT(*) AS ?n) WHERE { ?e skos:inScheme/etom:version "25.5" ; etom:qualityFlag ?f }"""), r.rows().size());
        assertTrue(r.rows().size() > 0);
        assertTrue(rows(r).stream().allMatch(row -> !row.get("flag").isBlank()));
    }

    @Test
    void retiredProcessesOf25_5() {
        List<Map<String, String>> rows = rows(run("retired-processes", Map.of("release", "25.5")));
        assertEquals(532, rows.size());
        assertEquals(532, rows.stream().map(r -> r.get("uid")).distinct().count());
        assertTrue(run("retired-processes", Map.of("release", "26.0")).rows().isEmpty());
    }

    @Test
    void releasesListsEveryReleaseWithItsCounts() {
        List<Map<String, String>> rows = rows(run("releases", Map.of()));
        assertEquals(RELEASES, rows.stream().map(r -> r.get("release")).toList());
        Map<String, String> elements = new LinkedHashMap<>();
        rows.forEach(r -> elements.put(r.get("release"), r.get("elements") + "/" + r.get("retired")));
        assertEquals(Map.of("23.0.1", "2563/0", "23.5", "2770/0", "24.0", "2853/0", "24.5", "2836/0", "25.0", "2854/0",
            "25.5", "2901/532", "26.0", "2923/0"), elements);
    }

    // ---- values are terms, never query text ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "\"} UNION { ?s ?p ?o }",
        "\" } UNION { ?element ?p ?name } #",
        "x\") || true || (\"",
        "DROP ALL",
        "\" } ; DROP ALL ; SELECT * { \"",
        "Selling\"\nDROP ALL #",
        "line one\nline two",
        "# a comment",
        "'; DROP ALL; --",
        "}}}{{{",
        "\\\"\\\\",
        "<https://w3id.org/etom-kg/ontology#ProcessElement>",
        "?name",
        "$release",
    })
    void hostileTextIsJustText(String hostile) {
        long quads = quads();
        assertEquals(searchOracle("26.0", hostile), idsAndNames(rows(run("search", Map.of("text", hostile)))));
        assertTrue(run("map-cell", Map.of("domain", hostile, "group", "Assurance")).rows().isEmpty());
        assertTrue(run("map-cell", Map.of("domain", "Resource", "group", hostile)).rows().isEmpty());
        assertEquals(quads, quads(), "the store changed");
    }

    @Test
    void hostileTextInATypedParameterIsRefusedBeforeItReachesTheQuery() {
        long quads = quads();
        assertInvalid("path-to-root", Map.of("id", "1.3.3\" } UNION { ?s ?p ?o } #"), "id");
        assertInvalid("release-summary", Map.of("release", "25.5\" } DROP ALL #"), "release");
        assertEquals(quads, quads());
    }

    @Test
    void illTypedValuesNameTheParameter() throws IOException {
        assertInvalid("path-to-root", Map.of("id", "1.x"), "id");
        assertInvalid("subtree", Map.of("id", "3.3"), "id");
        assertInvalid("release-summary", Map.of("release", "abc"), "release");
        assertInvalid("release-diff", Map.of("from", "25.0", "to", ""), "to");

        Path file = Files.createDirectories(tmp.resolve("extra")).resolve("down-to.rq");
        Files.writeString(file, """
            # @title Elements down to a level
            # @description How many process elements a release has down to a level.
            # @param depth integer = 3 The deepest level to count.
            # @param scheme iri = https://w3id.org/etom-kg/release/25.5 The release's IRI.
            """ + PREFIXES + """
            SELECT (COUNT(?e) AS ?n) WHERE { ?e skos:inScheme ?scheme ; etom:level ?l . FILTER (?l <= ?depth) }
            """);
        NamedQuery deep = QueryFiles.read(file);
        assertEquals("128", rows(runner.run(deep, Map.of("depth", "2"))).get(0).get("n"));   // 8 domains and 120 at level 2
        assertInvalid(deep, Map.of("depth", "1e9"), "depth");
        assertInvalid(deep, Map.of("depth", "2.0"), "depth");
        assertInvalid(deep, Map.of("depth", "2) || (true"), "depth");
        assertInvalid(deep, Map.of("depth", "12345678901234567890"), "depth");
        assertInvalid(deep, Map.of("scheme", "not an iri"), "scheme");
        assertInvalid(deep, Map.of("scheme", "https://w3id.org/x> } UNION { ?s ?p ?o } <y"), "scheme");
    }

    @Test
    void missingAndUnknownParametersAreNamed() {
        assertInvalid("path-to-root", Map.of(), "id");
        assertInvalid("map-cell", Map.of("domain", "Resource"), "group");
        assertInvalid("release-summary", Map.of("releese", "25.5"), "releese");
    }

    @Test
    void aQueryFileThatIsNotAQueryNamesTheFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad-queries"));
        Path update = Files.writeString(dir.resolve("drop.rq"), "# @title Drop\n# @description Not a query.\nDROP ALL\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryFiles.read(update));
        assertTrue(e.getMessage().contains("drop.rq:3:1:"), e.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.rq"), "# @title Broken\nSELECT * {\n  ?s ?p }\n");
        e = assertThrows(IllegalArgumentException.class, () -> QueryFiles.read(broken));
        assertTrue(e.getMessage().contains("broken.rq:3:9:"), e.getMessage());

        Path untitled = Files.writeString(dir.resolve("untitled.rq"), "# @description No title.\nSELECT * { ?s ?p ?o }\n");
        e = assertThrows(IllegalArgumentException.class, () -> QueryFiles.read(untitled));
        assertTrue(e.getMessage().contains("untitled.rq") && e.getMessage().contains("@title"), e.getMessage());

        Path ask = Files.writeString(dir.resolve("ask.rq"), "# @title Ask\nASK { ?s ?p ?o }\n");
        e = assertThrows(IllegalArgumentException.class, () -> runner.run(QueryFiles.read(ask), Map.of()));
        assertTrue(e.getMessage().contains("SELECT"), e.getMessage());

        assertTrue(QueryFiles.find(QUERIES, "../queries/releases").isEmpty(), "a name is not a path");
    }

    // ---- output formats --------------------------------------------------------------------

    @Test
    void tableOutputReadsLikeASpreadsheet() {
        String table = ResultFormat.table.format(run("release-summary", Map.of("release", "25.5")));
        List<String> lines = table.lines().toList();
        assertEquals("level | count", lines.get(0));
        assertEquals("------+------", lines.get(1));
        assertEquals("1     | 8", lines.get(2));
        assertEquals("7     | 67", lines.get(8));
        assertEquals("(7 rows)", lines.get(9));
        assertEquals(10, lines.size());

        List<String> one = ResultFormat.table.format(run("path-to-root", Map.of("id", "1.3"))).lines().toList();
        assertEquals(List.of("level | identifier | name", "------+------------+----------------", "1     | 1.3        | Customer Domain", "(1 row)"), one);
        List<String> none = ResultFormat.table.format(run("path-to-root", Map.of("id", "1.3.3.99"))).lines().toList();
        assertEquals(List.of("level | identifier | name", "------+------------+-----", "(0 rows)"), none);
    }

    @Test
    void csvOutputHasAHeaderAndQuotesWhereNeeded() {
        String csv = ResultFormat.csv.format(run("release-summary", Map.of("release", "25.5")));
        List<String> lines = csv.lines().toList();
        assertEquals(List.of("level,count", "1,8", "2,120", "3,630", "4,1459", "5,450", "6,167", "7,67"), lines);

        String withCommas = ResultFormat.csv.format(run("search", Map.of("text", "Pricing, Discounting", "release", "25.5")));
        assertTrue(withCommas.lines().skip(1).allMatch(l -> l.contains("\"") && l.contains("Pricing, Discounting")), withCommas);
        assertTrue(withCommas.lines().count() > 1);
    }

    @Test
    void jsonOutputIsSparqlResultsJson() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ResultFormat.json.format(run("release-summary", Map.of("release", "25.5"))));
        assertEquals(List.of("level", "count"), stringsOf(json.path("head").path("vars")));
        JsonNode bindings = json.path("results").path("bindings");
        assertEquals(7, bindings.size());
        JsonNode first = bindings.get(0);
        assertEquals("literal", first.path("level").path("type").asText());
        assertEquals("1", first.path("level").path("value").asText());
        assertEquals("http://www.w3.org/2001/XMLSchema#integer", first.path("level").path("datatype").asText());
        assertEquals("8", first.path("count").path("value").asText());

        JsonNode names = new ObjectMapper().readTree(ResultFormat.json.format(run("process", Map.of("id", "1.12.9"))));
        assertEquals("Selling", names.path("results").path("bindings").get(0).path("name").path("value").asText());
        assertEquals("en", names.path("results").path("bindings").get(0).path("name").path("xml:lang").asText());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static QueryResult run(String name, Map<String, String> values) {
        return runner.run(QueryFiles.find(QUERIES, name).orElseThrow(), values);
    }

    private static void assertInvalid(String name, Map<String, String> values, String parameter) {
        assertInvalid(QueryFiles.find(QUERIES, name).orElseThrow(), values, parameter);
    }

    private static void assertInvalid(NamedQuery q, Map<String, String> values, String parameter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.run(q, values), q.name() + " " + values);
        assertTrue(e.getMessage().contains(parameter), "'" + e.getMessage() + "' does not name " + parameter);
    }

    private static String plain(Node n) {
        if (n == null) return null;
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    private static List<Map<String, String>> rows(QueryResult r) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Binding b : r.rows()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String c : r.columns()) row.put(c, plain(b.get(Var.alloc(c))));
            out.add(row);
        }
        return out;
    }

    private static List<List<String>> cells(QueryResult r, String... columns) {
        return rows(r).stream().map(row -> Stream.of(columns).map(row::get).toList()).toList();
    }

    private static Set<String> idsAndNames(List<Map<String, String>> rows) {
        return rows.stream().map(r -> r.get("identifier") + " " + r.get("name")).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * What search should answer, worked out here over every name and identifier of the release:
     * each word typed (letters and digits; a dot between digits stays in the word) is a word of
     * the name, or the identifier, in any case and order, as written, by its Porter stem, or as a
     * telecom synonym of the word typed (ontology/suggest/telecom-synonyms.txt); the last may also
     * be the start of a word as written or of its stem, unless it is all that was typed and one character long.
     */
    private static Set<String> searchOracle(String release, String text) {
        List<String> typed = words(text);
        Set<String> out = new TreeSet<>();
        if (typed.isEmpty()) return out;
        String last = typed.get(typed.size() - 1);
        List<Set<String>> wanted = typed.stream().map(NamedQueriesTest::formsTyped).toList();
        namesOf(release).forEach((id, name) -> {
            for (List<String> words : List.of(words(name), List.of(id))) {
                Set<String> have = new HashSet<>();
                words.forEach(w -> { have.add(w); have.add(porter(w)); });
                boolean all = wanted.subList(0, typed.size() - 1).stream().allMatch(f -> f.stream().anyMatch(have::contains))
                    && (wanted.get(typed.size() - 1).stream().anyMatch(have::contains)
                        || String.join(" ", typed).length() > 1 && have.stream().anyMatch(w -> w.startsWith(last)));
                if (all) out.add(id + " " + name);
            }
        });
        return out;
    }

    private static final TelecomSynonyms SYNONYMS = TelecomSynonyms.inFolder(ShippedStore.ONTOLOGY);

    /** A word typed, its synonyms, and the stems of all of them. */
    private static Set<String> formsTyped(String word) {
        Set<String> out = new HashSet<>();
        for (String w : Stream.concat(Stream.of(word), SYNONYMS.partnersOf(word).stream()).toList()) {
            out.add(w);
            out.add(porter(w));
        }
        return out;
    }

    private static String porter(String word) {
        try (var stems = new org.apache.lucene.analysis.Analyzer() {
                @Override protected TokenStreamComponents createComponents(String field) {
                    var whole = new org.apache.lucene.analysis.core.KeywordTokenizer();
                    return new TokenStreamComponents(whole, new org.apache.lucene.analysis.en.PorterStemFilter(whole));
                }
            }; var t = stems.tokenStream("w", word)) {
            var term = t.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            t.reset();
            t.incrementToken();
            String stem = term.toString();
            t.end();
            return stem;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("(?:[\\p{L}\\p{N}]|(?<=\\p{N})\\.(?=\\p{N}))+").matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) out.add(m.group());
        return out;
    }

    private static Map<String, String> namesOf(String release) {
        Map<String, String> out = new HashMap<>();
        for (QuerySolution s : select(PREFIXES + """
                SELECT ?id ?name WHERE { ?e a etom:ProcessElement ; skos:inScheme/etom:version "%s" ; skos:notation ?id ; rdfs:label ?name }
                """.formatted(release)))
            out.put(s.getLiteral("id").getString(), s.getLiteral("name").getString());
        return out;
    }

    private static long count(String query) {
        return select(PREFIXES + query).get(0).getLiteral("n").getLong();
    }

    private static List<String> strings(String query, String column) {
        return select(PREFIXES + query).stream().map(s -> s.getLiteral(column).getString()).toList();
    }

    private static List<String> stringsOf(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<QuerySolution> select(String query) {
        return Txn.calculateRead(connection, () -> {
            try (QueryExecution qe = connection.query(query)) {
                List<QuerySolution> rows = new ArrayList<>();
                qe.execSelect().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    private static long quads() {
        return StoreContents.quads(store);
    }
}
