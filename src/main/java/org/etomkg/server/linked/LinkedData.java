package org.etomkg.server.linked;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.etomkg.server.http.Problem;
import org.etomkg.vocab.ETOM;

/**
 * Dereferences the IRIs we mint under {@code https://w3id.org/etom-kg/}, following W3C "Cool
 * URIs for the Semantic Web". A slash IRI names a thing, not a document: {@code GET /X} answers
 * {@code 303 See Other} to the document the client's {@code Accept} asks for (q-values weighed,
 * {@code Vary: Accept}): the process page {@code /process/R/ID} or {@code /X.html} for people,
 * {@code /X.ttl}, {@code .jsonld}, {@code .rdf} or {@code .nt} for machines. Hash IRIs
 * ({@code /ontology#Domain}) reach the server as their document, {@code /ontology}, which
 * describes all of its terms. Each document is the {@code DESCRIBE} of its IRIs, the same
 * query {@code /etom/sparql} answers; what the store does not hold is a 404. The shapes'
 * IRIs ({@code /shapes}) are answered from the shape files ({@link ShapesDocuments}).
 */
public final class LinkedData extends HttpServlet {
    private final transient Descriptions descriptions;
    private final transient ShapesDocuments shapes;

    /** @param shapesDir the SHACL shapes the server validates with, whose IRIs are answered from the files */
    public LinkedData(DatasetGraph dsg, Path shapesDir) {
        LabelledDescribe.register();
        this.descriptions = new Descriptions(dsg);
        this.shapes = new ShapesDocuments(shapesDir);
    }

    /**
     * The servlet paths: the prefixes under which we mint IRIs, and the single-segment IRIs
     * (the ontology, the shapes, the entry ontologies) with their documents. {@code /etom}
     * itself is the SPARQL dataset: the entry ontology's documents are {@code /etom.ttl} and so on.
     */
    public static List<String> paths(List<String> graphNames) {
        List<String> out = new ArrayList<>();
        for (String p : ResourcePath.PREFIXES) out.add("/" + p + "/*");
        out.add("/shapes/*");
        List<String> singles = new ArrayList<>(List.of("/ontology", "/shapes", "/etom"));
        for (String g : graphNames)
            if (g.startsWith(ETOM.BASE + "etom-") && g.indexOf('/', ETOM.BASE.length()) < 0) singles.add("/" + g.substring(ETOM.BASE.length()));
        for (String s : singles) {
            if (!s.equals("/etom")) out.add(s);
            for (Variant v : Variant.values()) out.add(s + "." + v.suffix());
        }
        return out;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ResourcePath path = ResourcePath.parse(req.getRequestURI());
        Optional<Variant> asked = path.variant() != null ? Optional.of(path.variant()) : Variant.negotiate(req.getHeader("Accept"));
        // A suffix names a document, except a process's or a release's .html: its page is the web app's.
        boolean document = path.variant() != null && !(path.variant() == Variant.HTML && path.appPage().isPresent());
        Descriptions.Found found;
        try {
            found = shapes.answers(path) ? shapes.read(path).orElse(new Descriptions.Found(List.of(), null))
                : descriptions.lookUp(path, document);
        } catch (QueryCancelledException e) {
            Problem.send(resp, 503, "the description of " + path.thing() + " took longer than the query timeout allows");
            return;
        }
        List<Node> described = found.iris();
        if (path.variant() == null) resp.setHeader("Vary", "Accept");
        if (described.isEmpty()) {
            missing(resp, asked.orElse(Variant.TURTLE) == Variant.HTML, path);
            return;
        }
        if (asked.isEmpty()) {
            Problem.send(resp, 406, "no representation of " + path.thing() + " matches Accept; offered: text/html, text/turtle, "
                + "application/ld+json, application/rdf+xml, application/n-triples");
            return;
        }
        Variant v = asked.get();
        Optional<String> page = v == Variant.HTML ? path.appPage() : Optional.empty();
        if (!document) {
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", page.orElse(path.document(v)));
            resp.setHeader("Cache-Control", "max-age=3600");
            return;
        }
        Model description = found.description();
        description.setNsPrefixes(PREFIXES);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-cache");
        if (v == Variant.HTML) {
            resp.setContentType("text/html;charset=utf-8");
            PrintWriter out = resp.getWriter();
            DescriptionPage.write(out, path, described, description.getGraph(), description);
            return;
        }
        resp.setContentType(v.mediaType() + (v == Variant.RDFXML ? "" : ";charset=utf-8"));
        resp.setHeader("Link", "<" + path.document(Variant.HTML) + ">; rel=\"alternate\"; type=\"text/html\"");
        OutputStream out = resp.getOutputStream();
        RDFDataMgr.write(out, description, v.format());
    }

    private static final Pattern RELEASE_PAGE = Pattern.compile("/releases/([0-9]+(?:\\.[0-9]+)*)(?:/.*)?");
    private static final Pattern EXTENSION_PAGE = Pattern.compile("/extensions/([^/]+)/.*");

    /**
     * Answers a web page about something the store does not hold with a 404 page, and true: a
     * process ({@code /process/R/ID}), a release ({@code /releases/R} and its domain and group
     * pages) or a stored extension ({@code /extensions/NAME/...}). False (nothing sent) otherwise,
     * and the web app draws the page.
     */
    public boolean refuseMissingPage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (refuseMissingProcessPage(req, resp)) return true;
        String uri = req.getRequestURI();
        Matcher release = RELEASE_PAGE.matcher(uri);
        if (release.matches() && descriptions.described(new ResourcePath("/release/" + release.group(1), null)).isEmpty()) {
            MissingPage.sendPage(resp, "No release " + release.group(1) + " in this store", "The releases it holds:",
                descriptions.releases().stream().map(r -> new String[] { "/releases/" + r, r }).toList());
            return true;
        }
        Matcher extension = EXTENSION_PAGE.matcher(uri);
        if (extension.matches() && descriptions.described(new ResourcePath("/extension/" + extension.group(1), null)).isEmpty()) {
            MissingPage.sendPage(resp, "No extension “" + extension.group(1) + "” is stored", "The stored extensions:",
                descriptions.extensions().stream().map(x -> new String[] { "/map?extension=" + x, x }).toList());
            return true;
        }
        return false;
    }

    /**
     * Answers a web page path {@code /process/R/ID} for a process no release has: a 404 page,
     * and true; false (nothing sent) when the process exists or the path is no process page.
     */
    private boolean refuseMissingProcessPage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<String[]> page = ResourcePath.processOfPage(req.getRequestURI());
        if (page.isEmpty()) return false;
        String release = page.get()[0], id = page.get()[1];
        ResourcePath path = new ResourcePath("/release/" + release + "/process/" + id, null);
        if (!descriptions.described(path).isEmpty()) {
            resp.setHeader("Link", "<" + path.document(Variant.TURTLE) + ">; rel=\"alternate\"; type=\"text/turtle\"");
            return false;
        }
        if (descriptions.extensionHasProcess(release, id)) return false;
        missing(resp, true, path);
        return true;
    }

    private void missing(HttpServletResponse resp, boolean html, ResourcePath path) throws IOException {
        String id = path.processPage().map(p -> p.substring(p.lastIndexOf('/') + 1)).orElse(null);
        MissingPage.send(resp, html, path.extension().isPresent() ? path.thing() : path.iri(), id,
            id == null ? List.of() : descriptions.releasesWith(id));
    }

    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefixes(PrefixMapping.Standard)
        .setNsPrefix("etom", ETOM.NS)
        .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
        .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
        .lock();
}
