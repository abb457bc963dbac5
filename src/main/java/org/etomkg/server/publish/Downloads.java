package org.etomkg.server.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryResult;
import org.etomkg.query.QueryRunner;
import org.etomkg.server.http.Problem;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.archimate.ArchimateExport;
import org.etomkg.archimate.ArchimateModel;
import org.etomkg.archimate.ExportScope;
import org.etomkg.bpmn.BpmnImport;
import org.etomkg.bpmn.FlowExport;
import org.etomkg.extension.ExtensionHeader;
import org.etomkg.vocab.ETOM;

/**
 * The downloads, at stable URLs under {@code /download/}: each release and each stored extension
 * as Turtle, JSON-LD, N-Triples or CSV ({@code release/R.ttl}, {@code extension/NAME.csv}, ...),
 * and the whole dataset as gzipped N-Quads ({@code etom-kg.nq.gz}), streamed from one read
 * transaction. A release or extension download is its named graph as stored; its CSV is the
 * answer of the named query {@code release-processes} or {@code extension-processes}.
 */
final class Downloads extends HttpServlet {
    static final String PATH = "/download";
    static final String DUMP = "/etom-kg.nq.gz";

    /** Suffix to media type, in the order the descriptions list them. */
    static final Map<String, String> FORMATS = new LinkedHashMap<>();
    static final Map<String, String> FORMAT_NAMES = Map.of("ttl", "Turtle", "jsonld", "JSON-LD", "nt", "N-Triples", "csv", "CSV");
    static {
        FORMATS.put("ttl", "text/turtle");
        FORMATS.put("jsonld", "application/ld+json");
        FORMATS.put("nt", "application/n-triples");
        FORMATS.put("csv", "text/csv");
    }
    /** A stored extension's end-to-end flow as a BPMN 2.0 model, for bpmn.io and the web page's flow view. */
    private static final Pattern FLOW = Pattern.compile("/extension/([^/]+)/flow/([^/]+)\\.bpmn");
    /** A release, or a stored extension with its release, in The Open Group's ArchiMate exchange format. */
    private static final Pattern ARCHIMATE = Pattern.compile("/(release|extension)/([^/]+)\\.archimate\\.xml");
    /** The graph of the vertical groups the crosswalk derives for the releases that do not state them. */
    private static final String DERIVED_GROUPS = ETOM.BASE + "graph/crosswalk/vertical-groups-derived";
    private static final Pattern ONE = Pattern.compile("/(release|extension)/(.+)\\.(ttl|jsonld|nt|csv)");

    private final KnowledgeStore store;
    private final Path queries;
    private final long timeoutSeconds;

    Downloads(KnowledgeStore store, Path queries, long timeoutSeconds) {
        this.store = store;
        this.queries = queries;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Where a graph's downloads live (add a suffix), for releases and stored extensions. */
    static Optional<String> pathOf(StoredGraph g) {
        return switch (g.kind()) {
            case RELEASE -> Optional.of(PATH + "/release/" + g.name());
            case EXTENSION -> Optional.of(PATH + "/extension/" + g.name());
            default -> Optional.empty();
        };
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp, true);
    }

