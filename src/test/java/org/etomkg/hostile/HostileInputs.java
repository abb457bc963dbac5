package org.etomkg.hostile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A corpus of hostile extension files, written at test time into a folder the caller gives (huge
 * files are not kept in the repository). Each method writes one file and returns it with the media
 * type to send it as (the server's {@code Content-Type}) and what a reader must do with it:
 * refuse it as unusable (400), refuse it for its size or depth (413), or read it.
 *
 * <p>Files that point somewhere (a JSON-LD context, an XML entity, a workbook link) take the URL
 * to point at: a {@link ConnectionTrap}'s, so a test can assert that nothing was contacted.
 * {@link #corpus} gives every case at its usual size.
 */
public final class HostileInputs {
    public static final String TURTLE = "text/turtle";
    public static final String RDF_XML = "application/rdf+xml";
    public static final String JSON_LD = "application/ld+json";
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What reading the file must give. */
    public enum Expect {
        /** Unusable input: an error naming the file (CLI exit 2, HTTP 400). */
        REFUSED,
        /** Refused for its size, depth or expansion (CLI exit 2, HTTP 413; 400 is acceptable). */
        TOO_LARGE,
        /** Read; the extension may or may not conform. */
        READ
    }

    /** One hostile file: a short name for messages, the file, its media type and the outcome expected. */
    public record HostileInput(String name, Path file, String mediaType, Expect expect) {
        @Override public String toString() { return name; }
    }

    private HostileInputs() {}

    /** Every case at its usual size, URLs pointing at {@code trap}. About 150 MB of files in {@code dir}. */
    public static List<HostileInput> corpus(Path dir, ConnectionTrap trap) {
        Path secret = write(dir.resolve("secret.jsonld"), "{\"@context\": {\"leak\": \"https://leak.example/\"}}");
        URI missing = dir.resolve("no-such-context.jsonld").toUri();
        List<HostileInput> all = new ArrayList<>(List.of(
            jsonLdContext(dir, "jsonld-remote-context", "\"" + trap.uri("context.jsonld") + "\""),
            jsonLdContext(dir, "jsonld-remote-context-in-array", "[{\"etom\": \"https://w3id.org/etom-kg/ontology#\"}, \"" + trap.uri("array.jsonld") + "\"]"),
            jsonLdContext(dir, "jsonld-imported-context", "{\"@version\": 1.1, \"@import\": \"" + trap.uri("import.jsonld") + "\"}"),
            jsonLdPropertyScopedContext(dir, trap.uri("property.jsonld")),
            jsonLdTypeScopedContext(dir, trap.uri("type.jsonld")),
            jsonLdContext(dir, "jsonld-file-context-existing", "\"" + secret.toUri() + "\""),
            jsonLdContext(dir, "jsonld-file-context-missing", "\"" + missing + "\""),
            jsonLdContext(dir, "jsonld-relative-context", "\"secret.jsonld\""),
            turtleBaseAndPrefixPointingOut(dir, trap.uri("base/"), secret.toUri()),
            rdfXmlExternalEntity(dir, "rdfxml-external-entity-http", trap.uri("entity.txt")),
            rdfXmlExternalEntity(dir, "rdfxml-external-entity-file", secret.toUri()),
            rdfXmlExternalDtd(dir, trap.uri("doctype.dtd")),
            rdfXmlEntityExpansion(dir),
            rdfXmlXInclude(dir, trap.uri("xinclude.xml")),
            turtleNestedBlankNodes(dir, 50_000),
            turtleNestedLists(dir, 50_000),
            jsonLdNestedArrays(dir, 50_000),
            jsonLdNestedObjects(dir, 50_000),
            rdfXmlNested(dir, 50_000),
            turtleLongLabel(dir, 5_000),
            turtleLongIdentifier(dir, 2_000),
            xlsxZipBomb(dir, 60_000_000),
            xlsxRows(dir, 200_000),
            xlsxNestedFormula(dir, 5_000),
            xlsxFormulaChain(dir, 20_000),
            xlsxFormulaWithoutResult(dir),
            xlsxExternalLink(dir, trap.uri("linked.xlsx")),
            xlsxExternalEntity(dir, trap.uri("xlsx-entity.txt")),
            xlsxEntityExpansion(dir),
            csvLongLine(dir, 10_000_000),
            csvUnclosedQuote(dir, 1_000_000),
            csvRows(dir, 200_000)));
        return all;
    }

    // ---------------------------------------------------------------- Turtle

    /** The Turtle prefixes and extension header that a conforming extension of release 25.5 starts with. */
    public static final String TURTLE_HEADER = """
        @prefix etom: <https://w3id.org/etom-kg/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix p: <https://w3id.org/etom-kg/release/25.5/process/> .
        @prefix nl: <https://nordlicht-telecom.example/etom/> .

        nl:extension a etom:Extension ;
          rdfs:label "Nordlicht Telecom process model"@en ;
          dcterms:publisher nl:nordlicht ;
          owl:versionInfo "2026.1" ;
          etom:extendsRelease <https://w3id.org/etom-kg/release/25.5> ;
          etom:namespace "https://nordlicht-telecom.example/etom/"^^xsd:anyURI .
        nl:nordlicht a org:Organization ; rdfs:label "Nordlicht Telecom"@en .
        """;

    /** One extension process, 2.3.3.10.{n} under reference process 1.3.3.10, with the given label. */
    public static String turtleProcess(String id, String label) {
        return "<https://nordlicht-telecom.example/etom/" + id + "> a etom:ExtensionProcess ; skos:inScheme nl:extension ; "
            + "skos:notation \"" + id + "\" ; etom:level 4 ;\n  rdfs:label \"" + label + "\"@en ; etom:parent p:1.3.3.10 .\n";
    }

    /** Blank nodes nested {@code depth} deep: {@code nl:x etom:x [ etom:x [ etom:x [ … ] ] ] .} */
    public static HostileInput turtleNestedBlankNodes(Path dir, int depth) {
        return nested(dir, "turtle-nested-blank-nodes", "@prefix etom: <https://w3id.org/etom-kg/ontology#> .\n<https://example.org/a> etom:x ",
            "[ etom:x ", "\"deep\"", " ]", depth, " .\n");
    }

    /** Collections nested {@code depth} deep: {@code nl:x etom:x ( ( ( … ) ) ) .} */
    public static HostileInput turtleNestedLists(Path dir, int depth) {
        return nested(dir, "turtle-nested-lists", "@prefix etom: <https://w3id.org/etom-kg/ontology#> .\n<https://example.org/a> etom:x ",
            "( ", "1", " )", depth, " .\n");
    }

    /** A conforming extension whose one process has a label of {@code length} letters and no space. */
    public static HostileInput turtleLongLabel(Path dir, int length) {
        return file(dir, "turtle-long-label", ".ttl", TURTLE, Expect.READ,
            TURTLE_HEADER + turtleProcess("2.3.3.10.1", "Capture" + "x".repeat(Math.max(0, length - 7))));
    }

    /** A process whose identifier has {@code components} numbers: 2.3.3.10.1.1.1… */
    public static HostileInput turtleLongIdentifier(Path dir, int components) {
        String id = "2.3.3.10" + ".1".repeat(Math.max(0, components - 4));
        return file(dir, "turtle-long-identifier", ".ttl", TURTLE, Expect.READ, TURTLE_HEADER + turtleProcess(id, "Capture Order"));
    }

    /** {@code @base} on a URL and {@code @prefix} on a file: both only name IRIs, nothing is read. */
    public static HostileInput turtleBaseAndPrefixPointingOut(Path dir, URI base, URI file) {
        return file(dir, "turtle-base-and-prefix", ".ttl", TURTLE, Expect.READ, TURTLE_HEADER + "@base <" + base + "> .\n@prefix f: <"
            + file + "#> .\n" + turtleProcess("2.3.3.10.1", "Capture Order") + "<relative> rdfs:seeAlso f:x, <other> .\n");
    }

    // ---------------------------------------------------------------- JSON-LD

    /** A one-statement JSON-LD document whose {@code @context} is the given JSON text. */
    public static HostileInput jsonLdContext(Path dir, String name, String contextJson) {
        return file(dir, name, ".jsonld", JSON_LD, Expect.REFUSED, "{\"@context\": " + contextJson
            + ", \"@id\": \"https://nordlicht-telecom.example/etom/x\", \"https://w3id.org/etom-kg/ontology#level\": 4}");
    }

    /** A property whose definition carries its own context, a URL, reached when the property is used. */
    public static HostileInput jsonLdPropertyScopedContext(Path dir, URI context) {
        return file(dir, "jsonld-property-scoped-context", ".jsonld", JSON_LD, Expect.REFUSED, "{\"@context\": {\"@version\": 1.1, "
            + "\"part\": {\"@id\": \"https://w3id.org/etom-kg/ontology#part\", \"@context\": \"" + context + "\"}}, "
            + "\"@id\": \"https://nordlicht-telecom.example/etom/x\", \"part\": {\"@id\": \"https://nordlicht-telecom.example/etom/y\"}}");
    }

    /** A type whose definition carries its own context, a URL, reached when a node has the type. */
    public static HostileInput jsonLdTypeScopedContext(Path dir, URI context) {
        return file(dir, "jsonld-type-scoped-context", ".jsonld", JSON_LD, Expect.REFUSED, "{\"@context\": {\"@version\": 1.1, "
            + "\"Step\": {\"@id\": \"https://w3id.org/etom-kg/ontology#ExtensionProcess\", \"@context\": \"" + context + "\"}}, "
            + "\"@id\": \"https://nordlicht-telecom.example/etom/x\", \"@type\": \"Step\"}");
    }

    /** Arrays nested {@code depth} deep as a property value: {@code [[[ … ]]]}. */
    public static HostileInput jsonLdNestedArrays(Path dir, int depth) {
        return nested(dir, "jsonld-nested-arrays", "{\"@id\": \"https://example.org/a\", \"https://example.org/p\": ", "[", "1", "]", depth, "}");
    }

    /** Node objects nested {@code depth} deep: {@code {"https://example.org/p": {"https://example.org/p": { … }}}}. */
    public static HostileInput jsonLdNestedObjects(Path dir, int depth) {
        return nested(dir, "jsonld-nested-objects", "", "{\"https://example.org/p\": ", "1", "}", depth, "");
    }

    // ---------------------------------------------------------------- RDF/XML

    private static final String RDF_OPEN = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:e=\"https://example.org/x#\">\n";

    /** A DOCTYPE declaring an external entity at {@code target}, used in a literal. */
    public static HostileInput rdfXmlExternalEntity(Path dir, String name, URI target) {
        return file(dir, name, ".rdf", RDF_XML, Expect.REFUSED, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM \""
            + target + "\"> ]>\n" + RDF_OPEN + "<rdf:Description rdf:about=\"https://example.org/a\"><e:p>&leak;</e:p></rdf:Description>\n</rdf:RDF>\n");
    }

    /** A DOCTYPE whose external subset is at {@code target}. */
    public static HostileInput rdfXmlExternalDtd(Path dir, URI target) {
        return file(dir, "rdfxml-external-dtd", ".rdf", RDF_XML, Expect.REFUSED, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF SYSTEM \""
            + target + "\">\n" + RDF_OPEN + "<rdf:Description rdf:about=\"https://example.org/a\"><e:p>x</e:p></rdf:Description>\n</rdf:RDF>\n");
    }

    /** "Billion laughs": ten entities, each ten of the one before. */
    public static HostileInput rdfXmlEntityExpansion(Path dir) {
        return file(dir, "rdfxml-entity-expansion", ".rdf", RDF_XML, Expect.REFUSED, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n"
            + laughs() + "]>\n" + RDF_OPEN + "<rdf:Description rdf:about=\"https://example.org/a\"><e:p>&l9;</e:p></rdf:Description>\n</rdf:RDF>\n");
    }

    /** An XInclude element pointing at {@code target}: it must not be followed. */
    public static HostileInput rdfXmlXInclude(Path dir, URI target) {
        return file(dir, "rdfxml-xinclude", ".rdf", RDF_XML, Expect.READ, "<?xml version=\"1.0\"?>\n" + RDF_OPEN
            + "<rdf:Description rdf:about=\"https://example.org/a\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><e:p rdf:parseType=\"Literal\">"
            + "<xi:include href=\"" + target + "\" parse=\"text\"/></e:p></rdf:Description>\n</rdf:RDF>\n");
    }

    /** Property elements and descriptions nested {@code depth} deep. */
    public static HostileInput rdfXmlNested(Path dir, int depth) {
        return nestedRead(dir, "rdfxml-nested", "<?xml version=\"1.0\"?>\n" + RDF_OPEN + "<rdf:Description rdf:about=\"https://example.org/a\">",
            "<e:p><rdf:Description>", "<e:q>deep</e:q>", "</rdf:Description></e:p>", depth, "</rdf:Description>\n</rdf:RDF>\n");
    }

    private static String laughs() {
        StringBuilder b = new StringBuilder("<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) b.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        return b.toString();
    }

    // ---------------------------------------------------------------- xlsx

    /** The Extension sheet's rows: a complete header for release 25.5. */
    private static final String[][] EXTENSION_ROWS = {{"Key", "Value"}, {"name", "Nordlicht Telecom process model"},
        {"publisher", "Nordlicht Telecom"}, {"version", "2026.1"}, {"release", "25.5"}, {"namespace", "https://nordlicht-telecom.example/etom/"}};

    private static final String PROCESS_HEADER = row(1, inline("A1", "identifier") + inline("B1", "name") + inline("C1", "parent") + inline("D1", "level"));

    /**
     * A workbook whose Processes sheet holds {@code bytes} of whitespace after its header: a few
     * hundred kilobytes that would expand a thousand times and more.
     */
    public static HostileInput xlsxZipBomb(Path dir, long bytes) {
        return workbook(dir, "xlsx-zip-bomb", Expect.TOO_LARGE, "", w -> {
            w.write(PROCESS_HEADER);
            char[] spaces = new char[1 << 16];
            java.util.Arrays.fill(spaces, ' ');
            for (long n = 0; n < bytes; n += spaces.length) w.write(spaces);
        }, Map.of());
    }

    /** A workbook with {@code rows} processes. */
    public static HostileInput xlsxRows(Path dir, int rows) {
        return workbook(dir, "xlsx-rows", Expect.TOO_LARGE, "", w -> {
            w.write(PROCESS_HEADER);
            for (int r = 2; r <= rows + 1; r++) w.write(processRow(r, "2.3.3.10." + (r - 1), inline("B" + r, "Capture Order " + r)));
        }, Map.of());
    }

    /** A process name given by a formula nested {@code depth} deep, its cached result saved beside it. */
    public static HostileInput xlsxNestedFormula(Path dir, int depth) {
        String formula = "IF(TRUE,".repeat(depth) + "\"Capture Order\"" + ",\"\")".repeat(depth);
        return workbook(dir, "xlsx-nested-formula", Expect.READ, "", w -> {
            w.write(PROCESS_HEADER);
            w.write(processRow(2, "2.3.3.10.1", "<c r=\"B2\" t=\"str\"><f>" + formula + "</f><v>Capture Order</v></c>"));
        }, Map.of());
    }

    /** A process name that is the end of a chain of {@code cells} formulas (=A2 in A1, =A3 in A2, …) on a third sheet. */
    public static HostileInput xlsxFormulaChain(Path dir, int cells) {
        return workbook(dir, "xlsx-formula-chain", Expect.READ, "", w -> {
            w.write(PROCESS_HEADER);
            w.write(processRow(2, "2.3.3.10.1", "<c r=\"B2\" t=\"str\"><f>Chain!A1</f><v>Capture Order</v></c>"));
        }, Map.of("Chain", w -> {
            for (int r = 1; r < cells; r++) w.write(row(r, "<c r=\"A" + r + "\" t=\"str\"><f>A" + (r + 1) + "</f><v>Capture Order</v></c>"));
            w.write(row(cells, inline("A" + cells, "Capture Order")));
        }));
    }

    /** A process name given by a formula with no saved result, as a generator that never ran Excel writes it. */
    public static HostileInput xlsxFormulaWithoutResult(Path dir) {
        return workbook(dir, "xlsx-formula-without-result", Expect.REFUSED, "", w -> {
            w.write(PROCESS_HEADER);
            w.write(processRow(2, "2.3.3.10.1", "<c r=\"B2\"><f>CONCATENATE(\"Capture \",\"Order\")</f></c>"));
        }, Map.of());
    }

    /** A workbook linking to another workbook at {@code target}, a cell's formula reading from it. */
    public static HostileInput xlsxExternalLink(Path dir, URI target) {
        return workbook(dir, "xlsx-external-link", Expect.REFUSED, target.toString(), w -> {
            w.write(PROCESS_HEADER);
            w.write(processRow(2, "2.3.3.10.1", "<c r=\"B2\" t=\"str\"><f>[1]Sheet1!A1</f><v>Capture Order</v></c>"));
        }, Map.of());
    }

    /** A worksheet part with a DOCTYPE declaring an external entity at {@code target}. */
    public static HostileInput xlsxExternalEntity(Path dir, URI target) {
        return workbook(dir, "xlsx-external-entity", Expect.REFUSED, "", "<!DOCTYPE worksheet [ <!ENTITY leak SYSTEM \"" + target + "\"> ]>",
            w -> {
                w.write(PROCESS_HEADER);
                w.write(processRow(2, "2.3.3.10.1", "<c r=\"B2\" t=\"inlineStr\"><is><t>&leak;</t></is></c>"));
            }, Map.of());
    }

    /** A worksheet part with "billion laughs" entities. */
    public static HostileInput xlsxEntityExpansion(Path dir) {
        return workbook(dir, "xlsx-entity-expansion", Expect.REFUSED, "", "<!DOCTYPE worksheet [\n" + laughs() + "]>", w -> {
            w.write(PROCESS_HEADER);
            w.write(processRow(2, "2.3.3.10.1", "<c r=\"B2\" t=\"inlineStr\"><is><t>&l9;</t></is></c>"));
        }, Map.of());
    }

    // ---------------------------------------------------------------- CSV

    private static final String CSV_HEADER = """
        # name: Nordlicht Telecom process model
        # publisher: Nordlicht Telecom
        # version: 2026.1
        # release: 25.5
        # namespace: https://nordlicht-telecom.example/etom/
        identifier,name,parent,level
        """;

    /** A process line of {@code bytes} bytes: its name one word that long. */
    public static HostileInput csvLongLine(Path dir, int bytes) {
        return file(dir, "csv-long-line", ".csv", CSV, Expect.TOO_LARGE, CSV_HEADER + "2.3.3.10.1," + "x".repeat(bytes) + ",1.3.3.10,4\n");
    }

    /** A quote opened in a name and never closed, {@code bytes} of text following it to the end of the file. */
    public static HostileInput csvUnclosedQuote(Path dir, int bytes) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append("2.3.3.10.1,\"Capture Order,1.3.3.10,4\n");
        while (b.length() < bytes) b.append("2.3.3.10.2,Check Order,1.3.3.10,4\n");
        return file(dir, "csv-unclosed-quote", ".csv", CSV, Expect.REFUSED, b.toString());
    }

    /** A table of {@code rows} processes. */
    public static HostileInput csvRows(Path dir, int rows) {
        StringBuilder b = new StringBuilder(CSV_HEADER);
        for (int r = 1; r <= rows; r++) b.append("2.3.3.10.").append(r).append(",Capture Order ").append(r).append(",1.3.3.10,4\n");
        return file(dir, "csv-rows", ".csv", CSV, Expect.TOO_LARGE, b.toString());
    }

    // ---------------------------------------------------------------- writing

    /** Nested, but a parser that does not recurse reads it (Jena's RDF/XML parser streams). */
    private static HostileInput nestedRead(Path dir, String name, String head, String open, String inner, String close, int depth, String tail) {
        HostileInput in = nested(dir, name, head, open, inner, close, depth, tail);
        return new HostileInput(in.name(), in.file(), in.mediaType(), Expect.READ);
    }

    private static HostileInput nested(Path dir, String name, String head, String open, String inner, String close, int depth, String tail) {
        String suffix = name.startsWith("turtle") ? ".ttl" : name.startsWith("jsonld") ? ".jsonld" : ".rdf";
        String type = suffix.equals(".ttl") ? TURTLE : suffix.equals(".jsonld") ? JSON_LD : RDF_XML;
        Path f = dir.resolve(name + "-" + depth + suffix);
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(head);
            for (int i = 0; i < depth; i++) w.write(open);
            w.write(inner);
            for (int i = 0; i < depth; i++) w.write(close);
            w.write(tail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HostileInput(name, f, type, Expect.TOO_LARGE);
    }

    private static HostileInput file(Path dir, String name, String suffix, String type, Expect expect, String text) {
        return new HostileInput(name, write(dir.resolve(name + suffix), text), type, expect);
    }

    private static Path write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            return Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the rows of one sheet's {@code sheetData}. */
    interface SheetRows {
        void write(Writer w) throws IOException;
    }

    private static HostileInput workbook(Path dir, String name, Expect expect, String externalLink, SheetRows processes, Map<String, SheetRows> more) {
        return workbook(dir, name, expect, externalLink, "", processes, more);
    }

    /**
     * Writes a workbook part by part, as Excel lays it out: sheets Extension and Processes (then
     * {@code more}), cells as inline strings, numbers or formulas. {@code doctype} goes before the
     * Processes sheet's root element; {@code externalLink}, when not empty, adds a link to that workbook.
     */
    private static HostileInput workbook(Path dir, String name, Expect expect, String externalLink, String doctype, SheetRows processes,
                                         Map<String, SheetRows> more) {
        Map<String, SheetRows> sheets = new LinkedHashMap<>();
        sheets.put("Extension", w -> {
            for (int r = 0; r < EXTENSION_ROWS.length; r++)
                w.write(row(r + 1, inline("A" + (r + 1), EXTENSION_ROWS[r][0]) + inline("B" + (r + 1), EXTENSION_ROWS[r][1])));
        });
        sheets.put("Processes", processes);
        sheets.putAll(more);
        Path f = dir.resolve(name + ".xlsx");
        String sml = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
            StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook xmlns=\"" + sml + "\" xmlns:r=\"" + rel + "\"><sheets>");
            StringBuilder bookRels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            int i = 0;
            for (String sheet : sheets.keySet()) {
                i++;
                types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                book.append("<sheet name=\"").append(sheet).append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
                bookRels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(rel)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
            }
            book.append("</sheets>");
            if (!externalLink.isEmpty()) {
                types.append("<Override PartName=\"/xl/externalLinks/externalLink1.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/>");
                book.append("<externalReferences><externalReference r:id=\"rIdX\"/></externalReferences>");
                bookRels.append("<Relationship Id=\"rIdX\" Type=\"").append(rel).append("/externalLink\" Target=\"externalLinks/externalLink1.xml\"/>");
            }
            types.append("</Types>");
            book.append("</workbook>");
            bookRels.append("</Relationships>");
            part(zip, w, "[Content_Types].xml", types.toString());
            part(zip, w, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, w, "xl/workbook.xml", book.toString());
            part(zip, w, "xl/_rels/workbook.xml.rels", bookRels.toString());
            if (!externalLink.isEmpty()) {
                part(zip, w, "xl/externalLinks/externalLink1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<externalLink xmlns=\"" + sml
                    + "\" xmlns:r=\"" + rel + "\"><externalBook r:id=\"rId1\"><sheetNames><sheetName val=\"Sheet1\"/></sheetNames>"
                    + "<sheetDataSet><sheetData sheetId=\"0\"><row r=\"1\"><cell r=\"A1\" t=\"str\"><v>Capture Order</v></cell></row></sheetData>"
                    + "</sheetDataSet></externalBook></externalLink>");
                part(zip, w, "xl/externalLinks/_rels/externalLink1.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + rel
                    + "/externalLinkPath\" Target=\"" + externalLink + "\" TargetMode=\"External\"/></Relationships>");
            }
            i = 0;
            for (Map.Entry<String, SheetRows> s : sheets.entrySet()) {
                i++;
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + i + ".xml"));
                w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
                if (s.getKey().equals("Processes")) w.write(doctype);
                w.write("<worksheet xmlns=\"" + sml + "\"><sheetData>");
                s.getValue().write(w);
                w.write("</sheetData></worksheet>");
                w.flush();
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HostileInput(name, f, XLSX, expect);
    }

    private static void part(ZipOutputStream zip, Writer w, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write(text);
        w.flush();
        zip.closeEntry();
    }

    private static String row(int r, String cells) { return "<row r=\"" + r + "\">" + cells + "</row>"; }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</t></is></c>";
    }

    /** A Processes row: identifier, the given name cell, parent 1.3.3.10, level 4. */
    private static String processRow(int r, String id, String nameCell) {
        return row(r, inline("A" + r, id) + nameCell + inline("C" + r, "1.3.3.10") + "<c r=\"D" + r + "\"><v>4</v></c>");
    }
}
