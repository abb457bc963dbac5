package org.etomkg.extension.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.extension.ExtensionDraft;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.extension.template.TemplateContent.HeaderValue;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.vocab.ETOM;

/**
 * Turns a template's content into the extension's RDF, as the shapes of {@code shapes/}
 * expect it. It checks only what it needs to write RDF at all (a namespace, a release, the
 * identifiers that become IRIs, numbers where numbers go); whether the extension is sound is
 * the shapes' question, so a wrong identifier or a missing parent converts and is then reported
 * by validation.
 *
 * <p>IRIs are minted from the namespace and identifiers, never from labels, except the slugs
 * of unit, role, application and information entity names when no id is given:
 * {@code <ns>extension}, {@code <ns>publisher}, {@code <ns>2.3.3.10.5}, {@code <ns>unit/sales},
 * {@code <ns>role/order-manager}, {@code <ns>assignment/2.3.3.10.5/unit/sales/A},
 * {@code <ns>not-applicable/1.3.3.10.4}, {@code <ns>kpi/K1}, {@code <ns>kpi/K1/2026-Q1},
 * {@code <ns>flow/O2P}, {@code <ns>flow/O2P/1}, {@code <ns>application/webshop},
 * {@code <ns>information/customer-order}.
 */
final class TemplateConverter {
    static { JenaSystem.init(); }   // before the vocabulary constants below, which need Jena initialised

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();

    private final TemplateContent content;
    private Graph graph;
    private String ns;
    private String release;
    private Node header;
    private final Set<String> ownIdentifiers = new HashSet<>();

    private TemplateConverter(TemplateContent content) { this.content = content; }

    static Graph convert(TemplateContent content) {
        TemplateConverter c = new TemplateConverter(content);
        c.header();
        c.content.table(TemplateSheet.PROCESSES).ifPresent(c::processes);
        c.content.table(TemplateSheet.LOCAL_NAMES).ifPresent(c::localNames);
        c.content.table(TemplateSheet.NOT_APPLICABLE).ifPresent(c::notApplicable);
        c.content.table(TemplateSheet.RACI).ifPresent(c::raci);
        c.content.table(TemplateSheet.KPIS).ifPresent(c::kpis);
        c.content.table(TemplateSheet.MEASUREMENTS).ifPresent(c::measurements);
        c.content.table(TemplateSheet.FLOWS).ifPresent(c::flows);
        c.content.table(TemplateSheet.APPLICATIONS).ifPresent(c::applications);
        c.content.table(TemplateSheet.INPUTS_OUTPUTS).ifPresent(c::inputsOutputs);
        return c.graph;
    }

    // ---- the header ------------------------------------------------------------------------

    private void header() {
        HeaderValue nsValue = required("namespace", "the IRI your terms start with, such as https://acme.example/etom/");
        ns = nsValue.value();
        try {
            IRIx iri = IRIx.create(ns);
            // Not isAbsolute(), which is false for any IRI with a fragment: a namespace may end in #.
            if (iri.isRelative()) throw new IRIException("not absolute");
        } catch (IRIException e) {
            throw new ExtensionInputException(content.file + ": " + nsValue.place() + ": namespace '" + ns
                + "' is not an absolute IRI; use one such as https://acme.example/etom/");
        }
        HeaderValue rel = required("release", "the release the extension extends, such as 25.5");
        String r = rel.value().matches("[0-9]+") ? rel.value() + ".0" : rel.value();
        try {
            release = ReleaseVersion.of(r).text();
        } catch (IllegalArgumentException e) {
            throw new ExtensionInputException(content.file + ": " + rel.place() + ": release '" + rel.value()
                + "' is not a release number; use one such as 25.5");
        }

        ExtensionDraft draft = new ExtensionDraft(ns, release);
        graph = draft.graph();
        header = draft.header();
        content.header("name").ifPresent(v -> add(header, LABEL, en(v.value())));
        content.header("publisher").ifPresent(v -> {
            Node org = iri(ns + "publisher");
            add(header, DCTerms.publisher.asNode(), org);
            add(org, TYPE, ORG.Organization.asNode());
            add(org, LABEL, en(v.value()));
        });
        content.header("version").ifPresent(v -> add(header, OWL.versionInfo.asNode(), NodeFactory.createLiteralString(v.value())));
    }

