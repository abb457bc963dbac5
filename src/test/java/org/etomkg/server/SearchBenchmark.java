package org.etomkg.server;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;

/**
 * Prints the latency of {@code GET /api/queries/search} (the web page's search, as JSON) for
 * queries of one, two and three words, as typed whole and as typed word by word (the page asks
 * at every pause), one client, on a real server: median and p99 per word count.
 * Run by {@code bench/search.sh [DATA] [ROUNDS]}; client and server share the machine.
 */
public final class SearchBenchmark {
    /** Words a process architect types: single words, pairs, triples; some plural or -ing. */
    static final List<String> QUERIES = List.of(
        "billing", "order", "customers", "assurance", "trouble", "invoices", "1.4.5", "handling", "partner", "catalog",
        "order handling", "bill invoice", "service activation", "customer order", "trouble ticket", "resource provisioning",
        "problem handling", "product offering", "supplier partner", "service quality",
        "capture customer order", "customer bill invoice", "service problem management", "resource trouble handling",
        "manage product catalog", "billing account management", "partner settlement payments", "service order orchestration");

    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 && !args[0].isEmpty() ? Path.of(args[0]) : null;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        if (data == null || !KnowledgeStore.exists(data)) {
            data = data != null ? data : Files.createTempDirectory("etom-kg-search").resolve("data");
            new StoreBuilder().ensure(Path.of("ontology"), data);
        }
        try (KnowledgeStore store = KnowledgeStore.open(data);
             EtomServer server = EtomServer.start(store, Path.of("queries"), Path.of("shapes"), ServerOptions.defaults().withPort(0))) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) for (String q : QUERIES) ask(client, server.baseUrl(), q);   // warm-up
            System.out.printf("search latency, GET /api/queries/search?release=26.0, one client, %d rounds%n", rounds);
            System.out.printf("%-6s %8s %9s %9s %9s%n", "words", "queries", "p50 ms", "p99 ms", "hits avg");
            for (int words = 1; words <= 3; words++) {
                List<Long> times = new ArrayList<>();
                long hits = 0;
                for (int r = 0; r < rounds; r++)
                    for (String q : QUERIES) {
                        if (q.split(" ").length != words) continue;
                        long start = System.nanoTime();
                        hits += ask(client, server.baseUrl(), q);
                        times.add(System.nanoTime() - start);
                    }
                Collections.sort(times);
                System.out.printf("%-6d %8d %9.2f %9.2f %9.1f%n", words, times.size(), times.get(times.size() / 2) / 1e6,
                    times.get(Math.min(times.size() - 1, (int) (times.size() * 0.99))) / 1e6, (double) hits / times.size());
            }
        }
    }

    /** The number of processes found. */
    private static int ask(HttpClient client, String base, String text) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/queries/search?release=26.0&text="
            + URLEncoder.encode(text, StandardCharsets.UTF_8))).header("Accept", "text/csv").build();
        HttpResponse<String> r = client.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(text + ": " + r.statusCode() + " " + r.body());
        return (int) r.body().lines().count() - 1;
    }
}
