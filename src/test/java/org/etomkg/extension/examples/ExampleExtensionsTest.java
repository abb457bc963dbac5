package org.etomkg.extension.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.cli.EtomKg;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.Finding;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.extension.ReportFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import picocli.CommandLine;

/**
 * The example extensions in {@code examples/} as golden tests, in the manner of TopQuadrant's
 * SHACL test cases: each invalid example sits beside the validation report it must give
 * ({@code NAME.expected.ttl}, a standard {@code sh:ValidationReport}), and the valid example,
 * Nordlicht Telecom, is the passing case of every rule.
 *
 * <p>Findings are compared as a set of (focus node, path, severity, source shape): no more,
 * no fewer. Messages are checked for what an architect needs, not word for word. A draft of
 * the shapes can be tried with {@code -Detomkg.test.shapes=DIR}.
 */
class ExampleExtensionsTest {
    static final Path EXAMPLES = Path.of("examples");
    static final Path VALID = EXAMPLES.resolve("nordlicht-telecom.ttl");
    static final Path INVALID = EXAMPLES.resolve("invalid");
    static final Path RESOURCES = Path.of("src", "test", "resources", "extension");
    static final String SH = "http://www.w3.org/ns/shacl#";
    static final String RULE = "https://w3id.org/etom-kg/shapes#";
    static final String TARGET_RELEASE = "25.5";

    static OntologyFolder ontology;
    static ExtensionValidator validator;

    @BeforeAll
    static void validator() {
        ontology = new OntologyFolder(Path.of("ontology"));
        validator = new ExtensionValidator(Path.of(System.getProperty("etomkg.test.shapes", "shapes")), ontology);
    }

    /** Each example is validated once; several tests read its report. */
    static final Map<Path, ExtensionReport> reports = new ConcurrentHashMap<>();

    static ExtensionReport validate(Path file) {
        return reports.computeIfAbsent(file, f -> validator.validate(ExtensionFiles.read(f), Optional.empty()));
    }

