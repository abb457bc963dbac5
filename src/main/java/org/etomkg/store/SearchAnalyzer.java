package org.etomkg.store;

import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.etomkg.suggest.TelecomSynonyms;

/**
 * Splits names and descriptions into words the way {@code queries/search.rq} splits what a user
 * types: a word is a run of letters and digits, and a dot between two digits stays inside it, so
 * an identifier such as 1.4.5 is one word. Lower case, accents folded. Lucene's standard analyzer
 * keeps apostrophes and splits differently, so a typed word could miss the indexed one.
 *
 * <p>Each word is indexed twice at one position: as written and as its Porter stem, so "billing"
 * meets "Bill" and "orders" meets "Order", while a word typed in part ("managem*") still finds the
 * written word it begins. The query side adds the telecom synonyms of each word typed
 * ({@link TelecomSynonyms}, the file {@code ontology/suggest/telecom-synonyms.txt}) before the
 * stems, so "ticket" also finds "Trouble"; they stay out of the index, so editing the file needs
 * no new index, only a new store (its fingerprint covers the file).
 *
 * <p>A word is indexed by its first {@value #MAX_WORD} characters: a name of one word thousands of
 * characters long is stored and found by its start, where Lucene refuses a term over 32,766 bytes.
 */
final class SearchAnalyzer extends Analyzer {
    /**
     * Possessive quantifiers throughout: the matcher then loops instead of recursing once per
     * character, which overflowed the stack on a word of a few thousand characters.
     */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]++(?:(?<=\\p{N})\\.(?=\\p{N})[\\p{L}\\p{N}]++)*+");
    /** The characters of a word that are indexed and compared; longer words are cut, at index and at query time alike. */
    static final int MAX_WORD = 255;

    private final TelecomSynonyms synonyms;

    /** The index's analysis: words as written and their stems. */
    SearchAnalyzer() { this(TelecomSynonyms.none()); }

    /** The analysis of what is typed: also each word's synonyms. */
    SearchAnalyzer(TelecomSynonyms synonyms) { this.synonyms = synonyms; }

    @Override protected TokenStreamComponents createComponents(String field) {
        Tokenizer words = new PatternTokenizer(WORD, 0);
        TokenStream t = new TruncateTokenFilter(new ASCIIFoldingFilter(new LowerCaseFilter(words)), MAX_WORD);
        t = new PartnerWords(t, synonyms);
        return new TokenStreamComponents(words, new RemoveDuplicatesTokenFilter(new PorterStemFilter(new KeywordRepeatFilter(t))));
    }

    /** Also applied to the prefix word, which the query parser does not split: as written, not stemmed. */
    @Override protected TokenStream normalize(String field, TokenStream in) {
        return new TruncateTokenFilter(new ASCIIFoldingFilter(new LowerCaseFilter(in)), MAX_WORD);
    }
}
