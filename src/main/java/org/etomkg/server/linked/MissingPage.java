package org.etomkg.server.linked;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import static org.etomkg.server.linked.DescriptionPage.esc;

/**
 * The 404 for an IRI of ours that the store does not hold: a page that says so and where to go
 * (the releases that have the identifier, search, the map), or a short text for an RDF client.
 */
public final class MissingPage {
    private MissingPage() {}

    /**
     * @param iri what was asked for
     * @param id a process identifier to search for, or null
     * @param releases the releases that hold a process of that identifier
     */
    public static void send(HttpServletResponse resp, boolean html, String iri, String id, List<String> releases) throws IOException {
        resp.setStatus(404);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-cache");
        if (!html) {
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().println("Not found: this store holds nothing about <" + iri + ">."
                + (releases.isEmpty() ? "" : " Releases with process " + id + ": " + String.join(", ", releases) + "."));
            return;
        }
        resp.setContentType("text/html;charset=utf-8");
        PrintWriter out = resp.getWriter();
        out.println("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found · etom-kg</title>");
        out.println("<link rel=\"stylesheet\" href=\"/static/etom.css\"></head><body><main class=\"description\">");
        out.println("<h1>Not found</h1><p>This store holds nothing about <code>" + esc(iri) + "</code>.</p>");
        if (id != null) {
            if (releases.isEmpty()) out.println("<p>No release has a process " + esc(id) + ".</p>");
            else {
                out.println("<p>Process " + esc(id) + " is in:</p><ul>");
                for (String r : releases)
                    out.println("<li><a href=\"/process/" + esc(r) + "/" + esc(id) + "\">release " + esc(r) + "</a></li>");
                out.println("</ul>");
            }
            out.println("<p><a href=\"/search?q=" + esc(java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)) + "\">Search for " + esc(id) + "</a></p>");
        }
        out.println("<p><a href=\"/map\">The eTOM map</a> · <a href=\"/search\">Search</a> · <a href=\"/sparql\">SPARQL</a></p>");
        out.println("</main></body></html>");
    }
}
