package org.etomkg.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words CSP staff write for the work under each eTOM process ({@code ontology/suggest/process-words.txt}):
 * etom-kg's own, one line per process, "identifier | name | words, …". eTOM's names are abstract and a CSP's
 * activities concrete ("swap the SIM", "dunning letter"); these words bridge the two when an activity's
 * parent is suggested. A line names its process by identifier and name together, since TM Forum reuses
 * identifiers across releases: it applies to a release's process with both, or else with that name alone
 * when the release has exactly one such process.
 */
public final class ProcessWords {
    /** Where the shipped file lives in the ontology folder. */
    public static final Path FILE = Path.of("suggest", "process-words.txt");

    private static final Pattern IDENTIFIER = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){0,9}");

    /** One line of the file: the process it was written for, and its words. */
    public record Entry(String identifier, String name, String words, int line) {}

    private final List<Entry> entries;
    private final String source;

    private ProcessWords(List<Entry> entries, String source) {
        this.entries = List.copyOf(entries);
        this.source = source;
    }

    /** The file in an ontology folder; none when the folder has no such file. */
    public static ProcessWords inFolder(Path ontology) {
        Path file = ontology.resolve(FILE);
        return Files.isRegularFile(file) ? read(file) : none();
    }

    public static ProcessWords read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static ProcessWords parse(String text) {
        return parse(text, "text");
    }

    public static ProcessWords none() {
        return new ProcessWords(List.of(), "none");
    }

    private static ProcessWords parse(String text, String source) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\|", -1);
            String where = source + ", line " + (i + 1) + ": ";
            if (parts.length != 3)
                throw new IllegalArgumentException(where + "not 'identifier | name | words' (" + (parts.length - 1) + " '|' instead of 2)");
            String id = parts[0].strip(), name = parts[1].strip(), words = parts[2].strip();
            if (!IDENTIFIER.matcher(id).matches())
                throw new IllegalArgumentException(where + "'" + id + "' is not a process identifier such as 1.3.3.10");
            if (name.isEmpty()) throw new IllegalArgumentException(where + "the process's name is missing after " + id);
            if (words.isEmpty()) throw new IllegalArgumentException(where + "no words for " + id + " " + name);
            out.add(new Entry(id, name, words, i + 1));
        }
        return new ProcessWords(out, source);
    }

    public List<Entry> entries() { return entries; }

    /**
     * The words for each process of a release, by its identifier, given the release's names by identifier.
     * A line whose process the release does not have (renamed, or its name on several processes) is left out.
     */
    public Map<String, String> forRelease(Map<String, String> namesById) {
        Map<String, List<String>> idsByName = new HashMap<>();
        namesById.forEach((id, name) -> idsByName.computeIfAbsent(plain(name), k -> new ArrayList<>()).add(id));
        Map<String, String> out = new HashMap<>();
        for (Entry e : entries) {
            String name = plain(e.name());
            String id = name.equals(plain(namesById.getOrDefault(e.identifier(), ""))) ? e.identifier() : null;
            if (id == null) {
                List<String> same = idsByName.getOrDefault(name, List.of());
                if (same.size() == 1) id = same.get(0);
            }
            if (id != null) out.merge(id, e.words(), (a, b) -> a + ", " + b);
        }
        return out;
    }

    /** A name as compared: case, "&" against "and", and punctuation set aside. */
    private static String plain(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    @Override public String toString() { return "process words from " + source; }
}
