package org.etomkg.server.linked;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import static org.etomkg.server.linked.DescriptionPage.esc;

/**
 * The 404 for what the store does not hold: an IRI of ours, a process page, a release's pages or
 * a stored extension's. A person gets a page that says what is missing, where to go instead (the
 * releases that have the identifier, the releases or extensions there are) and a search box; an
 * RDF client gets a short text.
 */
public final class MissingPage {
    private MissingPage() {}

    /**
     * @param iri what was asked for
     * @param id a process identifier to search for, or null
     * @param releases the releases that hold a process of that identifier
     */
    public static void send(HttpServletResponse resp, boolean html, String iri, String id, List<String> releases) throws IOException {
        start(resp);
        if (!html) {
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().println("Not found: this store holds nothing about <" + iri + ">."
                + (releases.isEmpty() ? "" : " Releases with process " + id + ": " + String.join(", ", releases) + "."));
            return;
        }
        PrintWriter out = head(resp);
        out.println("<h1>Not found</h1><p>This store holds nothing about <code>" + esc(iri) + "</code>.</p>");
        if (id != null) {
            if (releases.isEmpty()) out.println("<p>No release has a process " + esc(id) + ".</p>");
            else {
                out.println("<p>Process " + esc(id) + " is in:</p><ul>");
                for (String r : releases)
                    out.println("<li><a href=\"/process/" + esc(r) + "/" + esc(id) + "\">release " + esc(r) + "</a></li>");
                out.println("</ul>");
            }
            out.println("<p><a href=\"/search?q=" + esc(URLEncoder.encode(id, StandardCharsets.UTF_8)) + "\">Search for " + esc(id) + "</a></p>");
        }
        foot(out, id);
    }

    /**
     * The 404 of a web page about a release or a stored extension that the store does not hold.
     *
     * @param title what is missing, as the page's heading ("No release 99.0")
     * @param others what there is instead, such as "The releases in the store:"
     * @param pages the paths of those others' pages, each with its name, in order
     */
    public static void sendPage(HttpServletResponse resp, String title, String others, List<String[]> pages) throws IOException {
        start(resp);
        PrintWriter out = head(resp);
        out.println("<h1 id=\"not-found\">" + esc(title) + "</h1>");
        out.print("<p>" + esc(others));
        for (int i = 0; i < pages.size(); i++)
            out.print((i == 0 ? " " : ", ") + "<a href=\"" + esc(pages.get(i)[0]) + "\">" + esc(pages.get(i)[1]) + "</a>");
        out.println(pages.isEmpty() ? " none.</p>" : ".</p>");
        foot(out, null);
    }

    private static void start(HttpServletResponse resp) {
        resp.setStatus(404);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-cache");
    }

    private static PrintWriter head(HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=utf-8");
        PrintWriter out = resp.getWriter();
        out.println("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Not found · etom-kg</title>");
        out.println("<link rel=\"stylesheet\" href=\"/static/etom.css\"></head><body><main class=\"description missing\">");
        out.println("<p><a href=\"/\">etom-kg</a></p>");
        return out;
    }

    /** A search box (filled with what was asked for, when that is an identifier) and the site's main pages. */
    private static void foot(PrintWriter out, String q) {
        out.println("<form class=\"toolbar\" id=\"missing-search\" role=\"search\" action=\"/search\">"
            + "<label for=\"missing-q\">Search processes</label> <input id=\"missing-q\" name=\"q\" type=\"search\""
            + (q == null ? "" : " value=\"" + esc(q) + "\"") + "> <button type=\"submit\">Search</button></form>");
        out.println("<p><a href=\"/map\">The eTOM map</a> · <a href=\"/search\">Search</a> · <a href=\"/sparql\">SPARQL</a></p>");
        out.println("</main></body></html>");
    }
}