    private HeaderValue required(String key, String what) {
        return content.header(key).orElseThrow(() -> new ExtensionInputException(content.file + ": " + content.headerPlace
            + " gives no " + key + "; add it: " + what));
    }

    // ---- processes -------------------------------------------------------------------------

    private void processes(Table t) {
        List<String> ids = new ArrayList<>();
        for (Table.Row row : t.rows()) {
            String id = row.required("identifier", "every process needs its identifier, such as 2.3.3.10.5");
            ids.add(id);
            ownIdentifiers.add(id);
        }
        for (int i = 0; i < t.rows().size(); i++) {
            Table.Row row = t.rows().get(i);
            String id = ids.get(i);
            Node p = iri(ns + segment(id));
            add(p, TYPE, ETOM.term("ExtensionProcess"));
            add(p, TYPE, SKOS.Concept.asNode());
            add(p, SKOS.inScheme.asNode(), header);
            add(p, SKOS.notation.asNode(), NodeFactory.createLiteralString(id));
            BigInteger level = row.integer("level");
            if (level == null) level = BigInteger.valueOf(id.chars().filter(c -> c == '.').count());
            add(p, ETOM.level.asNode(), typed(level.toString(), XSDDatatype.XSDinteger));
            text(row, "name").ifPresent(n -> add(p, LABEL, en(n)));
            text(row, "definition").ifPresent(d -> add(p, SKOS.definition.asNode(), en(d)));
            text(row, "parent").ifPresent(parent -> add(p, ETOM.parent.asNode(), process(parent)));
            text(row, "specialises").ifPresent(s -> add(p, ETOM.term("specialises"), process(s)));
        }
    }

    /**
     * A process a cell names: one of the extension's own identifiers, else a reference identifier
     * of the targeted release; a full IRI is taken as it is.
     */
    private Node process(String id) {
        if (ownIdentifiers.contains(id)) return iri(ns + segment(id));
        if (SCHEME.matcher(id).matches() && !id.contains(" ")) return iri(id);
        return iri(ETOM.processNamespace(release) + segment(id));
    }

    // ---- what the extension says about reference processes ----------------------------------

    private void localNames(Table t) {
        for (Table.Row row : t.rows()) {
            Node p = process(row.required("reference identifier", "say which process the local name is for, such as 1.3.3.10"));
            String name = row.required("name", "write the local name");
            String lang = row.text("language");
            if (lang != null && !LANGUAGE.matcher(lang).matches())
                throw row.error("language", "'" + lang + "' is not a language tag; use one such as de, en or de-AT");
            add(p, ETOM.term("localName"), lang == null ? NodeFactory.createLiteralString(name) : NodeFactory.createLiteralLang(name, lang));
        }
    }

    private void notApplicable(Table t) {
        for (Table.Row row : t.rows()) {
            String id = row.required("reference identifier", "say which reference process does not apply, such as 1.3.3.10.4");
            Node marker = iri(ns + "not-applicable/" + segment(id));
            add(marker, TYPE, ETOM.term("NotApplicable"));
            add(marker, ETOM.term("process"), process(id));
            text(row, "reason").ifPresent(r -> add(marker, ETOM.term("reason"), en(r)));
        }
    }

    // ---- responsibilities ------------------------------------------------------------------

    private void raci(Table t) {
        for (Table.Row row : t.rows()) {
            String id = row.required("process identifier", "say which process the assignment is for");
            String name = row.required("unit or role name", "name the organisational unit or role");
            String kind = row.required("kind", "write unit or role");
            Node agentType;
            String agentPath;
            switch (TemplateSheet.key(kind)) {
                case "unit", "organisationalunit", "organizationalunit", "orgunit" -> { agentType = ORG.OrganizationalUnit.asNode(); agentPath = "unit/"; }
                case "role" -> { agentType = ORG.Role.asNode(); agentPath = "role/"; }
                default -> throw row.error("kind", "'" + kind + "' is neither unit nor role");
            }
            String slug = slug(row, "unit or role name", name);
            Node agent = iri(ns + agentPath + slug);
            add(agent, TYPE, agentType);
            add(agent, LABEL, en(name));
            for (String letter : raciLetters(row, row.required("R/A/C/I", "write R, A, C or I"))) {
                Node a = iri(ns + "assignment/" + segment(id) + "/" + agentPath + slug + "/" + letter);
                add(a, TYPE, ETOM.term("Assignment"));
                add(a, ETOM.term("process"), process(id));
                add(a, ETOM.term("agent"), agent);
                add(a, ETOM.term("raci"), ETOM.term(switch (letter) {
                    case "R" -> "Responsible";
                    case "A" -> "Accountable";
                    case "C" -> "Consulted";
                    default -> "Informed";
                }));
            }
        }
    }

