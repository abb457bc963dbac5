package org.etomkg.crosswalk.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the crosswalk compares process names. Two names are the same when their keys are equal:
 * case, spacing (including no-break spaces and line breaks), punctuation and hyphens are
 * ignored, '&' reads as "and", and the misspellings of {@code spelling-variants.tsv} read as
 * the word meant. Two names are similar when their content words overlap enough
 * ({@link #similarity}).
 */
public final class NameKey {
    /** The file beside the crosswalk that lists misspellings found in the sources. */
    public static final String VARIANTS_FILE = "spelling-variants.tsv";
    /** Names at least this similar count as similar (Dice coefficient of their content words). */
    public static final double SIMILAR = 0.5;

    private static final Set<String> STOP_WORDS = Set.of("and", "of", "the", "a", "an", "to", "for", "with", "on", "in", "by",
        "or", "from", "at", "as");

    private final Map<String, String> variants;

    private NameKey(Map<String, String> variants) { this.variants = java.util.Collections.unmodifiableMap(new TreeMap<>(variants)); }

    /** No spelling variants. */
    public static NameKey plain() { return new NameKey(Map.of()); }

    /**
     * Reads the variants file: one "misspelling TAB word" per line, '#' starts a comment. A
     * missing file means no variants.
     */
    public static NameKey load(Path file) {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isRegularFile(file)) return new NameKey(m);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split("\t");
            if (cells.length != 2 || cells[0].isBlank() || cells[1].isBlank())
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'misspelling<TAB>word'");
            m.put(cells[0].strip().toLowerCase(Locale.ROOT), cells[1].strip().toLowerCase(Locale.ROOT));
        }
        return new NameKey(m);
    }

    /** The misspellings and the words meant, in alphabetical order. */
    public Map<String, String> variants() { return variants; }

    /** The comparison key of a name: "Servise Readiness & Support" gives "service readiness and support". */
    public String key(String name) {
        return String.join(" ", words(name));
    }

    /** The keys of several names, in order, without repeats. */
    public Set<String> keys(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) out.add(key(n));
        return out;
    }

    private List<String> words(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
            .replace("&", " and ").replaceAll("[-\u2010\u2011\u2013'\u2019]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        for (String w : s.split(" ")) out.add(variants.getOrDefault(w, w));
        return out;
    }

    /** The content words of a name, without stop words and plural endings ("policies" reads "policy"), such as {diagnose, customer, problem}. */
    public Set<String> contentWords(String name) {
        Set<String> out = new HashSet<>();
        for (String w : words(name)) {
            if (STOP_WORDS.contains(w)) continue;
            if (w.length() > 4 && w.endsWith("ies")) w = w.substring(0, w.length() - 3) + "y";
            else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.substring(0, w.length() - 1);
            out.add(w);
        }
        return out;
    }

    /**
     * How alike two names are, from 0 to 1: twice the content words they share over the content
     * words of both (the Dice coefficient). "Manage a Fraud Management Framework" and "Manage
     * Fraud Management Framework" give 1; "Manage Enterprise Audit" and "Manage Business
     * Continuity" give 0.33.
     */
    public double similarity(String a, String b) {
        Set<String> x = contentWords(a), y = contentWords(b);
        if (x.isEmpty() || y.isEmpty()) return 0;
        int shared = 0;
        for (String w : x) if (y.contains(w)) shared++;
        return 2.0 * shared / (x.size() + y.size());
    }

    /** True when two names share at least one content word. */
    public boolean shareAWord(Collection<String> a, Collection<String> b) {
        Set<String> x = new HashSet<>();
        for (String n : a) x.addAll(contentWords(n));
        for (String n : b) for (String w : contentWords(n)) if (x.contains(w)) return true;
        return false;
    }

    /** The best similarity between any name of one list and any name of the other. */
    public double similarity(Collection<String> a, Collection<String> b) {
        double best = 0;
        for (String x : a) for (String y : b) best = Math.max(best, similarity(x, y));
        return best;
    }
}