    /** The headers alone: the servlet's default would write the whole download to throw it away. */
    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp, false);
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, boolean body) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (path.equals(DUMP)) {
            if (body) dump(resp);
            else attachment(resp, "application/gzip", DUMP.substring(1));
            return;
        }
        Matcher f = FLOW.matcher(path);
        if (f.matches()) {
            flow(resp, f.group(1), f.group(2), body);
            return;
        }
        Matcher a = ARCHIMATE.matcher(path);
        if (a.matches()) {
            archimate(req, resp, a.group(1).equals("release") ? StoredGraph.Kind.RELEASE : StoredGraph.Kind.EXTENSION, a.group(2), body);
            return;
        }
        Matcher m = ONE.matcher(path);
        if (!m.matches()) {
            Problem.send(resp, 404, "no such download: " + PATH + path + "; the downloads are listed at " + DatasetDescription.PATH);
            return;
        }
        StoredGraph.Kind kind = m.group(1).equals("release") ? StoredGraph.Kind.RELEASE : StoredGraph.Kind.EXTENSION;
        String name = m.group(2), suffix = m.group(3);
        List<StoredGraph> graphs = StoredGraph.of(store);
        Optional<StoredGraph> graph = StoredGraph.find(graphs, kind, name);
        if (graph.isEmpty()) {
            List<String> known = graphs.stream().filter(g -> g.kind() == kind).map(StoredGraph::name).toList();
            Problem.send(resp, 404, "no " + m.group(1) + " '" + name + "' in the store; there " + (known.isEmpty() ? "are none"
                : known.size() == 1 ? "is " + known.get(0) : "are " + String.join(", ", known)));
            return;
        }
        String file = (kind == StoredGraph.Kind.RELEASE ? "etom-" : "extension-") + name + "." + suffix;
        if (!body) {
            attachment(resp, contentType(suffix), file);
            return;
        }
        if (suffix.equals("csv")) {
            QueryResult table = table(kind, name);
            attachment(resp, contentType(suffix), file);
            try (Writer w = new java.io.OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8)) {
                ProcessTable.write(table, w);
            }
            return;
        }
        Graph copy = copy(graph.get().iri());
        PrefixMapping prefixes = PrefixMapping.Factory.create();
        if (kind == StoredGraph.Kind.RELEASE) prefixes.setNsPrefix("p", ETOM.processNamespace(name));
        Lang lang = RdfAnswer.SUFFIXES.get(suffix);
        attachment(resp, contentType(suffix), file);
        RdfAnswer.write(resp.getOutputStream(), copy, prefixes, lang);
    }

    private void flow(HttpServletResponse resp, String extension, String flow, boolean body) throws IOException {
        Optional<StoredGraph> graph = StoredGraph.find(StoredGraph.of(store), StoredGraph.Kind.EXTENSION, extension);
        if (graph.isEmpty()) {
            Problem.send(resp, 404, "no extension '" + extension + "' in the store");
            return;
        }
        Graph data = copy(graph.get().iri());
        ExtensionHeader.find(data).flatMap(h -> ExtensionHeader.release(data, h))
            .ifPresent(release -> copy(ETOM.releaseGraph(release)).find().forEach(data::add));
        String xml;
        try {
            xml = new FlowExport(Files.readString(queries.resolve("flow-steps.rq"))).write(data, flow);
        } catch (IllegalArgumentException e) {
            Problem.send(resp, 404, "extension '" + extension + "' has " + e.getMessage());
            return;
        }
        attachment(resp, "application/xml;charset=utf-8", extension + "-" + BpmnImport.slug(flow) + ".bpmn");
        if (body) resp.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@code export archimate} writes it, from the store: the release (levels 1-3 unless {@code ?levels=}) and the extension. */
    private void archimate(HttpServletRequest req, HttpServletResponse resp, StoredGraph.Kind kind, String name, boolean body) throws IOException {
        Optional<StoredGraph> graph = StoredGraph.find(StoredGraph.of(store), kind, name);
        if (graph.isEmpty()) {
            Problem.send(resp, 404, "no " + (kind == StoredGraph.Kind.RELEASE ? "release" : "extension") + " '" + name + "' in the store");
            return;
        }
        Graph data = copy(graph.get().iri());
        String release = kind == StoredGraph.Kind.RELEASE ? name
            : ExtensionHeader.find(data).flatMap(h -> ExtensionHeader.release(data, h)).orElse(null);
        if (release == null) {
            Problem.send(resp, 404, "extension '" + name + "' names no release it extends");
            return;
        }
        if (kind == StoredGraph.Kind.EXTENSION) copy(ETOM.releaseGraph(release)).find().forEach(data::add);
        copy(ETOM.META_MODEL).find().forEach(data::add);
        copy(DERIVED_GROUPS).find().forEach(data::add);
        ExportScope scope;
        try {
            scope = ExportScope.of(release, req.getParameter("levels") == null ? "1-3" : req.getParameter("levels"), false);
        } catch (IllegalArgumentException e) {
            Problem.send(resp, 400, e.getMessage());
            return;
        }
        String title = kind == StoredGraph.Kind.RELEASE ? "eTOM " + release : "eTOM " + release + " with " + name;
        ArchimateModel model = new ArchimateExport(queries).model(data, scope, title);
        attachment(resp, "application/xml;charset=utf-8", (kind == StoredGraph.Kind.RELEASE ? "etom-" : "extension-") + name + ".archimate.xml");
        if (body) ArchimateExport.write(model, resp.getOutputStream());
    }

    private QueryResult table(StoredGraph.Kind kind, String name) {
        String query = kind == StoredGraph.Kind.RELEASE ? "release-processes" : "extension-processes";
        NamedQuery q = QueryFiles.find(queries, query)
            .orElseThrow(() -> new IllegalStateException("the named query " + query + " is missing from " + queries));
        try (var conn = store.connect()) {
            return new QueryRunner(conn, timeoutSeconds).run(q, Map.of(kind == StoredGraph.Kind.RELEASE ? "release" : "extension", name));
        }
    }

    /** The graph held in memory, so that a slow client holds no transaction while it reads. */
    private Graph copy(String iri) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createGraphMem();
            dsg.find(NodeFactory.createURI(iri), null, null, null).forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        });
    }

    /** Every quad of the store, gzipped N-Quads, written as it is read: nothing is gathered in memory. */
    private void dump(HttpServletResponse resp) throws IOException {
        attachment(resp, "application/gzip", DUMP.substring(1));
        DatasetGraph dsg = store.datasetGraph();
        try (OutputStream gz = new GZIPOutputStream(resp.getOutputStream(), 1 << 16)) {
            Txn.executeRead(dsg, () -> {
                StreamRDF out = StreamRDFWriter.getWriterStream(gz, RDFFormat.NQUADS);
                out.start();
                dsg.find().forEachRemaining(out::quad);
                out.finish();
            });
        }
    }

    private static String contentType(String suffix) {
        return suffix.equals("csv") ? "text/csv;charset=utf-8;header=present" : RdfAnswer.SUFFIXES.get(suffix).getHeaderString() + ";charset=utf-8";
    }

    private static void attachment(HttpServletResponse resp, String contentType, String file) {
        resp.setContentType(contentType);
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        resp.setHeader("X-Content-Type-Options", "nosniff");
    }
}
