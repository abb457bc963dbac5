package org.etomkg.suggest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.etomkg.extension.OntologyFolder;

/**
 * Prints how well and how fast ParentSuggestions ranks the labelled benchmark's parents: top-1 and top-5
 * accuracy per domain and overall, the index build time, and the time per suggestion (median, p95).
 * Strict: only the labelled process counts. "near-5" also counts its parent or a direct sub-process in the
 * first five, an answer a reviewer fixes with one step up or down the tree.
 * Run by bench/suggest.sh; {@code -v} also lists the rows not ranked first.
 */
public final class SuggestBenchmark {
    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains("-v");
        LabelledActivities set = LabelledActivities.read();
        Graph release = new OntologyFolder(Path.of("ontology")).release(LabelledActivities.RELEASE);

        TelecomSynonyms synonyms = TelecomSynonyms.inFolder(Path.of("ontology"));
        ProcessWords words = ProcessWords.inFolder(Path.of("ontology"));
        System.out.println("each change in turn (overall top-1 / top-5):");
        String[] steps = {"plain index (name, ancestors; lane as words)", "+ level preference", "+ sub-processes' names", "+ telecom synonyms",
            "+ lane weighed apart", "+ a process whose sub-processes match", "+ CSP words for each process", "+ share of the words held",
            "+ meaning (sentence vectors)"};
        for (int i = 0; i < steps.length; i++) {
            var tuning = new ParentSuggestions.Tuning(i >= 3, i >= 2, i >= 4, i >= 1, i >= 5, i >= 6, i >= 7, i >= 8);
            var t = LabelledActivities.overall(set.score(new ParentSuggestions(release, synonyms, words, tuning), null));
            System.out.printf("  %-46s %5.1f%% / %5.1f%%%n", steps[i], 100 * t.top1Share(), 100 * t.top5Share());
        }

        long[] builds = new long[5];
        ParentSuggestions engine = null;
        for (int i = 0; i < builds.length; i++) {
            long t = System.nanoTime();
            engine = new ParentSuggestions(release, synonyms, words);
            builds[i] = System.nanoTime() - t;
        }
        // Timing, the model warmed on the tuning set: the first ask of each activity of the other sets (its text
        // not yet seen), then the same asked again (its vector recent).
        for (var row : set.rows()) engine.suggest(row.activity(), row.context(), 5);
        List<LabelledActivities.Row> unseen = new ArrayList<>();
        for (Path file : List.of(LabelledActivities.HELD_OUT, LabelledActivities.FRESH, LabelledActivities.FRESH_2)) unseen.addAll(LabelledActivities.read(file).rows());
        List<Long> firstAsk = time(engine, unseen), again = time(engine, unseen);

        for (LabelledActivities each : List.of(set, LabelledActivities.read(LabelledActivities.HELD_OUT), LabelledActivities.read(LabelledActivities.FRESH),
                LabelledActivities.read(LabelledActivities.FRESH_2), LabelledActivities.read(LabelledActivities.FRESH_2_SECOND_LABELLER))) {
            List<String> misses = new ArrayList<>();
            Map<String, LabelledActivities.Tally> perDomain = each.score(engine, misses);
            System.out.printf("eTOM %s, %d labelled activities (%s)%n", LabelledActivities.RELEASE, each.rows().size(), each.file());
            System.out.printf("%-18s %5s %7s %7s %7s%n", "domain", "rows", "top-1", "top-5", "near-5");
            perDomain.forEach((domain, t) -> line(domain, t));
            line("overall", LabelledActivities.overall(perDomain));
            if (verbose) misses.forEach(m -> System.out.println("  " + m));
        }

        // How often two architects choose the same parent: the ceiling a strict score can be read against.
        var first = LabelledActivities.read(LabelledActivities.FRESH_2).rows();
        var second = LabelledActivities.read(LabelledActivities.FRESH_2_SECOND_LABELLER).rows();
        long same = 0;
        for (int i = 0; i < first.size(); i++) if (first.get(i).expected().equals(second.get(i).expected())) same++;
        System.out.printf("two labellers of %s agree on the parent for %d of %d (%.1f%%)%n", LabelledActivities.FRESH_2, same, first.size(), 100.0 * same / first.size());

        Arrays.sort(builds);
        System.out.printf("index build: %.0f ms (median of %d, fastest %.0f ms)%n", builds[builds.length / 2] / 1e6, builds.length, builds[0] / 1e6);
        System.out.printf("per suggestion, first ask of an activity: median %.2f ms, p95 %.2f ms (%d calls)%n", firstAsk.get(firstAsk.size() / 2) / 1e6,
            firstAsk.get((int) (firstAsk.size() * 0.95)) / 1e6, firstAsk.size());
        System.out.printf("per suggestion, asked again: median %.2f ms, p95 %.2f ms (%d calls)%n", again.get(again.size() / 2) / 1e6,
            again.get((int) (again.size() * 0.95)) / 1e6, again.size());
    }

    private static List<Long> time(ParentSuggestions engine, List<LabelledActivities.Row> rows) {
        List<Long> times = new ArrayList<>();
        for (var row : rows) {
            long t = System.nanoTime();
            engine.suggest(row.activity(), row.context(), 5);
            times.add(System.nanoTime() - t);
        }
        times.sort(null);
        return times;
    }

    private static void line(String domain, LabelledActivities.Tally t) {
        System.out.printf("%-18s %5d %6.1f%% %6.1f%% %6.1f%%%n", domain, t.rows(), 100 * t.top1Share(), 100 * t.top5Share(), 100 * t.nearShare());
    }
}
