package org.etomkg.suggest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The editable list of telecom words and the words eTOM uses for them ({@code ontology/suggest/telecom-synonyms.txt},
 * Solr synonym format), read with the same first steps of analysis as the activities it expands, so that
 * "tickets" in an activity meets "ticket" in the file.
 */
public final class TelecomSynonyms {
    /** Where the shipped file lives in the ontology folder. */
    public static final Path FILE = Path.of("suggest", "telecom-synonyms.txt");

    /** The first steps of analysis, shared: an analyzer reuses its parts per thread, and the search asks once per word typed. */
    private static final Analyzer BEFORE = SuggestAnalysis.beforeSynonyms();

    private final SynonymMap map;
    private final String source;

    private TelecomSynonyms(SynonymMap map, String source) {
        this.map = map;
        this.source = source;
    }

    /** The file in an ontology folder; none when the folder has no such file. */
    public static TelecomSynonyms inFolder(Path ontology) {
        Path file = ontology.resolve(FILE);
        return Files.isRegularFile(file) ? read(file) : none();
    }

    public static TelecomSynonyms read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static TelecomSynonyms parse(String text) {
        return parse(new StringReader(text), "text");
    }

    public static TelecomSynonyms none() {
        return new TelecomSynonyms(null, "none");
    }

    /** Lucene's parser says the line in its message and leaves the offset 0. */
    private static long line(ParseException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : e.getErrorOffset();
    }

    private static TelecomSynonyms parse(Reader in, String source) {
        try (Analyzer words = SuggestAnalysis.beforeSynonyms()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
            parser.parse(in);
            return new TelecomSynonyms(parser.build(), source);
        } catch (ParseException e) {
            String why = e.getCause() == null || e.getCause().getMessage() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw new IllegalArgumentException(source + ", line " + line(e) + ": not a synonym rule" + why + "; write 'a, b, c' for words "
                + "that mean the same, or 'a => b, c' for one way", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The words one written word also means, as the file says (lower case, singular, as the file's
     * words are read), without the word itself; none for a word no rule starts with alone. Rules of
     * several words ("truck roll") need their words in order and are left to the activities.
     */
    public List<String> partnersOf(String word) {
        SynonymMap m = map();
        if (m == null) return List.of();
        List<String> out = new ArrayList<>();
        try (TokenStream t = new SynonymGraphFilter(BEFORE.tokenStream("w", word), m, true)) {
            var term = t.addAttribute(CharTermAttribute.class);
            var type = t.addAttribute(TypeAttribute.class);
            t.reset();
            while (t.incrementToken())
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()) && !out.contains(term.toString()))
                    out.add(term.toString());
            t.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Null when there are none. */
    SynonymMap map() { return map == null || map.fst == null ? null : map; }

    @Override public String toString() { return "synonyms from " + source; }
}
