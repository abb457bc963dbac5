package org.etomkg.suggest;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis of process names and activities: words, lower case, plurals made singular, then the
 * telecom synonyms (activities only), then stop words dropped and Porter stems. Synonyms come before
 * the stemmer so the file holds words as people write them.
 */
final class SuggestAnalysis {
    /** English stop words, also as the plural rule leaves them ("this" becomes "thi"). */
    private static final CharArraySet STOP = stop();

    private SuggestAnalysis() {}

    /** Process names: no synonyms, which are applied to the activity asked about. */
    static Analyzer index() { return chain(null); }

    /** Activities and their context, with the synonyms (none when null). */
    static Analyzer query(SynonymMap synonyms) { return chain(synonyms); }

    /** The steps before the synonyms, used to read the synonym file itself. */
    static Analyzer beforeSynonyms() {
        return new Analyzer() {
            @Override protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, singular(source));
            }
        };
    }

    private static Analyzer chain(SynonymMap synonyms) {
        return new Analyzer() {
            @Override protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream t = singular(source);
                if (synonyms != null) t = new SynonymGraphFilter(t, synonyms, true);
                t = new StopFilter(t, STOP);
                return new TokenStreamComponents(source, new PorterStemFilter(t));
            }
        };
    }

    private static TokenStream singular(TokenStream t) {
        return new EnglishMinimalStemFilter(new LowerCaseFilter(new EnglishPossessiveFilter(t)));
    }

    private static CharArraySet stop() {
        CharArraySet out = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        var stemmer = new org.apache.lucene.analysis.en.EnglishMinimalStemmer();
        for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            char[] chars = w instanceof char[] c ? c : w.toString().toCharArray();
            char[] copy = chars.clone();
            out.add(new String(copy, 0, stemmer.stem(copy, copy.length)));
        }
        return CharArraySet.unmodifiableSet(out);
    }
}
