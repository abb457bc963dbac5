package org.etomkg.suggest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled benchmark in bench/suggest/activities.csv: activities as CSP staff write them, each with
 * the eTOM 26.0 process an architect would choose as its parent. Scored strictly: only that identifier counts.
 */
record LabelledActivities(Path file, List<Row> rows) {
    /** The set the engine is tuned on. */
    static final Path FILE = Path.of("bench", "suggest", "activities.csv");
    /** Written before the later tuning and never tuned on: the honest figure. */
    static final Path HELD_OUT = Path.of("bench", "suggest", "held-out.csv");
    /** Written after the tuning ended, since the synonyms had come to know the held-out set's words: measured, never tuned on. */
    static final Path FRESH = Path.of("bench", "suggest", "fresh.csv");
    /** Written by another labeller who never ran the tool, after the process words were written: measured once, never tuned on. */
    static final Path FRESH_2 = Path.of("bench", "suggest", "fresh-2.csv");
    /** The same 120 activities labelled again by a second architect who saw neither the first labels nor the tool's answers. */
    static final Path FRESH_2_SECOND_LABELLER = Path.of("bench", "suggest", "fresh-2-second-labeller.csv");
    static final String RELEASE = "26.0";

    record Row(String activity, String context, String expected, String domain) {}

    /** Hits within the first 1 and the first 5, for one domain or all; {@code near}: the expected process, its parent or one of its sub-processes in the first five. */
    record Tally(int rows, int top1, int top5, int near) {
        Tally plus(Tally o) { return new Tally(rows + o.rows, top1 + o.top1, top5 + o.top5, near + o.near); }
        double nearShare() { return rows == 0 ? 0 : (double) near / rows; }
        double top1Share() { return rows == 0 ? 0 : (double) top1 / rows; }
        double top5Share() { return rows == 0 ? 0 : (double) top5 / rows; }
    }

    static LabelledActivities read() { return read(FILE); }

    static LabelledActivities read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in))
                rows.add(new Row(r.get("activity"), r.get("context"), r.get("expected"), r.get("domain")));
            return new LabelledActivities(file, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per domain, in name order, with the rows each suggestion list missed. */
    Map<String, Tally> score(ParentSuggestions engine, List<String> misses) {
        Map<String, Tally> out = new TreeMap<>();
        for (Row row : rows) {
            List<String> ids = engine.suggest(row.activity(), row.context(), 5).stream().map(ParentSuggestions.Suggestion::identifier).toList();
            int rank = ids.indexOf(row.expected());
            String e = row.expected(), parent = e.substring(0, Math.max(0, e.lastIndexOf('.')));
            boolean near = ids.stream().anyMatch(id -> id.equals(e) || id.equals(parent) || (id.startsWith(e + ".") && id.indexOf('.', e.length() + 1) < 0));
            out.merge(row.domain(), new Tally(1, rank == 0 ? 1 : 0, rank >= 0 ? 1 : 0, near ? 1 : 0), Tally::plus);
            if (rank != 0 && misses != null) misses.add(row.activity() + " [" + row.context() + "] expected " + row.expected()
                + (rank > 0 ? " (rank " + (rank + 1) + ")" : "") + ", got " + ids);
        }
        return out;
    }

    static Tally overall(Map<String, Tally> perDomain) {
        return perDomain.values().stream().reduce(new Tally(0, 0, 0, 0), Tally::plus);
    }
}
