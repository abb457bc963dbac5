package org.etomkg.store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.etomkg.suggest.TelecomSynonyms;

/**
 * Follows each word with the words the telecom synonym file gives it, at the same position, so a
 * query parser makes them alternatives of the word. Unlike Lucene's synonym filter it always keeps
 * the word itself: the file's one-way rules ("check => verify") are written for activities, and
 * a search for "check" must still find names with "Check".
 */
final class PartnerWords extends TokenFilter {
    private final TelecomSynonyms synonyms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State word;

    PartnerWords(TokenStream in, TelecomSynonyms synonyms) {
        super(in);
        this.synonyms = synonyms;
    }

    @Override public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(word);
            term.setEmpty().append(pending.removeFirst());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) return false;
        for (String p : synonyms.partnersOf(term.toString()))
            if (!p.contentEquals(term)) pending.add(p);
        if (!pending.isEmpty()) word = captureState();
        return true;
    }

    @Override public void reset() throws IOException {
        super.reset();
        pending.clear();
        word = null;
    }
}
