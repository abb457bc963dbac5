package org.etomkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.suggest.ParentSuggestions;
import org.etomkg.suggest.ReleaseSuggestions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg suggest "ACTIVITY"} or {@code --file FILE.csv}: the eTOM processes most likely to be an activity's parent. */
@Command(name = "suggest", description = "Rank the eTOM processes most likely to be the parent of an activity named in your own words, "
    + "each with a score and why (words matched, level, context). Telecom synonyms: ontology/suggest/telecom-synonyms.txt.")
final class SuggestCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Parameters(arity = "0..1", paramLabel = "ACTIVITY", description = "The activity, as your process models or tickets name it") String activity;
    @Option(names = "--file", paramLabel = "FILE", description = "A CSV file with an 'activity' column and an optional 'context' column; one ranking per row")
    Path file;
    @Option(names = "--context", paramLabel = "TEXT", description = "Where the activity happens: its lane, pool or team, such as \"Field Services\"") String context;
    @Option(names = "--release", paramLabel = "VERSION", description = "The eTOM release (default: the latest in the checkout)") String release;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "How many suggestions per activity (default: ${DEFAULT-VALUE})") int limit;
    @Option(names = "--csv", description = "Write CSV (activity, context, rank, identifier, name, level, score, reason) instead of text") boolean csv;

    private record Asked(String activity, String context) {}

    @Override public Integer call() {
        if ((activity == null) == (file == null)) throw new Failures.UserError("give one activity, or --file FILE.csv, not both");
        if (limit < 1 || limit > 100) throw new Failures.UserError("--limit is between 1 and 100, not " + limit);
        List<Asked> asked = file == null ? List.of(new Asked(activity, context)) : read(file, context);
        ReleaseSuggestions all = ReleaseSuggestions.withWordsOf(new OntologyFolder(locations.ontology()), locations.ontology());
        String version = all.release(release);
        ParentSuggestions engine = all.of(version);
        PrintStream out = System.out;
        if (csv) {
            try {
                // Flushed, not closed: standard output stays open for whoever runs the command in-process.
                CSVPrinter p = new CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
                p.printRecord("activity", "context", "rank", "identifier", "name", "level", "score", "reason");
                for (Asked a : asked) {
                    int rank = 0;
                    for (var s : engine.suggest(a.activity(), a.context(), limit))
                        p.printRecord(a.activity(), a.context() == null ? "" : a.context(), ++rank, s.identifier(), s.name(), s.level(), score(s), s.reason());
                }
                p.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        out.println("eTOM " + version);
        for (Asked a : asked) {
            out.println(a.activity() + (a.context() == null || a.context().isBlank() ? "" : "  [" + a.context() + "]"));
            var found = engine.suggest(a.activity(), a.context(), limit);
            if (found.isEmpty()) out.println("  no eTOM process shares a word with it; try other words or add a synonym");
            int rank = 0;
            for (var s : found) out.printf("  %d. %s %s  (score %s; %s)%n", ++rank, s.identifier(), s.name(), score(s), s.reason());
        }
        return 0;
    }

    private static String score(ParentSuggestions.Suggestion s) {
        return String.format(Locale.ROOT, "%.2f", s.score());
    }

    /** The rows of a CSV file with a header naming an 'activity' column; a row's own context wins over --context. */
    private static List<Asked> read(Path file, String context) {
        if (!Files.isRegularFile(file)) throw new Failures.UserError("no such file: " + file);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).get().parse(in);
            if (!records.getHeaderMap().containsKey("activity"))
                throw new Failures.UserError(file + " has no 'activity' column (its first line names the columns: activity,context)");
            boolean hasContext = records.getHeaderMap().containsKey("context");
            List<Asked> out = new ArrayList<>();
            for (CSVRecord r : records) {
                if (!r.isSet("activity") || r.get("activity").isBlank()) continue;
                String own = hasContext && r.isSet("context") && !r.get("context").isBlank() ? r.get("context") : context;
                out.add(new Asked(r.get("activity"), own));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new Failures.UserError(file + " is not a usable CSV file: " + e.getMessage());
        }
    }
}
