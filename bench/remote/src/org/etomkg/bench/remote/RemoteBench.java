package org.etomkg.bench.remote;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The remote-store benchmark's load generator: plain Java ({@code java.net.http}), run by
 * {@code bench/remote-store.sh} against {@code ./etom-kg serve} processes that are already up,
 * one phase per run:
 * <ul>
 * <li>{@code suite}: every named query with the parameters of the remote-store suite, through
 * {@code GET /api/queries/NAME?...}, once as warm-up and then in rounds, the stores interleaved
 * within each round; a table query &times; store of the median time, the totals and the ratios
 * to the first store (the embedded one). A query that fails or times out in the warm-up is
 * reported as such and not asked again on that store.</li>
 * <li>{@code put}: storing a generated extension of N processes through
 * {@code PUT /api/extensions/NAME} (first store and replacements) beside {@code POST /api/validate}
 * of the same body, on each store.</li>
 * <li>{@code rps}: requests per second and p50/p99 of named queries at C closed-loop clients, on
 * named groups of services; within a group the clients are split round-robin across its services.</li>
 * </ul>
 * Every figure is also printed as a {@code key=value} line. The password of the writing user comes
 * from {@code BENCH_PASSWORD}.
 *
 * <p>Usage: {@code RemoteBench suite --home DIR --stores NAME=URL,NAME=URL,... [--rounds 3] [--timeout 30]};
 * {@code RemoteBench put --home DIR --stores ... --user NAME [--puts 3] [--processes 1000]};
 * {@code RemoteBench rps --groups "NAME=URL+URL;NAME=URL" --queries "NAME?P=V&P=V;..." [--clients 32] [--seconds 15] [--warmup 5]}.
 */
public final class RemoteBench {
    static final String ACCEPT = "application/sparql-results+json";

    /**
     * Every named query with its parameters: the map {@code RemoteStoreSuite.SUITE} of the tests
     * (with {@code ExtensionPromiseTest.ASKED}), copied here so that the benchmark needs only the
     * jar. {@link #suite} refuses to run when a query file of {@code queries/} has no entry.
     */
    static final Map<String, List<Map<String, String>>> SUITE = new LinkedHashMap<>();
    static {
        List<String> ids = List.of("1.3", "1.3.3", "1.3.3.10", "1.3.3.10.1", "1.3.3.11", "1.3.3.12");
        for (String q : List.of("path-to-root", "process-card", "process-components", "process-history", "process-sid-abes", "subtree"))
            SUITE.put(q, ids.stream().map(id -> Map.of("id", id, "release", "25.5")).toList());
        SUITE.put("process", ids.stream().map(id -> Map.of("id", id)).toList());
        for (String q : List.of("flagged-elements", "map", "multi-group-processes", "release-summary", "retired-processes",
                                "stale-component-references", "uncovered-processes"))
            SUITE.put(q, List.of(Map.of("release", "25.5"), Map.of("release", "26.0")));
        SUITE.put("domain-sid-abes", List.of(Map.of("domain", "Customer", "release", "25.5")));
        SUITE.put("domain-summary", List.of(Map.of("domain", "Customer", "release", "25.5"), Map.of("domain", "1.3", "release", "26.0")));
        SUITE.put("release-processes", List.of(Map.of("release", "25.5")));
        SUITE.put("group-domain-apis", List.of(Map.of("domain", "Customer", "group", "Fulfillment", "release", "25.5")));
        SUITE.put("map-cell", List.of(Map.of("domain", "Customer", "group", "Fulfillment", "release", "25.5")));
        SUITE.put("release-diff", List.of(Map.of("from", "25.0", "to", "25.5"), Map.of("from", "25.5", "to", "26.0")));
        SUITE.put("releases", List.of(Map.of()));
        SUITE.put("release-index", List.of(Map.of("release", "25.5")));
        SUITE.put("process-children", Stream.of("top", "1.3", "1.3.3", "1.3.3.10", "1.3.3.10.1")
            .map(id -> Map.of("parent", id, "release", "25.5")).toList());
        SUITE.put("bottlenecks", List.of(Map.of()));
        SUITE.put("redundancy", List.of(Map.of()));
        SUITE.put("extension-coverage", List.of(Map.of("release", "25.5")));
        SUITE.put("extension-overlay", List.of(Map.of("extension", "remote-ext0", "release", "25.5")));
        SUITE.put("extension-processes", List.of(Map.of("extension", "remote-ext0")));
        SUITE.put("extension-process", List.of(Map.of("id", "2.3.3.10.1", "release", "25.5")));
        SUITE.put("extension-process-apis", List.of(Map.of("id", "2.3.3.10.1")));
        SUITE.put("flow-accountability", List.of(Map.of("flow", "Order-to-Payment")));
        SUITE.put("flow-steps", List.of(Map.of("flow", "Order-to-Payment")));
        SUITE.put("process-extensions", List.of(Map.of("id", "1.3.3.10", "release", "25.5")));
        SUITE.put("process-flows", List.of(Map.of("id", "2.3.3.10.1", "release", "25.5")));
        SUITE.put("search", List.of(Map.of("text", "web shop", "release", "25.5"), Map.of("text", "order hand", "release", "26.0"),
            Map.of("text", "1.3.3", "release", "25.5")));
    }

