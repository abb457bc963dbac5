package org.etomkg.server.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.irix.IRIs;
import org.apache.jena.sparql.core.Quad;
import org.etomkg.server.http.Problem;
import org.etomkg.store.KnowledgeStore;

/**
 * How the service describes and hands out its data, for tools that discover a SPARQL service:
 * <ul>
 * <li>{@code GET /etom/sparql} (or {@code /etom/query}) with no query string: the SPARQL 1.1
 * Service Description ({@link ServiceDescription}); with a query, Fuseki answers as ever;</li>
 * <li>{@code GET /.well-known/void}: the VoID and DCAT description of the dataset
 * ({@link DatasetDescription}), also named by a {@code Link} header on {@code /};</li>
 * <li>{@code GET /download/...}: the downloads ({@link Downloads});</li>
 * <li>{@code ?default} on the Graph Store Protocol reads ({@code /etom/get}, {@code /etom/data},
 * {@code /etom}): the union of the named graphs, the default graph every query sees, instead of
 * the stored default graph, which is empty.</li>
 * </ul>
 * Descriptions are content negotiated (Turtle, JSON-LD, RDF/XML, N-Triples) and name this server
 * by the scheme, host and port the request came to.
 */
public final class Publication {
    private Publication() {}

    /** Adds the descriptions, the downloads and the union {@code ?default} to a server of the dataset {@code dataset}. */
    public static void addTo(FusekiServer.Builder b, String dataset, KnowledgeStore store, Path queries, long timeoutSeconds) {
        Filter description = new ServiceDescriptionFilter(store);
        b.addFilter(dataset + "/sparql", description);
        b.addFilter(dataset + "/query", description);
        Filter union = new UnionDefaultGraph();
        for (String gsp : new String[] { dataset, dataset + "/get", dataset + "/data" }) b.addFilter(gsp, union);
        b.addFilter("/*", new DescribedBy());
        b.addServlet(DatasetDescription.PATH, new DatasetDescriptionServlet(store));
        b.addServlet(Downloads.PATH + "/*", new Downloads(store, queries, timeoutSeconds));
    }

    /** The server's own address as the request reached it: {@code http://host:port}, no path. */
    static String base(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        return url.substring(0, url.length() - req.getRequestURI().length());
    }

    private static boolean reads(HttpServletRequest req) {
        return req.getMethod().equals("GET") || req.getMethod().equals("HEAD");
    }

    /** The service description for a GET without a query string; everything else goes on to Fuseki. */
    private record ServiceDescriptionFilter(KnowledgeStore store) implements Filter {
        @Override public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            HttpServletResponse resp = (HttpServletResponse) response;
            String query = req.getQueryString();
            if (!reads(req) || query != null && !query.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            String base = base(req), endpoint = base + req.getRequestURI();
            if (!IRIs.check(endpoint)) {
                Problem.send(resp, 400, "the request's host cannot make an IRI: " + base);
                return;
            }
            RdfAnswer.send(req, resp, ServiceDescription.of(endpoint, base, StoredGraph.of(store)), Template.PREFIXES);
        }
    }

    /** {@code /.well-known/void}. */
    private static final class DatasetDescriptionServlet extends HttpServlet {
        private final transient KnowledgeStore store;

        DatasetDescriptionServlet(KnowledgeStore store) { this.store = store; }

        @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String base = base(req);
            if (!IRIs.check(base + "/")) {
                Problem.send(resp, 400, "the request's host cannot make an IRI: " + base);
                return;
            }
            RdfAnswer.send(req, resp, DatasetDescription.of(base, StoredGraph.of(store)), Template.PREFIXES);
        }
    }

    /** The landing page names the dataset's description (RFC 8288, the "describedby" relation). */
    private static final class DescribedBy implements Filter {
        @Override public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (((HttpServletRequest) request).getRequestURI().equals("/"))
                ((HttpServletResponse) response).addHeader("Link", "<" + DatasetDescription.PATH + ">; rel=\"describedby\"; type=\"text/turtle\"");
            chain.doFilter(request, response);
        }
    }

    /**
     * A Graph Store Protocol read of {@code ?default} becomes a read of Jena's union graph: the
     * store keeps nothing in its own default graph, and every query sees the union as the
     * default, so the protocol's default graph is that union too.
     */
    private static final class UnionDefaultGraph implements Filter {
        @Override public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            if (reads(req) && req.getParameter("default") != null && req.getParameter("graph") == null && req.getParameter("query") == null)
                request = new UnionRead(req);
            chain.doFilter(request, response);
        }
    }

    private static final class UnionRead extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        UnionRead(HttpServletRequest req) {
            super(req);
            req.getParameterMap().forEach((k, v) -> { if (!k.equals("default")) parameters.put(k, v); });
            parameters.put("graph", new String[] { Quad.unionGraph.getURI() });
        }

        @Override public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }
        @Override public Map<String, String[]> getParameterMap() { return Collections.unmodifiableMap(parameters); }
        @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(parameters.keySet()); }
        @Override public String[] getParameterValues(String name) { return parameters.get(name); }
        @Override public String getQueryString() {
            StringBuilder q = new StringBuilder();
            parameters.forEach((k, vs) -> {
                for (String v : vs) q.append(q.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v));
            });
            return q.toString();
        }

        private static String encode(String s) { return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8); }
    }
}
