package org.etomkg.bench.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Load on a running etom-kg service, from plain Java ({@code java.net.http}, a fixed number of
 * client threads, each sending its next request as soon as the last is answered):
 * <ol>
 * <li>requests per second and p50/p99 latency of named queries through the API, and of the same
 * SPARQL (the query file with the parameters substituted) sent straight to {@code /etom/sparql},
 * at each number of concurrent clients, interleaved in one run; the API's overhead as ratios;</li>
 * <li>the time to store a generated extension of N processes through {@code PUT /api/extensions/NAME}
 * (first store and replacements), beside validating it alone and the user check alone.</li>
 * </ol>
 * Prints a table; every figure also as a {@code key=value} line for scripts.
 *
 * <p>Usage: {@code ServiceLoad --base URL --home DIR --user NAME [--seconds S] [--warmup S]
 * [--clients 1,8,32] [--rounds 2] [--puts 5] [--processes 1000] [--queries "NAME?P=V&P=V;NAME?P=V"]}; the password comes from the
 * environment variable {@code BENCH_PASSWORD}.
 */
public final class ServiceLoad {
    /** The named queries to load, with their parameters: the one the issue names, and a lookup that costs the store little. */
    static final String DEFAULT_QUERIES = "path-to-root?id=1.3.3.10.2&release=26.0;process?id=1.3.3.10.2";
    static final String ACCEPT = "application/sparql-results+json";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private ServiceLoad(String base) { this.base = base; }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String base = require(o, "base");
        Path home = Path.of(require(o, "home"));
        String user = require(o, "user");
        String password = System.getenv("BENCH_PASSWORD");
        if (password == null) throw new IllegalArgumentException("set BENCH_PASSWORD");
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "15"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "10"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "2"));
        int puts = Integer.parseInt(o.getOrDefault("puts", "5"));
        int processes = Integer.parseInt(o.getOrDefault("processes", "1000"));
        int[] clients = Arrays.stream(o.getOrDefault("clients", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();

        ServiceLoad load = new ServiceLoad(base);
        System.out.printf(Locale.ROOT, "client: java.net.http, closed loop; %.0f s per cell in %d interleaved rounds, after %.0f s of warm-up per query; Accept: %s%n",
            seconds, rounds, warmup, ACCEPT);
        List<String> lines = new ArrayList<>();
        for (String spec : o.getOrDefault("queries", DEFAULT_QUERIES).split(";")) {
            String name = spec.contains("?") ? spec.substring(0, spec.indexOf('?')) : spec;
            Map<String, String> params = params(spec.contains("?") ? spec.substring(spec.indexOf('?') + 1) : "");
            URI api = URI.create(base + "/api/queries/" + name + "?" + query(params));
            URI direct = URI.create(base + "/etom/sparql?query=" + encode(substituted(home.resolve("queries").resolve(name + ".rq"), params)));
            int rows = load.sameAnswer(api, direct);
            System.out.printf(Locale.ROOT, "%n== named query GET %s, against the same SPARQL (%s.rq with %s substituted) at GET /etom/sparql?query=...;"
                + " both answer the same %d rows%n%n", api.toString().substring(base.length()), name, String.join(" and ", params.keySet()), rows);

            // warm-up: both paths, at the middle concurrency, so the JIT and the store's caches serve both
            int mid = clients[clients.length / 2];
            load.cell(api, mid, warmup / 2);
            load.cell(direct, mid, warmup / 2);

            System.out.println("| clients | API req/s | API p50 ms | API p99 ms | SPARQL req/s | SPARQL p50 ms | SPARQL p99 ms | req/s SPARQL/API | p50 API/SPARQL | p99 API/SPARQL |");
            System.out.println("|--------:|----------:|-----------:|-----------:|-------------:|--------------:|--------------:|-----------------:|---------------:|---------------:|");
            for (int c : clients) {
                Samples a = new Samples(), d = new Samples();
                for (int r = 0; r < rounds; r++) {
                    boolean apiFirst = r % 2 == 0;   // A B, B A, ...: neither path always runs on a warmer server
                    (apiFirst ? a : d).add(load.cell(apiFirst ? api : direct, c, seconds / rounds));
                    (apiFirst ? d : a).add(load.cell(apiFirst ? direct : api, c, seconds / rounds));
                }
                System.out.printf(Locale.ROOT, "| %7d | %9.1f | %10.2f | %10.2f | %12.1f | %13.2f | %13.2f | %16.2f | %14.2f | %14.2f |%n",
                    c, a.rps(), a.p(50), a.p(99), d.rps(), d.p(50), d.p(99), d.rps() / a.rps(), a.p(50) / d.p(50), a.p(99) / d.p(99));
                lines.add(String.format(Locale.ROOT, "query=%s clients=%d api_rps=%.1f api_p50_ms=%.3f api_p99_ms=%.3f api_errors=%d "
                    + "sparql_rps=%.1f sparql_p50_ms=%.3f sparql_p99_ms=%.3f sparql_errors=%d", name, c, a.rps(), a.p(50), a.p(99), a.errors,
                    d.rps(), d.p(50), d.p(99), d.errors));
            }
        }
        System.out.println();

        // storing an extension
        String ttl = SyntheticExtension.turtle(home.resolve("ontology"), processes);
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String name = "bench-" + processes;
        load.send(load.request("/api/extensions/" + name).header("Authorization", auth).DELETE(), 204, 404);
        Timed validate = load.timed(load.request("/api/validate").header("Content-Type", "text/turtle")
            .POST(HttpRequest.BodyPublishers.ofString(ttl)), 200);
        if (!org.apache.jena.atlas.json.JSON.parse(validate.body).get("conforms").getAsBoolean().value())
            throw new IllegalStateException("the generated extension does not conform:\n" + validate.body);
        Timed first = load.timed(load.request("/api/extensions/" + name).header("Authorization", auth).header("Content-Type", "text/turtle")
            .PUT(HttpRequest.BodyPublishers.ofString(ttl)), 201);
        Samples replace = new Samples(), validateOnly = new Samples(), authOnly = new Samples();
        for (int i = 0; i < puts; i++) {
            replace.add(load.timed(load.request("/api/extensions/" + name).header("Authorization", auth).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(ttl)), 200).millis);
            validateOnly.add(load.timed(load.request("/api/validate").header("Content-Type", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString(ttl)), 200).millis);
            authOnly.add(load.timed(load.request("/api/extensions/absent-" + i).header("Authorization", auth).DELETE(), 404).millis);
        }
        Timed read = load.timed(load.request("/api/extensions/" + name).GET(), 200);
        long triples = org.apache.jena.riot.RDFParser.fromString(ttl, org.apache.jena.riot.Lang.TURTLE).toGraph().size();

        System.out.printf(Locale.ROOT, "extension of %d processes: %d triples, %.0f KiB of Turtle (release 25.5, conforms)%n%n",
            processes, triples, ttl.getBytes(StandardCharsets.UTF_8).length / 1024.0);
        System.out.println("| operation                                   | runs | min ms | median ms | max ms |");
        System.out.println("|---------------------------------------------|-----:|-------:|----------:|-------:|");
        row("PUT, first store (201)", 1, first.millis, first.millis, first.millis);
        row("PUT, replacing the stored version (200)", replace.size(), replace.min(), replace.p(50), replace.max());
        row("POST /api/validate alone (stores nothing)", validateOnly.size(), validateOnly.min(), validateOnly.p(50), validateOnly.max());
        row("user check alone (DELETE of an absent name)", authOnly.size(), authOnly.min(), authOnly.p(50), authOnly.max());
        row("GET the stored extension (Turtle)", 1, read.millis, read.millis, read.millis);
        System.out.println();
        for (String l : lines) System.out.println(l);
        System.out.printf(Locale.ROOT, "put_processes=%d put_first_ms=%.1f put_replace_median_ms=%.1f validate_median_ms=%.1f auth_median_ms=%.1f%n",
            processes, first.millis, replace.p(50), validateOnly.p(50), authOnly.p(50));
    }

    private static void row(String what, int runs, double min, double median, double max) {
        System.out.printf(Locale.ROOT, "| %-43s | %4d | %6.0f | %9.0f | %6.0f |%n", what, runs, min, median, max);
    }

    /**
     * The query file with the parameters substituted as the API binds them, as SPARQL text. Every
     * parameter the benchmark uses (identifier, release) is bound as a plain string literal.
     */
    static String substituted(Path file, Map<String, String> params) throws IOException {
        Query q = QueryFactory.create(Files.readString(file));
        Map<Var, Node> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(Var.alloc(k), NodeFactory.createLiteralString(v)));
        return QueryTransformOps.replaceVars(q, values).serialize();
    }

    /** Checks that both requests answer, with the same rows in the same order; returns how many. */
    int sameAnswer(URI api, URI direct) throws Exception {
        List<Binding> a = results(send(HttpRequest.newBuilder(api).header("Accept", ACCEPT).GET(), 200).body());
        List<Binding> d = results(send(HttpRequest.newBuilder(direct).header("Accept", ACCEPT).GET(), 200).body());
        if (a.isEmpty()) throw new IllegalStateException(api + " answers no rows: is the release in the store?");
        if (!a.equals(d)) throw new IllegalStateException("the API and the endpoint answer differently:\n" + a + "\n" + d);
        return a.size();
    }

    private static List<Binding> results(String json) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<Binding> out = new ArrayList<>();
        while (rs.hasNext()) out.add(BindingFactory.copy(rs.nextBinding()));
        return out;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    /** {@code clients} threads send GET {@code uri} back to back for {@code seconds}; every latency is kept. */
    Samples cell(URI uri, int clients, double seconds) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", ACCEPT).timeout(Duration.ofSeconds(60)).GET().build();
        Samples all = new Samples();
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<long[]> perThread = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < clients; t++) {
            long[][] mine = {new long[4096]};
            int[] n = {0};
            counts.add(n);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    long end = window[1];
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() != 200) { errors.incrementAndGet(); continue; }
                        if (n[0] == mine[0].length) mine[0] = Arrays.copyOf(mine[0], n[0] * 2);
                        mine[0][n[0]++] = took;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (perThread) { perThread.add(Arrays.copyOf(mine[0], n[0])); }
            }, "client-" + t);
            threads.add(thread);
            thread.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.countDown();
        for (Thread t : threads) t.join();
        long elapsed = System.nanoTime() - window[0];
        for (long[] l : perThread) all.addNanos(l);
        all.nanos += elapsed;
        all.errors += errors.get();
        return all;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600));
    }

    HttpResponse<String> send(HttpRequest.Builder b, int... expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (int e : expected) if (r.statusCode() == e) return r;
        throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
    }

    record Timed(double millis, String body) {}

    Timed timed(HttpRequest.Builder b, int expected) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(b, expected);
        return new Timed((System.nanoTime() - t0) / 1e6, r.body());
    }

    /** Latencies in nanoseconds over a measured time; percentiles by nearest rank. */
    static final class Samples {
        long[] values = new long[0];
        long nanos;
        long errors;

        void add(Samples s) { addNanos(s.values); nanos += s.nanos; errors += s.errors; }
        void add(double millis) { addNanos(new long[] {(long) (millis * 1e6)}); }

        void addNanos(long[] more) {
            long[] merged = Arrays.copyOf(values, values.length + more.length);
            System.arraycopy(more, 0, merged, values.length, more.length);
            Arrays.sort(merged);
            values = merged;
        }

        int size() { return values.length; }
        double rps() { return values.length / (nanos / 1e9); }
        double min() { return values[0] / 1e6; }
        double max() { return values[values.length - 1] / 1e6; }
        double p(double percent) {
            int rank = (int) Math.ceil(percent / 100 * values.length);
            return values[Math.max(0, rank - 1)] / 1e6;
        }
    }

    private static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return b.toString();
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) throw new IllegalArgumentException("expected --NAME VALUE at " + args[i]);
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String require(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) throw new IllegalArgumentException("missing --" + key);
        return v;
    }
}