    /** The extensions the suite's extension queries ask about, stored as the tests store them. */
    static final List<String> SUITE_EXTENSIONS = List.of("examples/nordlicht-telecom.ttl", "src/test/resources/extension/hostile-conforming.ttl");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("usage: RemoteBench suite|put|rps --NAME VALUE ...");
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        RemoteBench b = new RemoteBench();
        switch (args[0]) {
            case "suite" -> b.suite(Path.of(require(o, "home")), stores(require(o, "stores")), Integer.parseInt(o.getOrDefault("rounds", "3")),
                Integer.parseInt(o.getOrDefault("timeout", "30")), require(o, "user"));
            case "put" -> b.put(Path.of(require(o, "home")), stores(require(o, "stores")), require(o, "user"),
                Integer.parseInt(o.getOrDefault("puts", "3")), Integer.parseInt(o.getOrDefault("processes", "1000")));
            case "rps" -> b.rps(groups(require(o, "groups")), List.of(require(o, "queries").split(";")), Integer.parseInt(o.getOrDefault("clients", "32")),
                Double.parseDouble(o.getOrDefault("seconds", "15")), Double.parseDouble(o.getOrDefault("warmup", "5")));
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
    }

    // ------------------------------------------------------------------ the suite

    /** One question: a named query with one set of parameters. */
    record Question(String name, Map<String, String> params) {
        String path() { return "/api/queries/" + name + (params.isEmpty() ? "" : "?" + query(params)); }
    }

    /** What one store did with one question in the warm-up: rows, or why not. */
    record Outcome(int rows, String failure) {}

