package org.etomkg.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.etomkg.server.http.Problem;
import org.etomkg.server.linked.LinkedData;

/**
 * The web page for people, served from the jar (no CDN, nothing to build): the pages at their
 * permalinks ({@code /}, {@code /map}, {@code /process/RELEASE/ID}, {@code /releases/RELEASE} and its
 * {@code domains/ID}, {@code groups/NAME}, its A-to-Z {@code index} and its {@code tree}, a stored extension's flow
 * {@code /extensions/NAME/flows/FLOW}, {@code /search},
 * {@code /validate}, {@code /mapping} (BPMN activities onto eTOM), {@code /sparql}) and their scripts, styles and vendored libraries under
 * {@code /static/}. The pages draw themselves from {@code /api}.
 */
public final class WebPages extends HttpServlet {
    /** Where each page path is answered from; the app page routes within itself. */
    public static final String[] PATHS = { "", "/map", "/process/*", "/releases/*", "/extensions/*", "/search", "/validate", "/mapping", "/sparql", "/static/*" };

    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html;charset=utf-8", "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8",
        "svg", "image/svg+xml", "png", "image/png", "json", "application/json", "woff2", "font/woff2", "txt", "text/plain;charset=utf-8");

    private final transient LinkedData linked;

    /** @param linked answers the page of a process, release or extension the store does not hold with a 404 */
    public WebPages(LinkedData linked) { this.linked = linked; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (linked.refuseMissingPage(req, resp)) return;
        String resource = resource(path);
        if (resource == null) {
            Problem.send(resp, 404, "no such page: " + path);
            return;
        }
        try (InputStream in = WebPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                Problem.send(resp, 404, "no such page: " + path);
                return;
            }
            String ext = resource.substring(resource.lastIndexOf('.') + 1);
            resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            resp.setHeader("X-Content-Type-Options", "nosniff");
            // Pages change with the jar; vendored files never do between versions.
            resp.setHeader("Cache-Control", resource.startsWith("/web/static/vendor/") ? "max-age=86400" : "no-cache");
            in.transferTo(resp.getOutputStream());
        }
    }

    /** The classpath resource a path is answered from, or null; never outside {@code /web/}. */
    static String resource(String path) {
        if (path.equals("/sparql")) return "/web/sparql.html";
        if (path.startsWith("/static/")) {
            String rest = path.substring("/static/".length());
            if (rest.isEmpty() || rest.contains("..") || rest.contains("//") || rest.contains("\\") || !rest.matches("[A-Za-z0-9._/-]+")) return null;
            return "/web/static/" + rest;
        }
        if (path.equals("/") || path.isEmpty() || path.equals("/map") || path.equals("/search") || path.equals("/validate") || path.equals("/mapping")
            || path.matches("/process/[0-9]+(\\.[0-9]+)*/[0-9]+(\\.[0-9]+)*")
            || path.matches("/releases/[0-9]+(\\.[0-9]+)*(/domains/[0-9]+(\\.[0-9]+)*|/groups/[a-z0-9-]+|/index|/tree)?")
            || path.matches("/extensions/[A-Za-z0-9._-]+/flows/[^/]+")) return "/web/index.html";
        return null;
    }
}
