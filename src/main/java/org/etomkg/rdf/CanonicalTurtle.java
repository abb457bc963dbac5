package org.etomkg.rdf;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;

/**
 * The one way this project writes RDF files: canonical, deterministic Turtle, so that a diff
 * shows only the statements that changed.
 *
 * <ul>
 * <li>the prefixes the file uses, sorted by name (a prefix no IRI uses is dropped);</li>
 * <li>the ontology header ({@code owl:Ontology} subjects) first, then every other subject in
 * natural order of its IRI (runs of digits as numbers: .../1.2 before .../1.10), then blank
 * nodes that cannot be written inline, labelled in the order of what they hold;</li>
 * <li>one statement per line: {@code rdf:type} first, then predicates by IRI, objects in natural
 * order of what is written for them; each line ends with " ;" and each subject with a line
 * holding "." so that a statement added or removed is exactly one line added or removed;</li>
 * <li>a blank node used once as an object is written inline as {@code [ ... ]}, a well-formed
 * RDF list as {@code ( ... )} in its own order;</li>
 * <li>a literal holding a line break is written between triple quotes, so SPARQL in shapes stays
 * readable; language tags and datatypes are kept as read.</li>
 * </ul>
 * Writing what it read gives the same bytes (a fixed point). Comments are not kept: what a
 * reader must know belongs in annotations ({@code rdfs:comment}, {@code dcterms:description},
 * {@code skos:scopeNote}), which survive an edit in Protégé.
 */
public final class CanonicalTurtle {
    private static final String IND = "    ";
    private static final Pattern SAFE_LOCAL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?");
    private static final Pattern SAFE_PREFIX = Pattern.compile("([A-Za-z]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*\\.[0-9]+");
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** Natural order: runs of digits compare as numbers. */
    public static final Comparator<String> NATURAL = CanonicalTurtle::compareNatural;

    private final Graph graph;
    private final Map<String, String> prefixes; // prefix -> namespace
    private final Set<String> used = new HashSet<>();
    private final Map<Node, List<Triple>> bySubject = new HashMap<>();
    private final Map<Node, Integer> objectUses = new HashMap<>();
    private final Set<Node> inline = new HashSet<>();
    private final Map<Node, String> labels = new HashMap<>();

    private CanonicalTurtle(Graph graph, Map<String, String> prefixes) {
        this.graph = graph;
        this.prefixes = prefixes;
    }

    /** The graph as canonical Turtle, with the graph's own prefixes. */
    public static String write(Graph graph) {
        return write(graph, graph.getPrefixMapping());
    }

    /** The graph as canonical Turtle, naming IRIs with these prefixes where they fit. */
    public static String write(Graph graph, PrefixMapping prefixes) {
        // one name per namespace: the project's own name where it has one, declared or not (so a tool
        // that renames, adds or drops prefixes, as Protégé does, changes nothing), else the file's,
        // a named one before ":"
        Map<String, String> byNamespace = new TreeMap<>();
        prefixes.getNsPrefixMap().forEach((k, v) -> {
            if (!SAFE_PREFIX.matcher(k).matches() || v.isEmpty()) return;
            String had = byNamespace.get(v);
            if (had == null || preferred(k, had)) byNamespace.put(v, k);
        });
        WELL_KNOWN.forEach((k, v) -> byNamespace.put(v, k));
        Map<String, String> p = new TreeMap<>();
        byNamespace.forEach((ns, k) -> { if (!p.containsKey(k)) p.put(k, ns); });
        return new CanonicalTurtle(graph, p).write();
    }

    private static boolean preferred(String candidate, String had) {
        if (had.isEmpty() != candidate.isEmpty()) return had.isEmpty();
        if (had.length() != candidate.length()) return candidate.length() < had.length();
        return candidate.compareTo(had) < 0;
    }