    void suite(Path home, Map<String, String> stores, int rounds, int timeout, String user) throws Exception {
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(home.resolve("queries"))) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".rq")).map(f -> f.substring(0, f.length() - 3))
                .filter(n -> !SUITE.containsKey(n)).forEach(missing::add);
        }
        if (!missing.isEmpty()) throw new IllegalStateException("named queries without parameters in the benchmark's SUITE: " + missing);
        List<Question> questions = new ArrayList<>();
        SUITE.forEach((name, list) -> list.forEach(p -> questions.add(new Question(name, p))));

        String auth = auth(user);
        for (var store : stores.entrySet())
            for (int n = 0; n < SUITE_EXTENSIONS.size(); n++) {
                String body = Files.readString(home.resolve(SUITE_EXTENSIONS.get(n)));
                send(HttpRequest.newBuilder(URI.create(store.getValue() + "/api/extensions/remote-ext" + n)).timeout(Duration.ofSeconds(300))
                    .header("Authorization", auth).header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(body)), 200, 201);
            }

        List<String> names = new ArrayList<>(stores.keySet());
        System.out.printf(Locale.ROOT, "%d named queries, %d questions (query + parameters); through GET /api/queries/NAME?..., Accept: %s;"
            + " timeout %d s per request (serve --timeout %d); one warm-up pass, then %d rounds, the stores in turn within each round%n",
            SUITE.size(), questions.size(), ACCEPT, timeout + 5, timeout, rounds);

        // warm-up: every question once on every store; what fails here is not asked again there
        Map<String, Map<Question, Outcome>> warm = new LinkedHashMap<>();
        Map<String, Double> warmMillis = new LinkedHashMap<>();
        for (String s : names) {
            Map<Question, Outcome> out = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            for (Question q : questions) out.put(q, ask(stores.get(s), q, timeout + 5).outcome);
            warmMillis.put(s, (System.nanoTime() - t0) / 1e6);
            warm.put(s, out);
        }

        // rounds: per store, per question, the times of every round
        Map<String, Map<Question, double[]>> times = new LinkedHashMap<>();
        for (String s : names) {
            Map<Question, double[]> m = new LinkedHashMap<>();
            for (Question q : questions) m.put(q, new double[rounds]);
            times.put(s, m);
        }
        Map<String, double[]> roundTotals = new LinkedHashMap<>();
        for (String s : names) roundTotals.put(s, new double[rounds]);
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < names.size(); k++) {
                String s = names.get((k + r) % names.size());   // each store goes first in some round
                long t0 = System.nanoTime();
                for (Question q : questions) {
                    if (warm.get(s).get(q).failure != null) { times.get(s).get(q)[r] = Double.NaN; continue; }
                    Asked a = ask(stores.get(s), q, timeout + 5);
                    times.get(s).get(q)[r] = a.outcome.failure == null ? a.millis : Double.NaN;
                }
                roundTotals.get(s)[r] = (System.nanoTime() - t0) / 1e6;
            }

        // per named query: the sum over its parameter sets, per round; then the median over the rounds
        System.out.println();
        StringBuilder head = new StringBuilder("| named query | asked |"), rule = new StringBuilder("|---|---:|");
        for (String s : names) { head.append(' ').append(s).append(" ms | rows |"); rule.append("---:|---:|"); }
        for (String s : names.subList(1, names.size())) { head.append(' ').append(s).append("/").append(names.get(0)).append(" |"); rule.append("---:|"); }
        System.out.println(head);
        System.out.println(rule);
        Map<String, Double> comparableTotal = new LinkedHashMap<>();
        names.forEach(s -> comparableTotal.put(s, 0.0));
        List<String> kv = new ArrayList<>(), problems = new ArrayList<>();
        for (String name : SUITE.keySet()) {
            List<Question> qs = questions.stream().filter(q -> q.name.equals(name)).toList();
            StringBuilder row = new StringBuilder("| " + name + " | " + qs.size() + " |");
            Map<String, Double> med = new LinkedHashMap<>();
            boolean allAnswered = true;
            for (String s : names) {
                List<String> failures = new ArrayList<>();
                int rows = 0;
                for (Question q : qs) {
                    Outcome o = warm.get(s).get(q);
                    if (o.failure != null) failures.add(o.failure); else rows += o.rows;
                }
                double[] perRound = new double[rounds];
                boolean laterFailure = false;
                for (Question q : qs) for (int r = 0; r < rounds; r++) {
                    double t = times.get(s).get(q)[r];
                    if (Double.isNaN(t) && warm.get(s).get(q).failure == null) laterFailure = true;
                    else if (!Double.isNaN(t)) perRound[r] += t;
                }
                double m = median(perRound);
                med.put(s, m);
                String cell;
                if (failures.size() == qs.size()) { cell = failures.get(0); allAnswered = false; m = Double.NaN; med.put(s, m); }
                else if (!failures.isEmpty()) { cell = String.format(Locale.ROOT, "%.1f (%d of %d %s)", m, failures.size(), qs.size(), failures.get(0)); allAnswered = false; }
                else cell = String.format(Locale.ROOT, "%.1f%s", m, laterFailure ? " (a later round failed)" : "");
                for (Question q : qs) if (warm.get(s).get(q).failure != null) problems.add(s + ": " + q.path() + ": " + warm.get(s).get(q).failure);
                row.append(' ').append(cell).append(" | ").append(failures.size() == qs.size() ? "-" : Integer.toString(rows)).append(" |");
                kv.add(String.format(Locale.ROOT, "suite store=%s query=%s asked=%d median_ms=%.2f rows=%d failed=%d", s, name, qs.size(), m, rows, failures.size()));
            }
            for (String s : names.subList(1, names.size()))
                row.append(String.format(Locale.ROOT, " %s |", Double.isNaN(med.get(s)) || Double.isNaN(med.get(names.get(0))) ? "-" : String.format(Locale.ROOT, "%.2f", med.get(s) / med.get(names.get(0)))));
            if (allAnswered) names.forEach(s -> comparableTotal.merge(s, med.get(s), Double::sum));
            System.out.println(row);
        }
        System.out.println();
        StringBuilder th = new StringBuilder("| store | warm-up pass s | round total s (each round) | median round s | failed or timed out | sum of medians, queries all stores answered, s | vs " + names.get(0) + " |");
        System.out.println(th);
        System.out.println("|---|---:|---|---:|---:|---:|---:|");
        for (String s : names) {
            long failed = warm.get(s).values().stream().filter(o -> o.failure != null).count();
            double[] rt = roundTotals.get(s);
            StringBuilder each = new StringBuilder();
            for (double t : rt) each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", t / 1000));
            System.out.printf(Locale.ROOT, "| %s | %.2f | %s | %.2f | %d of %d | %.2f | %.2f |%n", s, warmMillis.get(s) / 1000, each, median(rt) / 1000,
                failed, questions.size(), comparableTotal.get(s) / 1000, comparableTotal.get(s) / comparableTotal.get(names.get(0)));
            kv.add(String.format(Locale.ROOT, "suite_total store=%s warmup_s=%.3f median_round_s=%.3f failed=%d questions=%d comparable_s=%.3f ratio_to_%s=%.3f",
                s, warmMillis.get(s) / 1000, median(rt) / 1000, failed, questions.size(), comparableTotal.get(s) / 1000, names.get(0),
                comparableTotal.get(s) / comparableTotal.get(names.get(0))));
        }
        System.out.println("(a round's total includes asking nothing of what failed in the warm-up: compare the sums of medians)");
        // rows that differ from the first store's
        for (Question q : questions) {
            Outcome ref = warm.get(names.get(0)).get(q);
            for (String s : names.subList(1, names.size())) {
                Outcome o = warm.get(s).get(q);
                if (o.failure == null && ref.failure == null && o.rows != ref.rows)
                    problems.add(s + ": " + q.path() + ": " + o.rows + " rows, " + names.get(0) + " " + ref.rows);
            }
        }
        if (!problems.isEmpty()) {
            System.out.println();
            System.out.println("failures, time-outs and row counts that differ from " + names.get(0) + "'s:");
            problems.forEach(p -> System.out.println("  " + p));
        }
        System.out.println();
        kv.forEach(System.out::println);
    }

    record Asked(double millis, Outcome outcome) {}

    Asked ask(String base, Question q, int timeoutSeconds) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + q.path())).header("Accept", ACCEPT)
            .timeout(Duration.ofSeconds(timeoutSeconds)).GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                String body = r.body().replaceAll("\\s+", " ");
                return new Asked(ms, new Outcome(0, "HTTP " + r.statusCode() + " after " + Math.round(ms / 100) / 10.0 + " s"
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(120, body.length())))));
            }
            JsonObject json = JSON.parse(r.body());
            int rows = json.hasKey("results") ? json.get("results").getAsObject().get("bindings").getAsArray().size() : 1;
            return new Asked(ms, new Outcome(rows, null));
        } catch (HttpTimeoutException e) {
            return new Asked((System.nanoTime() - t0) / 1e6, new Outcome(0, "timed out (" + timeoutSeconds + " s)"));
        } catch (IOException e) {
            return new Asked((System.nanoTime() - t0) / 1e6, new Outcome(0, "failed: " + e));
        }
    }

    // ------------------------------------------------------------------ storing an extension

    void put(Path home, Map<String, String> stores, String user, int puts, int processes) throws Exception {
        Path file = Files.createTempFile("synthetic", ".ttl");
        org.etomkg.bench.service.SyntheticExtension.main(new String[] {home.resolve("ontology").toString(), Integer.toString(processes), file.toString()});
        String ttl = Files.readString(file);
        Files.delete(file);
        long triples = org.apache.jena.riot.RDFParser.fromString(ttl, org.apache.jena.riot.Lang.TURTLE).toGraph().size();
        String auth = auth(user);
        String name = "bench-" + processes;
        System.out.printf(Locale.ROOT, "extension of %d processes (SyntheticExtension): %d triples, %.0f KiB of Turtle; PUT /api/extensions/%s: the first store, then %d replacements, each beside a POST /api/validate of the same body%n%n",
            processes, triples, ttl.getBytes(StandardCharsets.UTF_8).length / 1024.0, name, puts);
        System.out.println("| store | PUT first (201) ms | PUT replace median ms (min-max) | POST /api/validate median ms | replace - validate ms (the store's share) | DELETE ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        List<String> kv = new ArrayList<>();
        for (var store : stores.entrySet()) {
            String base = store.getValue();
            try {
                putOne(base, store.getKey(), name, ttl, auth, puts, processes, kv);
            } catch (IllegalStateException failed) {   // a store that cannot take it is a finding, not the end of the run
                String why = failed.getMessage().replaceAll("\\s+", " ");
                System.out.printf(Locale.ROOT, "| %s | FAILED: %s | | | | |%n", store.getKey(), why.substring(0, Math.min(300, why.length())));
                kv.add(String.format(Locale.ROOT, "put store=%s processes=%d failed=1", store.getKey(), processes));
            }
        }
        System.out.println();
        kv.forEach(System.out::println);
    }

    void putOne(String base, String storeName, String name, String ttl, String auth, int puts, int processes, List<String> kv) throws Exception {
        {
            send(req(base, "/api/extensions/" + name).header("Authorization", auth).DELETE(), 204, 404);
            double[] v0 = timed(req(base, "/api/validate").header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(ttl)), 200);
            double first = timed(req(base, "/api/extensions/" + name).header("Authorization", auth).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(ttl)), 201)[0];
            double[] replace = new double[puts], validate = new double[puts];
            for (int i = 0; i < puts; i++) {
                replace[i] = timed(req(base, "/api/extensions/" + name).header("Authorization", auth).header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString(ttl)), 200)[0];
                validate[i] = timed(req(base, "/api/validate").header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(ttl)), 200)[0];
            }
            double del = timed(req(base, "/api/extensions/" + name).header("Authorization", auth).DELETE(), 204)[0];
            double[] sorted = replace.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f (%.0f-%.0f) | %.0f | %.0f | %.0f |%n", storeName, first, median(replace), sorted[0], sorted[sorted.length - 1],
                median(validate), median(replace) - median(validate), del);
            kv.add(String.format(Locale.ROOT, "put store=%s processes=%d first_ms=%.1f replace_median_ms=%.1f validate_median_ms=%.1f validate_first_ms=%.1f delete_ms=%.1f",
                storeName, processes, first, median(replace), median(validate), v0[0], del));
        }
    }

    // ------------------------------------------------------------------ requests per second

    void rps(Map<String, List<String>> groups, List<String> queries, int clients, double seconds, double warmup) throws InterruptedException {
        System.out.printf(Locale.ROOT, "%d closed-loop clients (java.net.http), %.0f s of warm-up then %.0f s measured per cell; within a group the clients are split round-robin across its services%n",
            clients, warmup, seconds);
        List<String> kv = new ArrayList<>();
        for (String q : queries) {
            System.out.printf(Locale.ROOT, "%n== GET /api/queries/%s%n%n", q);
            System.out.println("| services | req/s | p50 ms | p99 ms | errors | req/s vs first row | req/s vs row above |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            double firstRps = Double.NaN, lastRps = Double.NaN;
            for (var g : groups.entrySet()) {
                List<URI> uris = g.getValue().stream().map(b -> URI.create(b + "/api/queries/" + q)).toList();
                cell(uris, clients, warmup);
                Samples s = cell(uris, clients, seconds);
                if (Double.isNaN(firstRps)) firstRps = s.rps();
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %.2f | %d | %.2f | %s |%n", g.getKey(), s.rps(), s.p(50), s.p(99), s.errors, s.rps() / firstRps,
                    Double.isNaN(lastRps) ? "-" : String.format(Locale.ROOT, "%.2f", s.rps() / lastRps));
                lastRps = s.rps();
                kv.add(String.format(Locale.ROOT, "rps query=%s services=%s clients=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d",
                    q.substring(0, q.indexOf('?') < 0 ? q.length() : q.indexOf('?')), g.getKey(), clients, s.rps(), s.p(50), s.p(99), s.errors));
            }
        }
        System.out.println();
        kv.forEach(System.out::println);
    }

    /** {@code clients} threads, thread i sending GET {@code uris[i % n]} back to back for {@code seconds}. */
    Samples cell(List<URI> uris, int clients, double seconds) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<long[]> perThread = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < clients; t++) {
            HttpRequest request = HttpRequest.newBuilder(uris.get(t % uris.size())).header("Accept", ACCEPT).timeout(Duration.ofSeconds(60)).GET().build();
            Thread thread = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                try {
                    start.await();
                    long end = window[1];
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) { errors.incrementAndGet(); continue; }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                        mine[n++] = System.nanoTime() - t0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (perThread) { perThread.add(Arrays.copyOf(mine, n)); }
            }, "client-" + t);
            threads.add(thread);
            thread.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.countDown();
        for (Thread t : threads) t.join();
        Samples all = new Samples();
        all.nanos = System.nanoTime() - window[0];
        all.values = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        all.errors = errors.get();
        return all;
    }

    static final class Samples {
        long[] values = new long[0];
        long nanos, errors;
        double rps() { return values.length / (nanos / 1e9); }
        double p(double percent) {
            if (values.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(percent / 100 * values.length);
            return values[Math.max(0, rank - 1)] / 1e6;
        }
    }

    // ------------------------------------------------------------------ helpers

    HttpRequest.Builder req(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600));
    }

    HttpResponse<String> send(HttpRequest.Builder b, int... expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (int e : expected) if (r.statusCode() == e) return r;
        throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
    }

    /** Milliseconds of the request; for a validation, also checks that the body conforms. */
    double[] timed(HttpRequest.Builder b, int expected) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(b, expected);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.request().uri().getPath().endsWith("/api/validate") && !JSON.parse(r.body()).get("conforms").getAsBoolean().value())
            throw new IllegalStateException("the generated extension does not conform:\n" + r.body());
        return new double[] {ms};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String auth(String user) {
        String password = System.getenv("BENCH_PASSWORD");
        if (password == null) throw new IllegalArgumentException("set BENCH_PASSWORD");
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code NAME=URL,NAME=URL}, in that order. */
    static Map<String, String> stores(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : spec.split(",")) out.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        return out;
    }

    /** {@code NAME=URL+URL;NAME=URL}, in that order. */
    static Map<String, List<String>> groups(String spec) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String s : spec.split(";")) out.put(s.substring(0, s.indexOf('=')), List.of(s.substring(s.indexOf('=') + 1).split("\\+")));
        return out;
    }

    static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
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