    /** The RACI letters a cell holds: one (A), several (A/R, A, R or AR) or the words (Accountable). */
    private static List<String> raciLetters(Table.Row row, String cell) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split("[\\s,/;+&|]+")) {
            if (part.isEmpty()) continue;
            String word = part.toLowerCase(Locale.ROOT);
            switch (word) {
                case "responsible" -> out.add("R");
                case "accountable" -> out.add("A");
                case "consulted" -> out.add("C");
                case "informed" -> out.add("I");
                default -> {
                    for (char c : part.toUpperCase(Locale.ROOT).toCharArray()) {
                        if ("RACI".indexOf(c) < 0)
                            throw row.error("R/A/C/I", "'" + cell + "' is not a RACI letter; use R, A, C or I (or several, such as A/R)");
                        out.add(String.valueOf(c));
                    }
                }
            }
        }
        return out;
    }

    // ---- KPIs ------------------------------------------------------------------------------

    private void kpis(Table t) {
        for (Table.Row row : t.rows()) {
            String id = row.required("kpi id", "give the KPI an id, such as K1");
            Node k = iri(ns + "kpi/" + segment(id));
            add(k, TYPE, ETOM.term("Kpi"));
            text(row, "name").ifPresent(n -> add(k, LABEL, en(n)));
            text(row, "process identifier").ifPresent(p -> add(k, ETOM.term("measures"), process(p)));
            text(row, "unit").ifPresent(u -> add(k, ETOM.term("unit"), NodeFactory.createLiteralString(u)));
            text(row, "direction").ifPresent(d -> add(k, ETOM.term("direction"), switch (TemplateSheet.key(d)) {
                case "higher", "higherisbetter", "up" -> ETOM.term("HigherIsBetter");
                case "lower", "lowerisbetter", "down" -> ETOM.term("LowerIsBetter");
                default -> NodeFactory.createLiteralString(d);   // the shapes say what is wrong with it
            }));
            BigDecimal target = row.decimal("target");
            if (target != null) add(k, ETOM.term("target"), typed(target.toPlainString(), XSDDatatype.XSDdecimal));
        }
    }

    private void measurements(Table t) {
        for (Table.Row row : t.rows()) {
            String id = row.required("kpi id", "say which KPI the value is of");
            Node period = period(row);
            Node m = iri(ns + "kpi/" + segment(id) + "/" + segment(period.getLiteralLexicalForm()));
            add(m, TYPE, ETOM.term("Measurement"));
            add(m, ETOM.term("kpi"), iri(ns + "kpi/" + segment(id)));
            add(m, ETOM.term("period"), period);
            BigDecimal value = row.decimal("value");
            if (value != null) add(m, ETOM.term("value"), typed(value.toPlainString(), XSDDatatype.XSDdecimal));
        }
    }

    /**
     * A period: 2026 (xsd:gYear), 2026-03 (xsd:gYearMonth), 2026-03-31 or a date cell
     * (xsd:date; a date cell formatted as month or year gives those), 2026-Q1 and anything
     * else as text, which the shapes check.
     */
    private static Node period(Table.Row row) {
        CellValue v = row.cell("period");
        if (v.date() != null) {
            String f = v.dateFormat() == null ? "d" : v.dateFormat().toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
            if (f.contains("d")) return typed(v.date().toString(), XSDDatatype.XSDdate);
            if (f.contains("m")) return typed(v.date().toString().substring(0, 7), XSDDatatype.XSDgYearMonth);
            return typed(v.date().toString().substring(0, 4), XSDDatatype.XSDgYear);
        }
        String text = row.required("period", "write the period, such as 2026-Q1, 2026-03 or 2026-03-31");
        if (text.matches("[0-9]{4}")) return typed(text, XSDDatatype.XSDgYear);
        if (text.matches("[0-9]{4}-[0-9]{2}")) return typed(text, XSDDatatype.XSDgYearMonth);
        if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) return typed(text, XSDDatatype.XSDdate);
        return NodeFactory.createLiteralString(text);
    }

    // ---- flows, applications, information --------------------------------------------------

    private void flows(Table t) {
        for (Table.Row row : t.rows()) {
            String id = row.required("flow id", "give the flow an id, such as O2P");
            BigInteger position = row.integer("position");
            if (position == null) throw row.error("position", "empty; number the flow's steps 1, 2, 3 ...");
            Node flow = iri(ns + "flow/" + segment(id));
            Node step = iri(ns + "flow/" + segment(id) + "/" + position);
            add(flow, TYPE, ETOM.term("EndToEndFlow"));
            text(row, "flow name").ifPresent(n -> add(flow, LABEL, en(n)));
            add(flow, ETOM.term("step"), step);
            add(step, TYPE, ETOM.term("FlowStep"));
            add(step, ETOM.term("position"), typed(position.toString(), XSDDatatype.XSDinteger));
            text(row, "process identifier").ifPresent(p -> add(step, ETOM.term("process"), process(p)));
        }
    }

    private void applications(Table t) {
        for (Table.Row row : t.rows()) {
            String id = row.text("application id");
            String name = row.text("name");
            if (id == null && name == null) throw row.error("name", "empty; name the application (or give its id)");
            String process = row.required("process identifier", "say which process the application supports");
            Node app = iri(ns + "application/" + (id != null ? segment(id) : slug(row, "name", name)));
            add(app, TYPE, ETOM.term("Application"));
            if (name != null) add(app, LABEL, en(name));
            add(app, ETOM.term("supports"), process(process));
        }
    }

    private void inputsOutputs(Table t) {
        for (Table.Row row : t.rows()) {
            String process = row.required("process identifier", "say which process consumes or produces the information");
            String kind = row.required("consumes|produces", "write consumes or produces");
            Node property = switch (TemplateSheet.key(kind)) {
                case "consumes", "input", "in" -> ETOM.term("consumes");
                case "produces", "output", "out" -> ETOM.term("produces");
                default -> throw row.error("consumes|produces", "'" + kind + "' is neither consumes nor produces");
            };
            String id = row.text("information entity id");
            String name = row.text("information entity name");
            if (id == null && name == null) throw row.error("information entity name", "empty; name the information entity, such as Customer Order");
            Node entity = iri(ns + "information/" + (id != null ? segment(id) : slug(row, "information entity name", name)));
            add(entity, TYPE, ETOM.term("InformationEntity"));
            if (name != null) add(entity, LABEL, en(name));
            add(process(process), property, entity);
        }
    }

    // ---- nodes -----------------------------------------------------------------------------

    private static Optional<String> text(Table.Row row, String column) {
        return Optional.ofNullable(row.text(column));
    }

    private void add(Node s, Node p, Node o) { graph.add(Triple.create(s, p, o)); }

    private static Node iri(String iri) { return NodeFactory.createURI(iri); }

    private static Node en(String text) { return NodeFactory.createLiteralLang(text, "en"); }

    private static Node typed(String lexical, RDFDatatype type) { return NodeFactory.createLiteralDT(lexical, type); }

    /**
     * An identifier as one IRI path segment: letters, digits and {@code - . _ ~} stay, anything
     * else is percent-encoded, so an odd identifier still converts and the shapes report it.
     */
    static String segment(String id) {
        StringBuilder s = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) s.append(c);
            else s.append('%').append(String.format("%02X", b & 0xff));
        }
        return s.toString();
    }

    /**
     * A name as an IRI segment, for things that have no id: lower case, accents dropped, every
     * run of other characters one hyphen ({@code Vertrieb Süd} gives {@code vertrieb-sud}).
     */
    static String slug(String name) {
        String s = Normalizer.normalize(name.replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }

    private static String slug(Table.Row row, String column, String name) {
        String s = slug(name);
        if (s.isEmpty()) throw row.error(column, "'" + name + "' has no letters or digits to make an IRI from; give it an id or a name with letters");
        return s;
    }
}