    static List<Path> invalidExamples() {
        try (Stream<Path> files = Files.list(INVALID)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-invalid.ttl")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path expectedReport(Path example) {
        return example.resolveSibling(example.getFileName().toString().replaceFirst("\\.ttl$", ".expected.ttl"));
    }

    // ---------------------------------------------------------------- the valid example

    @Test
    void nordlichtTelecomConformsWithoutViolationsOrWarnings() {
        ExtensionReport report = validate(VALID);
        String text = ReportFormat.text.format(report);
        assertTrue(report.conforms(), text);
        assertEquals(0, report.count(Finding.Severity.Violation), text);
        assertEquals(0, report.count(Finding.Severity.Warning), text);
    }

    /** What the example promises its readers, and what the redundancy and bottleneck queries need to find. */
    @Test
    void nordlichtTelecomHoldsWhatItsCommentsPromise() {
        Model m = ModelFactory.createModelForGraph(ExtensionFiles.read(VALID));
        String prefixes = """
            PREFIX etom: <https://w3id.org/etom-kg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            """;
        record Promise(String what, String ask) {}
        List<Promise> promises = List.of(
            new Promise("at least 40 extension processes",
                "ASK { { SELECT (COUNT(?p) AS ?n) WHERE { ?p a etom:ExtensionProcess } } FILTER (?n >= 40) }"),
            new Promise("processes in at least 3 domains",
                "ASK { { SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?p a etom:ExtensionProcess ; skos:notation ?id "
                    + "BIND (STRBEFORE(STRAFTER(?id, \".\"), \".\") AS ?d) } } FILTER (?n >= 3) }"),
            new Promise("a process two levels below a reference process",
                "ASK { ?x a etom:ExtensionProcess ; etom:parent ?y . ?y a etom:ExtensionProcess ; etom:parent ?r "
                    + "FILTER NOT EXISTS { ?r a etom:ExtensionProcess } }"),
            new Promise("two processes specialising the same reference process",
                "ASK { ?a etom:specialises ?r . ?b etom:specialises ?r FILTER (?a != ?b) }"),
            new Promise("local names in German and Norwegian",
                "ASK { ?r etom:localName ?de FILTER (LANG(?de) = 'de') . ?s etom:localName ?nb FILTER (LANG(?nb) IN ('nb', 'nn', 'no')) }"),
            new Promise("a not-applicable marker with a reason",
                "ASK { ?m a etom:NotApplicable ; etom:process ?p ; etom:reason ?r }"),
            new Promise("RACI assignments to units and roles",
                "ASK { ?a etom:agent/a org:OrganizationalUnit . ?b etom:agent/a org:Role }"),
            new Promise("inputs and outputs",
                "ASK { ?p etom:consumes/a etom:InformationEntity . ?q etom:produces/a etom:InformationEntity }"),
            new Promise("a measurement worse than its KPI's target",
                "ASK { ?m etom:kpi ?k ; etom:value ?v . ?k etom:target ?t ; etom:direction ?d "
                    + "FILTER ((?d = etom:LowerIsBetter && ?v > ?t) || (?d = etom:HigherIsBetter && ?v < ?t)) }"),
            new Promise("a KPI measured in several periods",
                "ASK { { SELECT ?k (COUNT(DISTINCT ?period) AS ?n) WHERE { ?m etom:kpi ?k ; etom:period ?period } GROUP BY ?k } FILTER (?n >= 3) }"),
            new Promise("the Order-to-Payment and Trouble-to-Resolve flows",
                "ASK { ?o a etom:EndToEndFlow ; rdfs:label 'Order-to-Payment'@en . ?t a etom:EndToEndFlow ; rdfs:label 'Trouble-to-Resolve'@en }"),
            new Promise("an application supporting both a process and its parent",
                "ASK { ?app a etom:Application ; etom:supports ?parent , ?child . ?child etom:parent ?parent }"));
        List<String> broken = new ArrayList<>();
        for (Promise p : promises) {
            try (var qe = QueryExecutionFactory.create(prefixes + p.ask(), m)) {
                if (!qe.execAsk()) broken.add(p.what());
            }
        }
        assertEquals(List.of(), broken, VALID + " no longer holds");
    }

    // ---------------------------------------------------------------- the invalid examples

    /** One result as compared: the focus node, the path (or null), the severity and the source shape. */
    record Result(Node focus, Node path, String severity, String shape) {
        String show(PrefixMapping pm) {
            return String.join("  ", name(focus, pm), path == null ? "(no path)" : name(path, pm), severity, pm.shortForm(shape));
        }
    }

    static String name(Node n, PrefixMapping pm) {
        return n.isURI() ? pm.shortForm(n.getURI()) : n.toString();
    }

    static Set<Result> expectedResults(Model expected, Path file) {
        Resource report = expected.listSubjectsWithProperty(RDF.type, expected.createResource(SH + "ValidationReport"))
            .nextOptional().orElseThrow(() -> new AssertionError(file + " holds no sh:ValidationReport"));
        Statement conforms = report.getProperty(expected.createProperty(SH + "conforms"));
        assertTrue(conforms != null && !conforms.getBoolean(), file + ": an invalid example's report must say sh:conforms false");
        Set<Result> out = new java.util.HashSet<>();
        report.listProperties(expected.createProperty(SH + "result")).forEachRemaining(s -> {
            Resource r = s.getResource();
            RDFNode focus = value(r, "focusNode", file);
            Statement path = r.getProperty(expected.createProperty(SH + "resultPath"));
            Resource severity = value(r, "resultSeverity", file).asResource();
            Resource shape = value(r, "sourceShape", file).asResource();
            out.add(new Result(focus.asNode(), path == null ? null : path.getObject().asNode(),
                severity.getLocalName(), shape.getURI()));
        });
        return out;
    }

    static RDFNode value(Resource result, String property, Path file) {
        Statement s = result.getProperty(result.getModel().createProperty(SH + property));
        if (s == null) throw new AssertionError(file + ": a result has no sh:" + property);
        return s.getObject();
    }

    static Set<Result> actualResults(ExtensionReport report) {
        return report.findings().stream()
            .map(f -> new Result(f.focusNode(), f.path(), f.severity().name(), f.rule()))
            .collect(Collectors.toSet());
    }

    @Test
    void everyRuleHasAnInvalidExampleAndEveryInvalidExampleItsExpectedReport() {
        List<String> problems = new ArrayList<>();
        List<Path> examples = invalidExamples();
        for (int rule = 1; rule <= 12; rule++) {
            String prefix = String.format("r%02d-", rule);
            if (examples.stream().noneMatch(f -> f.getFileName().toString().startsWith(prefix)))
                problems.add("no invalid example for rule " + rule + " (" + INVALID.resolve(prefix + "...-invalid.ttl") + ")");
        }
        for (Path f : examples)
            if (!Files.isRegularFile(expectedReport(f))) problems.add(f + " has no " + expectedReport(f).getFileName());
        assertEquals(List.of(), problems);
    }

    @TestFactory
    Stream<DynamicTest> eachInvalidExampleGivesExactlyItsExpectedReport() {
        return invalidExamples().stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
            Path expectedFile = expectedReport(example);
            Model expectedModel = RDFDataMgr.loadModel(expectedFile.toString());
            PrefixMapping pm = expectedModel;
            Set<Result> expected = expectedResults(expectedModel, expectedFile);
            ExtensionReport report = validate(example);
            Set<Result> actual = actualResults(report);
            if (expected.equals(actual)) return;

            Set<String> missing = new TreeSet<>(), unexpected = new TreeSet<>();
            for (Result r : expected) if (!actual.contains(r)) missing.add(r.show(pm));
            for (Result r : actual) if (!expected.contains(r)) unexpected.add(r.show(pm));
            StringBuilder diff = new StringBuilder()
                .append(example).append(" does not give the report in ").append(expectedFile.getFileName()).append('\n');
            if (!missing.isEmpty()) {
                diff.append("  missing (expected, not found):\n");
                missing.forEach(s -> diff.append("    - ").append(s).append('\n'));
            }
            if (!unexpected.isEmpty()) {
                diff.append("  unexpected (found, not expected):\n");
                unexpected.forEach(s -> diff.append("    + ").append(s).append('\n'));
            }
            diff.append("  the validator's report:\n");
            ReportFormat.text.format(report).lines().forEach(l -> diff.append("    | ").append(l).append('\n'));
            fail(diff.toString());
        }));
    }

    /** A violation about a process says which process: its identifier is in the message. */
    @TestFactory
    Stream<DynamicTest> eachViolationMessageNamesItsFocusProcess() {
        Graph release = ontology.release(TARGET_RELEASE);
        return invalidExamples().stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
            Graph extension = ExtensionFiles.read(example);
            ExtensionReport report = validate(example);
            List<String> problems = new ArrayList<>();
            for (Finding f : report.findings()) {
                if (f.severity() != Finding.Severity.Violation) continue;
                Optional<String> id = notation(f.focusNode(), extension).or(() -> notation(f.focusNode(), release));
                if (id.isPresent() && !f.message().contains(id.get()))
                    problems.add(ruleName(f.rule()) + " on " + id.get() + " does not name it: " + f.message());
            }
            assertTrue(report.count(Finding.Severity.Violation) > 0, example + " gives no violation");
            assertEquals(List.of(), problems, example.toString());
        }));
    }

    static Optional<String> notation(Node node, Graph g) {
        var it = g.find(node, SKOS.notation.asNode(), Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
        } finally {
            it.close();
        }
    }

    static String ruleName(String rule) {
        return rule.startsWith(RULE) ? rule.substring(RULE.length()) : rule;
    }

    @Test
    void aReferenceToAnotherReleaseNamesThatReleaseAndTheCounterpart() {
        ExtensionReport report = validate(INVALID.resolve("r08-other-release-invalid.ttl"));
        List<Finding> r08 = report.findings().stream().filter(f -> f.rule().equals(RULE + "R08-ProcessReference")).toList();
        assertEquals(1, r08.size(), ReportFormat.text.format(report));
        String message = r08.get(0).message();
        assertTrue(message.contains("2.12.9.1"), "names the process that refers: " + message);
        assertTrue(message.contains("1.1.9") && message.contains("release 25.0"), "names the process and its release: " + message);
        assertTrue(message.contains("1.12.9"), "names the counterpart in 25.5: " + message);
    }

    // ---------------------------------------------------------------- the command line

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = EtomKg.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void validateExitsZeroForTheValidExample() {
        Run r = cli("validate", VALID.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("CONFORMS"), r.out());
    }

    @TestFactory
    Stream<DynamicTest> validateExitsOneForEachInvalidExample() {
        return invalidExamples().stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
            Run r = cli("validate", example.toString());
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.out().startsWith("DOES NOT CONFORM"), r.out());
        }));
    }

    @Test
    void validateExitsTwoOnATurtleSyntaxErrorAndSaysWhere() {
        Path file = RESOURCES.resolve("syntax-error.ttl");
        Run r = cli("validate", file.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(file.toString()), "names the file: " + r.err());
        assertTrue(r.err().matches("(?s).*syntax-error\\.ttl:16:\\d+: .*"), "names line 16 and a column: " + r.err());
        assertEquals("", r.out(), "prints no report");
    }

    @Test
    void validateExitsTwoForAnExtensionOfAnUnknownRelease() {
        Run r = cli("validate", RESOURCES.resolve("unknown-release.ttl").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("99.9"), "names the release: " + r.err());
        assertEquals("", r.out(), "prints no report");
    }
}
