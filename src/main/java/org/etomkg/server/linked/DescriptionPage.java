package org.etomkg.server.linked;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;

/**
 * The page for a resource that has no page of the web app (a release, a crosswalk
 * correspondence, an ODA component, the ontology's terms...): its description as a table,
 * every IRI of ours a link that stays on this server, and links to the RDF documents.
 * A hash IRI's statements sit under an anchor of its fragment ({@code /ontology.html#Domain}).
 */
final class DescriptionPage {
    private DescriptionPage() {}

    static void write(PrintWriter out, ResourcePath path, List<Node> subjects, Graph description, PrefixMapping prefixes) {
        String title = label(description, subjects.get(0));
        out.println("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>" + esc(title) + " · etom-kg</title><link rel=\"stylesheet\" href=\"/static/etom.css\">");
        for (Variant v : Variant.values())
            if (v.isRdf()) out.println("<link rel=\"alternate\" type=\"" + v.mediaType() + "\" href=\"" + esc(path.document(v)) + "\">");
        out.println("</head><body><main class=\"description\">");
        out.println("<p><a href=\"/\">etom-kg</a></p>");
        out.print("<p>This description as");
        for (Variant v : Variant.values())
            if (v.isRdf()) out.print(" <a href=\"" + esc(path.document(v)) + "\">" + v.suffix() + "</a>");
        out.println("</p>");
        for (Node s : subjects) {
            String iri = s.getURI();
            int hash = iri.indexOf('#');
            out.println("<section" + (hash >= 0 ? " id=\"" + esc(iri.substring(hash + 1)) + "\"" : "") + ">");
            out.println("<h1>" + esc(label(description, s)) + "</h1><p><code>" + esc(iri) + "</code></p>");
            out.println("<table><tbody>");
            description.find(s, Node.ANY, Node.ANY).toList().stream()
                .sorted(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getObject().toString()))
                .forEach(t -> out.println("<tr><th>" + link(t.getPredicate(), description, prefixes) + "</th><td>"
                    + value(t.getObject(), description, prefixes) + "</td></tr>"));
            out.println("</tbody></table></section>");
        }
        out.println("</main></body></html>");
    }

    private static String value(Node o, Graph g, PrefixMapping prefixes) {
        if (o.isURI()) return link(o, g, prefixes);
        if (o.isLiteral()) {
            String lang = o.getLiteralLanguage();
            return esc(o.getLiteralLexicalForm()) + (lang.isEmpty() ? "" : " <small>@" + esc(lang) + "</small>");
        }
        return "<small>[" + esc(g.find(o, Node.ANY, Node.ANY).toList().stream()
            .map(t -> prefixes.shortForm(t.getPredicate().getURI()) + " " + plain(t.getObject(), prefixes)).reduce((a, b) -> a + "; " + b).orElse("")) + "]</small>";
    }

    private static String plain(Node o, PrefixMapping prefixes) {
        return o.isURI() ? prefixes.shortForm(o.getURI()) : o.isLiteral() ? o.getLiteralLexicalForm() : "[]";
    }

    private static String link(Node n, Graph g, PrefixMapping prefixes) {
        String iri = n.getURI();
        String label = label(g, n);
        String text = label.equals(iri) ? prefixes.shortForm(iri) : label;
        return "<a href=\"" + esc(ResourcePath.pathOf(iri)) + "\">" + esc(text) + "</a>";
    }

    /** The first label the description gives, or the IRI. */
    static String label(Graph g, Node n) {
        for (Node p : LabelledDescribe.LABELS) {
            var it = g.find(n, p, Node.ANY);
            while (it.hasNext()) {
                Node label = it.next().getObject();
                if (label.isLiteral()) return label.getLiteralLexicalForm();
            }
        }
        return n.isURI() ? n.getURI() : n.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
