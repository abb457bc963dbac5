package org.etomkg.server;

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;

/**
 * Prints what dereferencing a process IRI as Turtle costs against the same {@code DESCRIBE}
 * sent to {@code /etom/sparql}, at 1 and 8 concurrent closed-loop clients, in one run on one
 * server, interleaved in rounds: requests per second and median and p95 latency of
 * <ul>
 * <li>deref: {@code GET /release/26.0/process/1.4.5} with {@code Accept: text/turtle}, its 303
 *     followed (two requests, counted as one dereference);</li>
 * <li>document: {@code GET /release/26.0/process/1.4.5.ttl}, the document alone;</li>
 * <li>sparql: {@code DESCRIBE <...>} by GET on {@code /etom/sparql}, Turtle.</li>
 * </ul>
 * Run by {@code bench/dereference.sh [DATA] [SECONDS]}; client and server share the machine.
 */
public final class DereferenceBenchmark {
    static final String IRI = "https://w3id.org/etom-kg/release/26.0/process/1.4.5";

    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 && !args[0].isEmpty() ? Path.of(args[0]) : null;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        if (data == null || !KnowledgeStore.exists(data)) {
            data = data != null ? data : Files.createTempDirectory("etom-kg-deref").resolve("data");
            new StoreBuilder().rebuild(Path.of("ontology"), data);
        }
        try (KnowledgeStore store = KnowledgeStore.open(data);
             EtomServer server = EtomServer.start(store, Path.of("queries"), Path.of("shapes"), ServerOptions.defaults().withPort(0))) {
            HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            String base = server.baseUrl();
            List<Target> targets = List.of(
                new Target("deref", HttpRequest.newBuilder(URI.create(base + "/release/26.0/process/1.4.5")).header("Accept", "text/turtle").build()),
                new Target("document", HttpRequest.newBuilder(URI.create(base + "/release/26.0/process/1.4.5.ttl")).build()),
                new Target("sparql", HttpRequest.newBuilder(URI.create(base + "/etom/sparql?query="
                    + URLEncoder.encode("DESCRIBE <" + IRI + ">", StandardCharsets.UTF_8))).header("Accept", "text/turtle").build()));
            for (Target t : targets) run(follow, t, 4, 5);   // warm-up: the JIT compiles every path first
            System.out.printf("dereferencing %s as Turtle, %d s per cell, closed-loop clients%n", IRI, seconds);
            System.out.printf("%-9s %7s %10s %10s %10s %8s%n", "path", "clients", "req/s", "p50 ms", "p95 ms", "bytes");
            // Interleaved: each cell is measured in ROUNDS slices taken in turn, so a burst of load
            // from elsewhere on the machine falls on every path alike.
            for (int clients : new int[] { 1, 8 }) {
                List<List<Long>> times = new ArrayList<>();
                double[] busy = new double[targets.size()];
                int[] bytes = new int[targets.size()];
                for (Target t : targets) times.add(new ArrayList<>());
                for (int round = 0; round < ROUNDS; round++)
                    for (int i = 0; i < targets.size(); i++) {
                        int k = (i + round) % targets.size();
                        Slice slice = run(follow, targets.get(k), clients, Math.max(1, seconds / ROUNDS));
                        times.get(k).addAll(slice.times);
                        busy[k] += slice.elapsed;
                        bytes[k] = slice.bytes;
                    }
                for (int k = 0; k < targets.size(); k++) {
                    List<Long> all = times.get(k);
                    Collections.sort(all);
                    System.out.printf("%-9s %7d %10.1f %10.2f %10.2f %8d%n", targets.get(k).name, clients, all.size() / busy[k],
                        all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.95)) / 1e6, bytes[k]);
                }
            }
        }
    }

    record Target(String name, HttpRequest request) {}
    static final int ROUNDS = 5;

    /** One slice of measuring: each request's latency in ns, the slice's length in s, the body's size. */
    record Slice(List<Long> times, double elapsed, int bytes) {}

    static Slice run(HttpClient http, Target t, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        int[] bytes = new int[1];
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++)
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(t.request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) throw new IllegalStateException(t.name + ": " + r.statusCode());
                    times.add(System.nanoTime() - t0);
                    bytes[0] = r.body().length;
                }
                return times;
            }));
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) all.addAll(f.get());
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Slice(all, elapsed, bytes[0]);
    }

    private DereferenceBenchmark() {}
}
