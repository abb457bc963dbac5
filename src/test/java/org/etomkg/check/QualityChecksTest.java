package org.etomkg.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ShippedStore;
import org.etomkg.store.OntologyFiles;
import org.etomkg.store.StoreBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quality checks of {@code queries/checks/}: on the shipped releases they find no error and
 * warn exactly where the importer flagged a source quirk; and each check can fail. The failing
 * cases live in {@code src/test/resources/store/checks/}, one file per case, each adding to a
 * tiny valid release the triples that break one rule and naming, in its header, the check that
 * must report it ({@code # @check}) and what it must report ({@code # @offender}). Where breaking
 * one rule cannot help breaking others (a cycle breaks the level rule too), the case names the
 * others that may also report it ({@code # @also}).
 */
class QualityChecksTest {
    static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();
    static final Path CHECKS = Path.of("queries", "checks").toAbsolutePath();
    static final String CASE_GRAPH = "urn:etom-kg-test:quality-check-case";
    static final Pattern HEADER = Pattern.compile("^#\\s*@(check|offender)\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    @TempDir static Path tmp;
    static QualityChecks checks;
    static List<Finding> shippedFindings;
    static Set<String> flaggedInTheShippedStore;
    static List<ReleaseReach> reachInTheShippedStore;
    static KnowledgeStore small;

    @BeforeAll
    static void runTheChecksOnTheShippedStore() throws IOException {
        checks = new QualityChecks(CHECKS);
        Path data = ShippedStore.copyTo(tmp.resolve("shipped"));
        try (KnowledgeStore store = KnowledgeStore.open(data); var conn = store.connect()) {
            shippedFindings = checks.run(new QueryRunner(conn, 120));
            flaggedInTheShippedStore = Txn.calculateRead(conn, () -> {
                try (QueryExecution qe = conn.query("""
                        PREFIX etom: <https://w3id.org/etom-kg/ontology#>
                        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                        SELECT ?release ?identifier ?flag WHERE {
                          ?e etom:qualityFlag ?f ; skos:notation ?identifier ; skos:inScheme/etom:version ?release .
                          ?f rdfs:label ?flag .
                        }""")) {
                    Set<String> out = new TreeSet<>();
                    qe.execSelect().forEachRemaining(s -> out.add(key(s)));
                    return out;
                }
            });
            reachInTheShippedStore = Txn.calculateRead(conn, () -> {
                try (QueryExecution qe = conn.query(REACH)) {
                    List<ReleaseReach> out = new java.util.ArrayList<>();
                    qe.execSelect().forEachRemaining(s -> out.add(new ReleaseReach(s.getLiteral("release").getString(),
                        s.getLiteral("processes").getLong(), s.getLiteral("reaching").getLong(), s.getLiteral("belowAnOrphan").getLong())));
                    return out;
                }
            });
        }

        // The failing cases run on a store of the meta-model alone, which checks in a moment.
        Path metaOnly = Files.createDirectories(tmp.resolve("meta-only"));
        Files.copy(ONTOLOGY.resolve("etom-meta.ttl"), metaOnly.resolve("etom-meta.ttl"));
        Path smallData = tmp.resolve("small");
        new StoreBuilder().rebuild(metaOnly, smallData);
        small = KnowledgeStore.open(smallData);
    }

    @AfterAll
    static void closeTheSmallStore() {
        small.close();
    }

    @AfterEach
    void removeTheCase() {
        small.replaceGraph(CASE_GRAPH, GraphFactory.createDefaultGraph());
    }

    // ---- the shipped releases --------------------------------------------------------------

    @Test
    void theShippedReleasesHaveNoErrors() {
        List<Finding> errors = shippedFindings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertTrue(errors.isEmpty(), () -> errors.size() + " errors, such as " + errors.subList(0, Math.min(5, errors.size())));
    }

    @Test
    void theSkosChecksFindNoErrorInTheShippedReleases() {
        List<Finding> errors = shippedFindings.stream()
            .filter(f -> f.check().startsWith("skos-") && f.severity() == Severity.ERROR).toList();
        assertTrue(errors.isEmpty(), () -> errors.size() + " SKOS errors, such as " + errors.subList(0, Math.min(5, errors.size())));
        assertEquals(9, checks.checks().stream().filter(q -> q.name().startsWith("skos-")).count());
    }

    /**
     * Counted by a query of its own, not by the skos-reaches-domain check: in every release,
     * every process below level 1 reaches the top concept of its own domain by skos:broader+,
     * except the orphans the release's source has (flagged, and warned about) and what lies
     * below them.
     */
    @Test
    void inEveryReleaseEveryProcessReachesItsDomainBySkosBroader() {
        assertEquals(7, reachInTheShippedStore.size(), reachInTheShippedStore::toString);
        for (ReleaseReach r : reachInTheShippedStore) {
            assertTrue(r.processes() > 2000, r::toString);
            assertEquals(r.processes() - r.belowAnOrphan(), r.reaching(), r::toString);
        }
    }

    /** Warnings are the source quirks the importer flagged, and the names TM Forum repeats within a release. */
    @Test
    void theWarningsAreTheSourceQuirksTheImporterFlagged() {
        List<Finding> warnings = shippedFindings.stream().filter(f -> f.severity() == Severity.WARN && f.check().equals("source-quirks")).toList();
        Set<String> otherWarnings = shippedFindings.stream().filter(f -> f.severity() == Severity.WARN && !f.check().equals("source-quirks"))
            .map(Finding::check).collect(Collectors.toSet());
        assertTrue(Set.of("skos-overlapping-labels").containsAll(otherWarnings), otherWarnings::toString);
        Set<String> warned = warnings.stream()
            .map(f -> f.values().get("release") + " " + f.values().get("identifier") + " " + f.values().get("flag"))
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(flaggedInTheShippedStore, warned);
        assertEquals(warned.size(), warnings.size(), "one warning per flag");
        assertFalse(warned.isEmpty());
        assertTrue(shippedFindings.stream().allMatch(f -> f.severity() != Severity.INFO && !f.message().isBlank()));
    }

    // ---- each check can fail ---------------------------------------------------------------

    @Test
    void theMiniReleasePassesEveryCheck() throws IOException {
        small.replaceGraph(CASE_GRAPH, caseGraph(null));
        assertEquals(List.of(), run(small));
    }

    @Test
    void everyErrorCheckHasAFailingCase() throws IOException {
        Set<String> errorChecks = checks.checks().stream().filter(q -> q.severity().orElse("").equals("ERROR"))
            .map(NamedQuery::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = new TreeSet<>();
        for (Path c : cases()) covered.add(header(c, "check"));
        assertTrue(covered.containsAll(errorChecks), "checks without a failing case: " + minus(errorChecks, covered));
        assertEquals(17, errorChecks.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCaseBreaksExactlyItsOwnRule(Path caseFile) throws IOException {
        String check = header(caseFile, "check");
        String offender = header(caseFile, "offender");
        small.replaceGraph(CASE_GRAPH, caseGraph(caseFile));

        List<Finding> findings = run(small);
        assertFalse(findings.isEmpty(), caseFile.getFileName() + " passed every check");
        Set<String> allowed = new TreeSet<>(also(caseFile));
        allowed.add(check);
        Set<String> reporting = findings.stream().map(Finding::check).collect(Collectors.toSet());
        assertTrue(reporting.contains(check) && allowed.containsAll(reporting),
            () -> caseFile.getFileName() + " should be reported by " + allowed + " only, and by " + check + ": " + findings);
        assertTrue(findings.stream().anyMatch(f -> f.values().values().stream().anyMatch(v -> v.equals(offender))),
            () -> check + " did not name " + offender + ": " + findings);
        NamedQuery q = checks.checks().stream().filter(n -> n.name().equals(check)).findFirst().orElseThrow();
        findings.stream().filter(f -> f.check().equals(check)).forEach(f -> {
            assertEquals(q.severity().orElseThrow(), f.severity().name());
            assertEquals(q.message().orElseThrow(), f.message());
        });
    }

    /** The other checks a case may trip as well, from its {@code # @also} header line. */
    static List<String> also(Path caseFile) throws IOException {
        Matcher m = Pattern.compile("^#\\s*@also\\s+(.+)$", Pattern.MULTILINE).matcher(Files.readString(caseFile));
        return m.find() ? List.of(m.group(1).strip().split("\\s+")) : List.of();
    }

    @Test
    void findingsAreCountedPerReleaseWithZerosShown() {
        List<NamedQuery> byRelease = checks.checksByRelease();
        assertTrue(byRelease.stream().map(NamedQuery::name).collect(Collectors.toSet())
            .containsAll(Set.of("source-quirks", "skos-orphan-concept", "skos-missing-label", "skos-reaches-domain", "skos-overlapping-labels")));
        var table = QualityChecks.countByRelease(byRelease, shippedFindings,
            List.of("23.0.1", "23.5", "24.0", "24.5", "25.0", "25.5", "26.0"));
        long quirks = shippedFindings.stream().filter(f -> f.check().equals("source-quirks")).count();
        assertEquals(quirks, table.get("source-quirks").values().stream().mapToLong(Long::longValue).sum());
        assertEquals(0L, table.get("source-quirks").get(QualityChecks.OTHER));
        assertTrue(table.get("source-quirks").get("25.5") > 0);
        assertEquals(8, table.get("skos-orphan-concept").size(), "seven releases and the column for the rest");
    }

    // ---- the checks folder -----------------------------------------------------------------

    @Test
    void aCheckWithoutSeverityOrMessageIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad-checks"));
        Files.writeString(dir.resolve("unsaid.rq"), "# @title Says nothing\n# @severity ERROR\nSELECT * { ?s ?p ?o }\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QualityChecks(dir));
        assertTrue(e.getMessage().contains("unsaid.rq") && e.getMessage().contains("@message"), e.getMessage());

        Files.writeString(dir.resolve("unsaid.rq"), "# @title Too loud\n# @severity FATAL\n# @message Boom.\nSELECT * { ?s ?p ?o }\n");
        assertThrows(IllegalArgumentException.class, () -> new QualityChecks(dir));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static List<Finding> run(KnowledgeStore store) {
        try (var conn = store.connect()) {
            return checks.run(new QueryRunner(conn, 30));
        }
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(resource("store/checks"))) {
            return s.filter(p -> p.toString().endsWith(".ttl") && !p.getFileName().toString().equals("mini-release.ttl")).sorted().toList();
        }
    }

    /** The mini release, with the case's triples added when there is a case. */
    private static Graph caseGraph(Path caseFile) throws IOException {
        Graph g = GraphFactory.createDefaultGraph();
        OntologyFiles.parse(resource("store/checks/mini-release.ttl")).find().forEachRemaining(g::add);
        if (caseFile != null) OntologyFiles.parse(caseFile).find().forEachRemaining(g::add);
        return g;
    }

    private static String header(Path caseFile, String tag) throws IOException {
        Matcher m = HEADER.matcher(Files.readString(caseFile));
        while (m.find()) if (m.group(1).equals(tag)) return m.group(2);
        throw new AssertionError(caseFile + " has no '# @" + tag + "' line");
    }

    private static Path resource(String name) {
        try {
            return Path.of(QualityChecksTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per release: its processes below level 1, those reaching their domain's top concept, those at or below a flagged orphan. */
    record ReleaseReach(String release, long processes, long reaching, long belowAnOrphan) {}

    static final String REACH = """
        PREFIX etom: <https://w3id.org/etom-kg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?release (COUNT(DISTINCT ?p) AS ?processes) (COUNT(DISTINCT ?reacher) AS ?reaching) (COUNT(DISTINCT ?underOrphan) AS ?belowAnOrphan)
        WHERE {
          ?scheme a etom:Release ; etom:version ?release .
          ?p a etom:ProcessElement ; skos:inScheme ?scheme ; etom:level ?level .
          FILTER (?level > 1)
          OPTIONAL { ?p etom:domain ?domain ; skos:broader+ ?top . ?top skos:topConceptOf ?scheme ; etom:domain ?domain ; etom:level 1 . BIND (?p AS ?reacher) }
          OPTIONAL { ?p etom:parent* ?o . ?o etom:qualityFlag etom:Orphan . BIND (?p AS ?underOrphan) }
        }
        GROUP BY ?release
        ORDER BY ?release""";

    private static String key(QuerySolution s) {
        return s.getLiteral("release").getString() + " " + s.getLiteral("identifier").getString() + " " + s.getLiteral("flag").getString();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
