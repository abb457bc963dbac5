package org.etomkg.server;

import java.nio.file.Path;
import java.util.Arrays;

import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.StoreReference;
import org.etomkg.server.api.ApiServlet;
import org.etomkg.server.http.BodyLimit;
import org.etomkg.server.http.Cors;
import org.etomkg.server.http.CutOffAnswer;
import org.etomkg.server.http.RequestLog;
import org.etomkg.server.http.SignInThrottle;
import org.etomkg.server.http.SlowHeaders;
import org.etomkg.server.http.SlowUploads;
import org.etomkg.server.http.WriteAuth;
import org.etomkg.server.linked.LinkedData;
import org.etomkg.server.publish.Publication;
import org.etomkg.server.web.WebPages;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.suggest.ReleaseSuggestions;

/**
 * The etom-kg service: embedded Fuseki main over the store. Dataset {@code /etom} answers
 * SPARQL 1.1 Query ({@code /etom/sparql}, {@code /etom/query}), Graph Store Protocol reads
 * ({@code /etom/get}) and, with {@code --shacl}, Fuseki's SHACL operation ({@code /etom/shacl}); {@code /api} holds
 * the named queries, their OpenAPI description, health and extensions; the IRIs we mint dereference
 * ({@link LinkedData}). Safe by default:
 * loopback, no update, no admin, no federated SERVICE, no CORS, a timeout on every query,
 * a limit on every request body, and a user with a password for every write.
 */
public final class EtomServer implements AutoCloseable {
    public static final String DATASET = "/etom";

    private final FusekiServer server;
    private final String host;

    private EtomServer(FusekiServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /** With the ontology folder beside the shapes folder, as in a checkout (for the telecom synonyms of /api/suggest). */
    public static EtomServer start(KnowledgeStore store, Path queries, Path shapes, ServerOptions options) {
        return start(store, queries, shapes, shapes.toAbsolutePath().resolveSibling("ontology"), options);
    }

    public static EtomServer start(KnowledgeStore store, Path queries, Path shapes, Path ontology, ServerOptions options) {
        DatasetGraph dsg = store.datasetGraph();
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(options.timeoutSeconds() * 1000));
        dsg.getContext().set(ARQ.httpServiceAllowed, false);
        // Also for queries that run on graphs of their own, such as SHACL-SPARQL constraints: no SERVICE anywhere.
        ARQ.getContext().set(ARQ.httpServiceAllowed, false);

        FusekiServer.Builder b = FusekiServer.create()
            .port(options.port())
            .loopback(options.loopbackOnly())
            .enableCors(false)
            .enablePing(options.admin())
            .enableStats(options.admin())
            .enableMetrics(options.admin())
            .enableCompact(options.admin())
            .enableTasks(options.admin())
            .add(DATASET, dsg, false);
        // Fuseki's SHACL operation runs shapes the caller sends: off unless asked for, and then for users only.
        if (options.shacl()) b.addEndpoint(DATASET, "shacl", Operation.Shacl);
        if (options.update()) b.addEndpoint(DATASET, "update", Operation.Update);

        if (options.corsOrigins() != null)
            b.addFilter("/*", new Cors(Arrays.stream(options.corsOrigins().split(",")).map(String::strip).collect(Collectors.toSet())));
        SignInThrottle throttle = new SignInThrottle();
        // Who may write is settled before any body is read: a stranger's upload is refused unread.
        b.addFilter("/api/extensions/*", new WriteAuth(options.users(), false, throttle, options.localKey()));   // POST /api/validate stores nothing: open
        b.addFilter("/api/session", new WriteAuth(options.users(), true, throttle));          // the web page's sign-in check
        // Only what exists is guarded: without --update or --admin those paths are 404, not an invitation to log in.
        if (options.update()) b.addFilter(DATASET + "/update", new WriteAuth(options.users(), true, throttle));
        if (options.admin()) b.addFilter("/$/*", new WriteAuth(options.users(), true, throttle));
        if (options.shacl()) b.addFilter(DATASET + "/shacl", new WriteAuth(options.users(), true, throttle));
        b.addFilter("/*", new BodyLimit(options.maxBodyBytes()));
        b.addFilter(DATASET + "/*", new CutOffAnswer());

        StoreReference reference = new StoreReference(store);
        ExtensionValidator validator = new ExtensionValidator(shapes, reference);
        ReleaseSuggestions suggestions = ReleaseSuggestions.withWordsOf(reference, ontology);
        b.addServlet("/api/*", new ApiServlet(store, queries, validator, options.timeoutSeconds(), options.limits().validationSeconds(), suggestions));
        LinkedData linked = new LinkedData(dsg, shapes);   // also makes DESCRIBE give labels, on /etom/sparql too
        for (String path : LinkedData.paths(store.graphNames())) b.addServlet(path, linked);
        Publication.addTo(b, DATASET, store, queries, options.timeoutSeconds());   // service description, VoID, downloads
        WebPages pages = new WebPages(linked);
        for (String path : WebPages.PATHS) b.addServlet(path, pages);

        FusekiServer server = b.build();
        // Bodies are read before any thread is given to the request, and refused when they trickle in.
        ServerOptions.Limits limits = options.limits();
        SlowUploads uploads = new SlowUploads(limits.maxBodyBytes(), limits.minUploadBytesPerSecond(), limits.uploadGraceSeconds(),
            limits.heldBodies() * limits.maxBodyBytes());
        uploads.setHandler(server.getJettyServer().getHandler());
        server.getJettyServer().setHandler(uploads);
        for (Connector c : server.getJettyServer().getConnectors()) c.addEventListener(new SlowHeaders(limits.headerSeconds()));
        server.getJettyServer().setRequestLog(new RequestLog());
        if (!options.loopbackOnly() && !options.host().equals("0.0.0.0"))
            for (Connector c : server.getJettyServer().getConnectors())
                if (c instanceof ServerConnector sc) sc.setHost(options.host());
        server.start();
        return new EtomServer(server, boundHost(options));
    }

    /** The address clients reach the server at: loopback unless it was bound to one address. */
    private static String boundHost(ServerOptions options) {
        String host = options.host();
        if (options.loopbackOnly() || host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) return "127.0.0.1";
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public int port() { return server.getHttpPort(); }

    /** Where clients reach the server: {@code http://127.0.0.1:PORT}, or the one address given with --host. */
    public String baseUrl() { return "http://" + host + ":" + port(); }

    public String queryEndpoint() { return baseUrl() + DATASET + "/sparql"; }

    /** Blocks until the server stops. */
    public void join() { server.join(); }

    @Override public void close() { server.stop(); }

}
