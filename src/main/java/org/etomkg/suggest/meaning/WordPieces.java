package org.etomkg.suggest.meaning;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * BERT's uncased WordPiece tokenizer, as the model's {@code tokenizer.json} describes it (BertNormalizer with
 * lowercase and accents stripped, BertPreTokenizer, WordPiece with "##" continuations, [CLS] … [SEP]). Written
 * here rather than taken from a native tokenizer library: the rules are short, and it keeps one native
 * runtime (ONNX Runtime) instead of two.
 */
final class WordPieces {
    /** The most word pieces a text is read as, [CLS] and [SEP] included: what the tokenizer file truncates to. */
    static final int MAX_TOKENS = 128;
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocabulary;
    private final int unknown, start, end;

    private WordPieces(Map<String, Integer> vocabulary) {
        this.vocabulary = vocabulary;
        this.unknown = id("[UNK]");
        this.start = id("[CLS]");
        this.end = id("[SEP]");
    }

    /** The vocabulary of a Hugging Face {@code tokenizer.json} whose model is WordPiece. */
    static WordPieces read(InputStream tokenizerJson) throws IOException {
        JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
        if (!"WordPiece".equals(model.path("type").asText())) throw new IOException("not a WordPiece tokenizer: " + model.path("type").asText());
        Map<String, Integer> vocabulary = new HashMap<>();
        model.path("vocab").fields().forEachRemaining(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
        return new WordPieces(vocabulary);
    }

    private int id(String token) {
        Integer id = vocabulary.get(token);
        if (id == null) throw new IllegalStateException("the vocabulary has no " + token);
        return id;
    }

    /** The token ids of a text, from [CLS] to [SEP], at most {@link #MAX_TOKENS}. */
    long[] ids(String text) {
        List<Integer> out = new ArrayList<>();
        out.add(start);
        for (String word : words(text)) {
            pieces(word, out);
            if (out.size() >= MAX_TOKENS - 1) break;
        }
        List<Integer> kept = out.subList(0, Math.min(out.size(), MAX_TOKENS - 1));
        long[] ids = new long[kept.size() + 1];
        for (int i = 0; i < kept.size(); i++) ids[i] = kept.get(i);
        ids[ids.length - 1] = end;
        return ids;
    }

    /** Lower case, accents stripped, control characters dropped; split at white space and around each punctuation mark and CJK character. */
    static List<String> words(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || c == 0 || c == 0xFFFD || (isControl(c) && !Character.isWhitespace(c))) continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                flush(word, words);
            } else if (isPunctuation(c) || isCjk(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        }
        flush(word, words);
        return words;
    }

    /** Greedy longest match first, as BERT does; a word with no reading is one [UNK]. */
    private void pieces(String word, List<Integer> out) {
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            out.add(unknown);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int from = 0;
        while (from < word.length()) {
            int to = word.length();
            Integer piece = null;
            while (to > from) {
                String candidate = (from > 0 ? "##" : "") + word.substring(from, to);
                piece = vocabulary.get(candidate);
                if (piece != null) break;
                to = Character.isLowSurrogate(word.charAt(to - 1)) && to - 2 >= from ? to - 2 : to - 1;
            }
            if (piece == null) {
                out.add(unknown);
                return;
            }
            found.add(piece);
            from = to;
        }
        out.addAll(found);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) words.add(word.toString());
        word.setLength(0);
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') return false;
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /** ASCII symbols count as punctuation for BERT, as do Unicode's P* classes. */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return true;
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION || type == Character.START_PUNCTUATION
            || type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
            || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F)
            || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
