package org.etomkg.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the map of each release takes to appear in headless Chromium, against a real server
 * on a store built from the shipped ontology. Prints figures; asserts nothing (run by
 * bench/web-map.sh). Three figures per load: from the browser's navigation start to the drawn
 * chart (the whole page: HTML, scripts, the map query, drawing), from the page's route to
 * the drawn chart (data and drawing), and the drawing alone (the page's own timing line).
 */
public final class MapRenderBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path tmp = Files.createTempDirectory("etomkg-map-bench-");
        try (WebServer server = WebServer.start(tmp); Browser browser = Browser.start(server.baseUrl())) {
            List<String> releases = List.of("23.0.1", "23.5", "24.0", "24.5", "25.0", "25.5", "26.0");
            browser.open("/map").waitFor("#etom-map a.process");   // warm the server's query cache and the JIT once
            System.out.printf("%-8s %6s | %-28s | %-28s | %-28s%n", "release", "boxes", "navigation → drawn (ms)", "route → drawn (ms)", "drawing (ms)");
            for (String release : releases) {
                List<Long> whole = new ArrayList<>(), route = new ArrayList<>(), drawing = new ArrayList<>();
                int boxes = 0;
                for (int i = 0; i < runs; i++) {
                    browser.open("/map?release=" + release);
                    var svg = browser.waitFor("#etom-map a.process");
                    svg = browser.waitFor("#etom-map");
                    whole.add(Long.parseLong(svg.getAttribute("data-since-navigation-ms")));
                    route.add(Long.parseLong(svg.getAttribute("data-render-ms")));
                    // "Drawn in N ms (data N ms, drawing N ms)."
                    drawing.add(Long.parseLong(browser.text("#map-timing").replaceAll(".*drawing (\\d+) ms.*", "$1")));
                    boxes = browser.all("#etom-map a.process").size();
                }
                System.out.printf("%-8s %6d | %-28s | %-28s | %-28s%n", release, boxes, stats(whole), stats(route), stats(drawing));
            }
        } finally {
            try (var s = Files.walk(tmp)) { s.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete()); }
        }
    }

    private static String stats(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("min %d, median %d, max %d", sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