    /** The names this project always gives these namespaces, whatever a file calls them. */
    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
        Map.entry("etom", "https://w3id.org/etom-kg/ontology#"),
        Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
        Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        Map.entry("xsd", XSD),
        Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
        Map.entry("dcterms", "http://purl.org/dc/terms/"),
        Map.entry("sh", "http://www.w3.org/ns/shacl#"),
        Map.entry("prov", "http://www.w3.org/ns/prov#"),
        Map.entry("org", "http://www.w3.org/ns/org#"));

    /** Parses Turtle (prefixes kept) and writes it canonically. */
    public static String format(String turtle) {
        return write(parse(turtle));
    }

    /** Parses Turtle text into a graph that keeps its prefixes; throws Jena's RiotParseException (with line and column) on bad input. */
    public static Graph parse(String turtle) {
        return parse(turtle, Lang.TURTLE);
    }

    /**
     * Parses a file's text as Turtle, or as RDF/XML when it is RDF/XML (as Protégé saves it when
     * asked), keeping its prefixes; throws Jena's RiotParseException (line and column) on bad input.
     */
    public static Graph parse(String text, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(text)).lang(lang).base("http://invalid.example/base/")
            .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(g);
        return g;
    }

    /** RDF/XML where the text starts as XML does, else Turtle. */
    public static Lang sniff(String text) {
        String t = text.stripLeading();
        if (t.startsWith("\uFEFF")) t = t.substring(1).stripLeading();
        return t.startsWith("<?xml") || t.startsWith("<rdf:RDF") || t.startsWith("<!DOCTYPE") ? Lang.RDFXML : Lang.TURTLE;
    }

    /** A file's text (Turtle, or RDF/XML) written as canonical Turtle. */
    public static String formatText(String text) {
        return write(parse(text, sniff(text)));
    }

    private String write() {
        graph.find().forEachRemaining(t -> {
            bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
            if (t.getObject().isBlank()) objectUses.merge(t.getObject(), 1, Integer::sum);
        });
        // a blank node used once as an object goes inline, unless only a cycle of blank nodes reaches it
        for (Node b : bySubject.keySet()) if (b.isBlank() && objectUses.getOrDefault(b, 0) == 1) inline.add(b);
        for (Node o : objectUses.keySet()) if (!bySubject.containsKey(o) && objectUses.get(o) == 1) inline.add(o);
        while (true) {
            Set<Node> reached = new HashSet<>();
            for (Node s : bySubject.keySet()) if (!inline.contains(s)) reach(s, reached);
            Set<Node> lost = new HashSet<>(inline);
            lost.removeAll(reached);
            if (lost.isEmpty()) break;
            Node first = lost.stream().min(Comparator.comparing(n -> n.getBlankNodeLabel())).get();
            inline.remove(first);
        }
        List<Node> ontologies = new ArrayList<>(), named = new ArrayList<>(), blanks = new ArrayList<>();
        for (Node s : bySubject.keySet()) {
            if (inline.contains(s)) continue;
            if (s.isBlank()) blanks.add(s);
            else if (graph.contains(s, RDF.type.asNode(), OWL.Ontology.asNode())) ontologies.add(s);
            else named.add(s);
        }
        Comparator<Node> byIri = (a, b) -> compareNatural(a.getURI(), b.getURI());
        ontologies.sort(byIri);
        named.sort(byIri);
        // blank subjects (and blank objects used more than once) get labels in the order of what they hold
        Set<Node> labelled = new HashSet<>(blanks);
        for (Map.Entry<Node, Integer> e : objectUses.entrySet()) if (!inline.contains(e.getKey())) labelled.add(e.getKey());
        Map<Node, String> keys = new HashMap<>();
        for (Node b : labelled) keys.put(b, body(b, IND));
        List<Node> order = new ArrayList<>(labelled);
        order.sort((a, b) -> { int c = compareNatural(keys.get(a), keys.get(b)); return c != 0 ? c : a.getBlankNodeLabel().compareTo(b.getBlankNodeLabel()); });
        for (int i = 0; i < order.size(); i++) labels.put(order.get(i), "_:b" + i);
        blanks.sort(Comparator.comparing(labels::get, NATURAL));

        used.clear();
        StringBuilder body = new StringBuilder();
        for (List<Node> group : List.of(ontologies, named, blanks))
            for (Node s : group) body.append(term(s)).append('\n').append(body(s, IND)).append(".\n\n");
        StringBuilder out = new StringBuilder(body.length() + 1024);
        for (Map.Entry<String, String> p : prefixes.entrySet())
            if (used.contains(p.getKey())) out.append("@prefix ").append(p.getKey()).append(": <").append(p.getValue()).append("> .\n");
        if (!used.isEmpty()) out.append('\n');
        out.append(body);
        while (out.length() > 1 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n') out.setLength(out.length() - 1);
        return out.toString();
    }

    private void reach(Node s, Set<Node> reached) {
        for (Triple t : bySubject.getOrDefault(s, List.of())) {
            Node o = t.getObject();
            if (inline.contains(o) && reached.add(o)) reach(o, reached);
        }
    }

    /** The statements of a subject, one per line, each ending with " ;". */
    private String body(Node s, String indent) {
        Map<String, List<String>> byPredicate = new TreeMap<>(CanonicalTurtle::comparePredicates);
        for (Triple t : bySubject.getOrDefault(s, List.of()))
            byPredicate.computeIfAbsent(t.getPredicate().getURI(), k -> new ArrayList<>()).add(object(t.getObject(), indent));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> e : byPredicate.entrySet()) {
            List<String> objects = e.getValue();
            objects.sort((a, b) -> { int c = compareNatural(a, b); return c != 0 ? c : a.compareTo(b); });
            String p = e.getKey().equals(RDF.type.getURI()) ? "a" : iri(e.getKey());
            for (String o : objects) out.append(indent).append(p).append(' ').append(o).append(" ;\n");
        }
        return out.toString();
    }

    private String object(Node o, String indent) {
        if (o.isBlank() && inline.contains(o)) {
            List<Node> list = list(o);
            if (list != null) {
                if (list.isEmpty()) return "()";
                StringBuilder b = new StringBuilder("(\n");
                for (Node item : list) b.append(indent).append(IND).append(object(item, indent + IND)).append('\n');
                return b.append(indent).append(')').toString();
            }
            if (!bySubject.containsKey(o)) return "[]";
            return "[\n" + body(o, indent + IND) + indent + "]";
        }
        return term(o);
    }

    /** The members of a well-formed RDF list written inline, or null. */
    private List<Node> list(Node head) {
        List<Node> items = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Node n = head;
        while (!n.equals(RDF.nil.asNode())) {
            if (!n.isBlank() || !seen.add(n) || (n != head && !inline.contains(n))) return null;
            List<Triple> ts = bySubject.getOrDefault(n, List.of());
            if (ts.size() != 2) return null;
            Node first = null, rest = null;
            for (Triple t : ts) {
                if (t.getPredicate().equals(RDF.first.asNode())) first = t.getObject();
                else if (t.getPredicate().equals(RDF.rest.asNode())) rest = t.getObject();
            }
            if (first == null || rest == null) return null;
            items.add(first);
            n = rest;
        }
        return items;
    }

    private String term(Node n) {
        if (n.isURI()) return iri(n.getURI());
        if (n.isBlank()) return labels.getOrDefault(n, "_:unlabelled");
        if (n.isLiteral()) return literal(n);
        throw new IllegalArgumentException("cannot write " + n + " in Turtle");
    }

    private String iri(String iri) {
        String best = null, bestNs = "";
        for (Map.Entry<String, String> p : prefixes.entrySet()) {
            String ns = p.getValue();
            if (iri.startsWith(ns) && ns.length() > bestNs.length() && SAFE_LOCAL.matcher(iri.substring(ns.length())).matches()) {
                best = p.getKey();
                bestNs = ns;
            }
        }
        if (best == null) return "<" + escapeIri(iri) + ">";
        used.add(best);
        return best + ":" + iri.substring(bestNs.length());
    }

    private static String escapeIri(String iri) {
        StringBuilder b = new StringBuilder();
        iri.codePoints().forEach(c -> {
            if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) b.append(String.format("\\u%04X", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }

    private String literal(Node n) {
        String lex = n.getLiteralLexicalForm();
        String lang = n.getLiteralLanguage();
        String dt = n.getLiteralDatatypeURI();
        if (lang != null && !lang.isEmpty()) return quote(lex) + "@" + lang;
        if (dt == null || dt.equals(XSD + "string")) return quote(lex);
        if (dt.equals(XSD + "integer") && INTEGER.matcher(lex).matches()) return lex;
        if (dt.equals(XSD + "decimal") && DECIMAL.matcher(lex).matches()) return lex;
        if (dt.equals(XSD + "boolean") && (lex.equals("true") || lex.equals("false"))) return lex;
        return quote(lex) + "^^" + iri(dt);
    }

    /** A string in quotes; one with a line break between triple quotes, its lines kept as they are. */
    static String quote(String s) {
        boolean longForm = s.indexOf('\n') >= 0;
        StringBuilder b = new StringBuilder(s.length() + 8).append(longForm ? "\"\"\"" : "\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> {
                    // inside triple quotes a quote needs escaping only where it could end the string
                    if (!longForm || i == s.length() - 1 || s.charAt(i + 1) == '"') b.append("\\\"");
                    else b.append('"');
                }
                case '\n' -> b.append(longForm ? "\n" : "\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append(longForm ? "\t" : "\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F) b.append(String.format("\\u%04X", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append(longForm ? "\"\"\"" : "\"").toString();
    }

    private static int comparePredicates(String a, String b) {
        boolean ta = a.equals(RDF.type.getURI()), tb = b.equals(RDF.type.getURI());
        if (ta != tb) return ta ? -1 : 1;
        return a.compareTo(b);
    }

    /** Compares text with runs of digits as numbers, so .../2.3.3.9 comes before .../2.3.3.10. */
    public static int compareNatural(String x, String y) {
        int i = 0, j = 0;
        while (i < x.length() && j < y.length()) {
            char a = x.charAt(i), b = y.charAt(j);
            if (Character.isDigit(a) && Character.isDigit(b)) {
                int si = i, sj = j;
                while (i < x.length() && Character.isDigit(x.charAt(i))) i++;
                while (j < y.length() && Character.isDigit(y.charAt(j))) j++;
                // leading zeros do not count (a run of zeros keeps its last); counted in place, since sorting
                // a large file's blank nodes compares their whole text many times
                while (si < i - 1 && x.charAt(si) == '0') si++;
                while (sj < j - 1 && y.charAt(sj) == '0') sj++;
                if (i - si != j - sj) return Integer.compare(i - si, j - sj);
                for (int k = 0; k < i - si; k++) {
                    int c = Character.compare(x.charAt(si + k), y.charAt(sj + k));
                    if (c != 0) return c;
                }
            } else {
                if (a != b) return Character.compare(a, b);
                i++;
                j++;
            }
        }
        int c = Integer.compare(x.length() - i, y.length() - j);
        return c != 0 ? c : x.compareTo(y);
    }
}
