package org.etomkg.server.api;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.ValidationBudget;
import org.etomkg.extension.ValidationStoppedException;
import org.etomkg.extension.ReportFormat;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryParameter;
import org.etomkg.query.QueryResult;
import org.etomkg.query.QueryRunner;
import org.etomkg.query.QueryText;
import org.etomkg.query.ResultFormat;
import org.etomkg.server.http.ClientGone;
import org.etomkg.server.http.Problem;
import org.etomkg.server.http.WriteAuth;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.suggest.ParentSuggestions;
import org.etomkg.suggest.ReleaseSuggestions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /api} of the service: named queries, their OpenAPI description, health, and CSP
 * extensions (validate, store, read, delete, list). Each route is a thin shell over the same
 * operations the command line uses.
 */
public final class ApiServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private final KnowledgeStore store;
    private final Path queriesDir;
    private final ExtensionValidator validator;
    private final long timeoutSeconds;
    private final long validationSeconds;
    private final ReleaseSuggestions suggestions;
    private final StoreChecks checks;
    private final Semaphore turns = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    public ApiServlet(KnowledgeStore store, Path queriesDir, ExtensionValidator validator, long timeoutSeconds, long validationSeconds,
                      ReleaseSuggestions suggestions) {
        this.store = store;
        this.suggestions = suggestions;
        this.queriesDir = queriesDir;
        this.validator = validator;
        this.timeoutSeconds = timeoutSeconds;
        this.validationSeconds = validationSeconds;
        this.checks = new StoreChecks(store, queriesDir, validationSeconds);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod();
        try {
            if (path.equals("/health") && method.equals("GET")) health(resp);
            else if (path.equals("/queries") && method.equals("GET")) listQueries(resp);
            else if (path.equals("/checks") && method.equals("GET")) json(resp, 200, qualityChecks().toJson());
            else if (path.matches("/queries/[^/]+/sparql") && method.equals("GET")) queryText(path.substring(9, path.length() - 7), req, resp);
            else if (path.startsWith("/queries/") && method.equals("GET")) runQuery(path.substring(9), req, resp);
            else if (path.equals("/openapi.json") && method.equals("GET")) json(resp, 200, OpenApi.document(allQueries()));
            else if (path.equals("/validate") && method.equals("POST")) validate(req, resp);
            else if (path.equals("/extensions") && method.equals("GET")) listExtensions(resp);
            else if (path.startsWith("/extensions/") && path.endsWith("/report") && method.equals("GET")) extensionReport(path.substring(12, path.length() - 7), req, resp);
            else if (path.startsWith("/extensions/")) extension(path.substring(12), method, req, resp);
            else if (path.equals("/suggest") && method.equals("GET")) suggest(req, resp);
            else if (path.equals("/import/bpmn") && method.equals("POST")) json(resp, 200, BpmnMapping.draft(req, suggestions));
            else if (path.equals("/mapping/draft") && method.equals("POST"))
                json(resp, 200, BpmnMapping.reopen(ExtensionUpload.read(req.getInputStream(), req.getContentType()), req, suggestions));
            else if (path.equals("/mapping/draft") && method.equals("GET")) storedDraft(req, resp);
            else if (path.equals("/session") && method.equals("GET")) json(resp, 200, session(req));
            else Problem.send(resp, 404, "no such API resource: " + method + " /api" + path + " (see /api/openapi.json)");
        } catch (BrokenQueryFile e) {
            LOG.warn("{} {}: {}", method, req.getRequestURI(), e.getMessage());
            Problem.send(resp, 500, "a query file of the server is broken: " + e.getMessage());
        } catch (ExtensionInputException e) {
            Problem.send(resp, e.tooLarge() ? 413 : 400, e.getMessage());
        } catch (IllegalArgumentException e) {
            Problem.send(resp, 400, e.getMessage());
        } catch (ValidationStoppedException e) {
            Problem.send(resp, 503, e.getMessage());
        } catch (StackOverflowError e) {
            // Input nested or chained deeper than any extension needs; the thread's stack is whole again here.
            LOG.warn("{} {}: input too deeply nested", method, req.getRequestURI());
            if (!resp.isCommitted()) { resp.reset(); Problem.send(resp, 400, "the input is nested or chained too deeply to be read or validated"); }
        } catch (OutOfMemoryError e) {
            // One request asked for more than the heap holds; what it held is garbage now, and the server goes on.
            LOG.warn("{} {}: out of memory", method, req.getRequestURI());
            if (!resp.isCommitted()) { resp.reset(); Problem.send(resp, 503, "the request needs more memory than this server has; validate an extension this large on the command line"); }
        } catch (org.etomkg.store.StoreUnavailableException e) {
            // A remote store down or refusing: nothing was changed here, and the client may try again.
            LOG.warn("{} {}: {}", method, req.getRequestURI(), e.getMessage());
            if (resp.isCommitted()) throw e;
            resp.reset();
            resp.setHeader("Retry-After", "5");
            Problem.send(resp, 503, e.getMessage());
        } catch (QueryCancelledException e) {
            Problem.send(resp, 503, "the query ran longer than the timeout of " + timeoutSeconds + " s and was stopped");
        } catch (QueryDeniedException e) {
            Problem.send(resp, 403, "the query was refused: this server does not run federated queries (SERVICE); " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} {}: {}", method, req.getRequestURI(), e.toString(), e);
            if (resp.isCommitted()) throw e;
            resp.reset();
            Problem.send(resp, 500, "the server failed to answer: " + e.getMessage());
        }
    }

    private org.etomkg.check.QualityReport qualityChecks() {
        try {
            return checks.report();
        } catch (IllegalArgumentException e) {
            throw new BrokenQueryFile(e);   // a check file, or the folder, is missing or broken: the server's fault
        }
    }

    /** A query file that does not parse or lacks its header: the server's fault, not the client's. */
    private static final class BrokenQueryFile extends RuntimeException {
        BrokenQueryFile(IllegalArgumentException cause) { super(cause.getMessage(), cause); }
    }

    private List<NamedQuery> allQueries() {
        try {
            return QueryFiles.readAll(queriesDir);
        } catch (IllegalArgumentException e) {
            throw new BrokenQueryFile(e);
        }
    }

    /** 503 "damaged" when the store's last check failed (cached: the store repeats its cheap part at most once a minute). */
    private void health(HttpServletResponse resp) throws IOException {
        JsonObject o = new JsonObject();
        KnowledgeStore.Integrity integrity = store.integrity();
        if (!integrity.sound()) {
            o.put("status", "damaged");
            o.put("message", integrity.message());
            json(resp, 503, o);
            return;
        }
        try (var conn = store.connect()) {
            boolean answers = Txn.calculateRead(conn, () -> {
                try (var qe = conn.newQuery().query("ASK { GRAPH ?g { ?s ?p ?o } }").timeout(5, TimeUnit.SECONDS).build()) {
                    return qe.execAsk();
                }
            });
            o.put("status", answers ? "ok" : "empty");
            json(resp, answers ? 200 : 503, o);
        } catch (RuntimeException e) {
            o.put("status", "down");
            o.put("error", String.valueOf(e.getMessage()));
            json(resp, 503, o);
        }
    }

    private void listQueries(HttpServletResponse resp) throws IOException {
        JsonArray list = new JsonArray();
        for (NamedQuery q : allQueries()) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("title", q.title());
            o.put("description", q.description());
            o.put("href", "/api/queries/" + q.name());
            JsonArray params = new JsonArray();
            for (QueryParameter p : q.parameters()) {
                JsonObject po = new JsonObject();
                po.put("name", p.name());
                po.put("type", p.type());
                po.put("required", p.required());
                if (!p.required()) po.put("default", p.defaultValue());
                po.put("description", p.description());
                params.add(po);
            }
            o.put("parameters", params);
            list.add(o);
        }
        json(resp, 200, list);
    }

    private void runQuery(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<NamedQuery> q = namedQuery(name);
        if (q.isEmpty()) { Problem.send(resp, 404, "no named query '" + name + "' (see /api/queries)"); return; }
        Map<String, String> values = parameterValues(req);
        Optional<ResultFormat> format = negotiate(req.getHeader("Accept"));
        if (format.isEmpty()) {
            Problem.send(resp, 406, "cannot answer as " + req.getHeader("Accept") + ": a named query answers as "
                + "application/sparql-results+json, text/csv or text/tab-separated-values");
            return;
        }
        QueryResult result;
        try (var conn = store.connect()) {
            result = new QueryRunner(conn, timeoutSeconds).run(q.get(), values);
        }
        resp.setStatus(200);
        resp.setContentType(format.get().mediaType() + ";charset=utf-8");
        resp.addHeader("Vary", "Accept");
        resp.getWriter().write(format.get().format(result));
    }

    /** The named query as SPARQL text with the given values and defaults bound, to open in an editor. */
    private void queryText(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<NamedQuery> q = namedQuery(name);
        if (q.isEmpty()) { Problem.send(resp, 404, "no named query '" + name + "' (see /api/queries)"); return; }
        Map<String, String> values = parameterValues(req);
        resp.setStatus(200);
        resp.setContentType("application/sparql-query;charset=utf-8");
        resp.getWriter().write(QueryText.of(q.get(), values));
    }

    /** The named query of that name; a query file that does not parse is the server's fault, not the caller's. */
    private Optional<NamedQuery> namedQuery(String name) {
        try {
            return QueryFiles.find(queriesDir, name);
        } catch (IllegalArgumentException e) {
            throw new BrokenQueryFile(e);
        }
    }

    /** The request's parameters as the query's values: each given once. */
    private static Map<String, String> parameterValues(HttpServletRequest req) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var e : req.getParameterMap().entrySet()) {
            if (e.getValue().length != 1) throw new IllegalArgumentException("parameter '" + e.getKey() + "' is given more than once");
            values.put(e.getKey(), e.getValue()[0]);
        }
        return values;
    }

    /**
     * The result format for an Accept header: the acceptable type with the highest q, a named
     * type before a wildcard of the same q, then the first; SPARQL JSON when there is no header
     * or anything goes; empty when none of the three formats is acceptable.
     */
    static Optional<ResultFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) return Optional.of(ResultFormat.json);
        ResultFormat best = null;
        double bestQ = 0;
        boolean bestNamed = false;
        for (String part : accept.split(",")) {
            String[] fields = part.split(";");
            String type = fields[0].strip().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < fields.length; i++) {
                String f = fields[i].strip();
                if (f.startsWith("q=")) {
                    try { q = Double.parseDouble(f.substring(2)); } catch (NumberFormatException e) { q = 0; }
                }
            }
            ResultFormat format = switch (type) {
                case "application/sparql-results+json", "application/json", "application/*", "*/*" -> ResultFormat.json;
                case "text/csv", "text/*" -> ResultFormat.csv;
                case "text/tab-separated-values" -> ResultFormat.tsv;
                default -> null;
            };
            boolean named = !type.endsWith("/*");
            if (format != null && q > 0 && (q > bestQ || (q == bestQ && named && !bestNamed))) {
                best = format;
                bestQ = q;
                bestNamed = named;
            }
        }
        return Optional.ofNullable(best);
    }

    private void validate(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Graph extension = ExtensionUpload.read(req.getInputStream(), req.getContentType());
        ExtensionReport report = validate(extension, req, resp);
        report(resp, 200, report, req.getHeader("Accept"));
    }

    private void listExtensions(HttpServletResponse resp) throws IOException {
        JsonArray list = new JsonArray();
        for (ExtensionStore.Entry e : new ExtensionStore(store).list()) {
            JsonObject o = new JsonObject();
            o.put("name", e.name());
            o.put("header", e.header());
            o.put("release", e.release());
            o.put("status", "conforms");
            o.put("warnings", e.warnings());
            o.put("storedAt", e.storedAt());
            o.put("href", "/api/extensions/" + e.name());
            list.add(o);
        }
        json(resp, 200, list);
    }

    /** A stored extension validated again, against its own release or another (what would break on moving). */
    private void extensionReport(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!ExtensionStore.validName(name)) { Problem.send(resp, 400, "'" + name + "' is not a usable extension name (letters, digits, . _ -)"); return; }
        Optional<Graph> g = new ExtensionStore(store).get(name);
        if (g.isEmpty()) { Problem.send(resp, 404, "no stored extension '" + name + "'"); return; }
        report(resp, 200, validate(g.get(), req, resp), req.getHeader("Accept"));
    }

    /**
     * Validates within what one request may spend: the server's limit, and no more once its client
     * has gone. Validations take turns, one per core, so that many large ones at once cannot fill
     * the heap; waiting for a turn counts against the budget.
     */
    private ExtensionReport validate(Graph extension, HttpServletRequest req, HttpServletResponse resp) {
        ValidationBudget budget = ValidationBudget.of(Duration.ofSeconds(validationSeconds));
        try {
            if (!turns.tryAcquire(validationSeconds, TimeUnit.SECONDS))
                throw new ValidationStoppedException("the server is busy validating other extensions; try again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ValidationStoppedException("the server is stopping");
        }
        try (ClientGone.Watch watch = ClientGone.watch(req, resp, () -> budget.stop("the client went away"))) {
            return validator.validate(extension, Optional.ofNullable(req.getParameter("release")), budget);
        } finally {
            turns.release();
        }
    }

    /** The eTOM processes most likely to be an activity's parent, best first: {@code ?text=&release=&context=&limit=}. */
    private void suggest(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String text = req.getParameter("text"), context = req.getParameter("context"), limitText = req.getParameter("limit");
        if (text == null || text.isBlank()) { Problem.send(resp, 400, "give the activity as ?text=, such as ?text=Chase%20unpaid%20invoice"); return; }
        if (text.length() > 1000 || (context != null && context.length() > 1000)) { Problem.send(resp, 400, "text and context are at most 1000 characters each"); return; }
        int limit = 5;
        if (limitText != null) {
            if (!limitText.matches("\\d{1,3}") || Integer.parseInt(limitText) < 1 || Integer.parseInt(limitText) > 100) {
                Problem.send(resp, 400, "limit is a whole number from 1 to 100, not '" + limitText + "'");
                return;
            }
            limit = Integer.parseInt(limitText);
        }
        String release = suggestions.release(req.getParameter("release"));
        JsonObject o = new JsonObject();
        o.put("text", text);
        if (context != null && !context.isBlank()) o.put("context", context);
        o.put("release", release);
        JsonArray list = new JsonArray();
        for (ParentSuggestions.Suggestion s : suggestions.of(release).suggest(text, context, limit)) {
            JsonObject x = new JsonObject();
            x.put("identifier", s.identifier());
            x.put("name", s.name());
            x.put("level", s.level());
            x.put("score", org.apache.jena.atlas.json.JsonNumber.value(Math.round(s.score() * 100) / 100.0));
            x.put("reason", s.reason());
            x.put("matched", words(s.matched()));
            x.put("area", words(s.area()));
            x.put("trade", words(s.trade()));
            x.put("context", words(s.context()));
            s.meaning().ifPresent(m -> x.put("meaning", org.apache.jena.atlas.json.JsonNumber.value(Math.round(m * 100) / 100.0)));
            list.add(x);
        }
        o.put("suggestions", list);
        json(resp, 200, o);
    }

    private static JsonArray words(List<String> words) {
        JsonArray a = new JsonArray();
        words.forEach(a::add);
        return a;
    }

    /** {@code GET /api/mapping/draft?extension=NAME}: a stored extension opened for mapping. */
    private void storedDraft(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("extension");
        if (name == null || !ExtensionStore.validName(name)) { Problem.send(resp, 400, "give a stored extension's name as ?extension="); return; }
        Optional<Graph> g = new ExtensionStore(store).get(name);
        if (g.isEmpty()) { Problem.send(resp, 404, "no stored extension '" + name + "'"); return; }
        JsonObject o = BpmnMapping.reopen(g.get(), req, suggestions);
        o.put("name", name);
        json(resp, 200, o);
    }

    /** Who the request signed in as: WriteAuth has checked the password before this runs. */
    private static JsonObject session(HttpServletRequest req) {
        JsonObject o = new JsonObject();
        o.put("user", WriteAuth.userOf(req));
        return o;
    }

    private void extension(String name, String method, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!ExtensionStore.validName(name)) { Problem.send(resp, 400, "'" + name + "' is not a usable extension name (letters, digits, . _ -)"); return; }
        ExtensionStore extensions = new ExtensionStore(store);
        switch (method) {
            case "GET" -> {
                Optional<Graph> g = extensions.get(name);
                if (g.isEmpty()) { Problem.send(resp, 404, "no stored extension '" + name + "'"); return; }
                StringWriter w = new StringWriter();
                RDFDataMgr.write(w, ModelFactory.createModelForGraph(g.get()), Lang.TURTLE);
                resp.setStatus(200);
                resp.setContentType("text/turtle;charset=utf-8");
                resp.getWriter().write(w.toString());
            }
            case "PUT" -> {
                Graph extension = ExtensionUpload.read(req.getInputStream(), req.getContentType());
                ExtensionReport report = validate(extension, req, resp);
                if (!report.conforms()) { report(resp, 422, report, req.getHeader("Accept")); return; }
                boolean existed = extensions.list().stream().anyMatch(e -> e.name().equals(name));   // the registry, not a copy of the graph
                extensions.put(name, report, extension);
                report(resp, existed ? 200 : 201, report, req.getHeader("Accept"));
            }
            case "DELETE" -> {
                if (extensions.delete(name)) resp.setStatus(204);
                else Problem.send(resp, 404, "no stored extension '" + name + "'");
            }
            default -> {
                resp.setHeader("Allow", "GET, PUT, DELETE");
                Problem.send(resp, 405, method + " is not allowed on an extension");
            }
        }
    }

    private static void report(HttpServletResponse resp, int status, ExtensionReport report, String accept) throws IOException {
        boolean turtle = accept != null && accept.contains("text/turtle");
        resp.setStatus(status);
        resp.setContentType((turtle ? "text/turtle" : "application/json") + ";charset=utf-8");
        resp.getWriter().write((turtle ? ReportFormat.turtle : ReportFormat.json).format(report));
    }

    private static void json(HttpServletResponse resp, int status, Object json) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.getWriter().write(json.toString());
    }

}
