package org.etomkg.suggest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.etomkg.extension.ExtensionInputException;
import org.etomkg.extension.ReferenceFramework;

/**
 * One {@link ParentSuggestions} per release of a reference framework (the checkout's ontology folder or
 * the store), built on first use and kept: the command line asks once, the server many times.
 */
public final class ReleaseSuggestions {
    private final ReferenceFramework framework;
    private final TelecomSynonyms synonyms;
    private final ProcessWords words;
    private final Map<String, ParentSuggestions> built = new ConcurrentHashMap<>();

    public ReleaseSuggestions(ReferenceFramework framework, TelecomSynonyms synonyms, ProcessWords words) {
        this.framework = framework;
        this.synonyms = synonyms;
        this.words = words;
    }

    /** With the telecom synonyms and the process words of an ontology folder ({@code ontology/suggest/}). */
    public static ReleaseSuggestions withWordsOf(ReferenceFramework framework, java.nio.file.Path ontology) {
        return new ReleaseSuggestions(framework, TelecomSynonyms.inFolder(ontology), ProcessWords.inFolder(ontology));
    }

    /** The release asked for ("26" is "26.0"), or the latest when none is; an unknown one is the caller's error. */
    public String release(String asked) {
        var releases = framework.releases();
        if (releases.isEmpty()) throw new ExtensionInputException("no eTOM release is loaded; load one first (./etom-kg load)");
        if (asked == null || asked.isBlank()) return releases.stream().max(VERSION_ORDER).orElseThrow();
        if (releases.contains(asked)) return asked;
        if (releases.contains(asked + ".0")) return asked + ".0";
        throw new ExtensionInputException("unknown release '" + asked + "'; there are " + String.join(", ", releases));
    }

    /** The engine for a release as {@link #release(String)} names it. */
    public ParentSuggestions of(String release) {
        return built.computeIfAbsent(release, v -> new ParentSuggestions(framework.release(v), synonyms, words));
    }

    /** The graph of a release as {@link #release(String)} names it. */
    public org.apache.jena.graph.Graph graph(String release) {
        return framework.release(release);
    }

    /** 23.0.1 before 23.5 before 26.0: numbers compared part by part. */
    static final Comparator<String> VERSION_ORDER = (a, b) -> {
        int[] x = parts(a), y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) return c;
        }
        return a.compareTo(b);
    };

    private static int[] parts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(p -> p.matches("\\d{1,9}") ? Integer.parseInt(p) : 0).toArray();
    }
}
