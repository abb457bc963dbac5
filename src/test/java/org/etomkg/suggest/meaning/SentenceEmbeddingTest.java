package org.etomkg.suggest.meaning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.etomkg.extension.OntologyFolder;
import org.etomkg.suggest.ReleaseSuggestions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sentence model in the jar, its tokenizer, and the process vectors shipped beside it. */
class SentenceEmbeddingTest {
    private static final SentenceEmbedding MODEL = SentenceEmbedding.shipped().orElseThrow();

    @Test
    void textsThatMeanTheSameAreCloserThanTextsThatDoNot() {
        float[] chase = MODEL.embed("Chase unpaid invoices"), collect = MODEL.embed("Collect overdue debts from customers"),
            radio = MODEL.embed("Plan the radio network's capacity");
        assertEquals(1.0, SentenceEmbedding.cosine(chase, chase), 1e-4, "a unit vector");
        double near = SentenceEmbedding.cosine(chase, collect), far = SentenceEmbedding.cosine(chase, radio);
        assertTrue(near > far + 0.2, "unpaid invoices and overdue debts " + near + ", and radio capacity " + far);
        assertArrayEquals(chase, MODEL.embed("Chase unpaid invoices"), "the same text, the same vector");
    }

    @Test
    void everyProcessTextOfTheLatestReleaseHasAShippedVectorAndItIsTheModelsOwn() throws IOException {
        Path ontology = Path.of("ontology");
        ReleaseSuggestions releases = ReleaseSuggestions.withWordsOf(new OntologyFolder(ontology), ontology);
        String latest = releases.release(null);
        List<String> texts = releases.of(latest).meaningTexts();
        KeptVectors shipped = new KeptVectors();
        try (InputStream in = SentenceEmbedding.class.getResourceAsStream(SentenceEmbedding.SHIPPED_VECTORS)) {
            assertNotNull(in, "the jar ships " + SentenceEmbedding.SHIPPED_VECTORS);
            shipped.read(in, 384);
        }
        List<String> missing = new ArrayList<>();
        for (String t : texts) if (shipped.get(t) == null) missing.add(t);
        assertTrue(missing.isEmpty(), missing.size() + " process texts of " + latest + " have no shipped vector (run bench/suggest-vectors.sh): "
            + missing.subList(0, Math.min(5, missing.size())));
        for (int i = 0; i < texts.size(); i += texts.size() / 10) {
            double c = SentenceEmbedding.cosine(shipped.get(texts.get(i)), MODEL.embed(texts.get(i)));
            assertTrue(c > 0.999, "the shipped vector of '" + texts.get(i) + "' is the model's: cosine " + c);
        }
    }

    @Test
    void keptVectorsRoundTripAtOneBytePerDimension() throws IOException {
        KeptVectors kept = new KeptVectors();
        float[] v = MODEL.embed("Port the customer's number in");
        float[] asKept = kept.put("Port the customer's number in", v);
        assertTrue(SentenceEmbedding.cosine(v, asKept) > 0.999);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        kept.write(out);
        KeptVectors read = new KeptVectors();
        read.read(new ByteArrayInputStream(out.toByteArray()), v.length);
        assertArrayEquals(asKept, read.get("Port the customer's number in"));
        assertEquals(null, read.get("another text"));
        assertTrue(assertThrowsIo(() -> new KeptVectors().read(new ByteArrayInputStream(out.toByteArray()), 768)).contains("another model"));
    }

    @Test
    void wordPiecesAreBertsUncasedPieces() throws IOException {
        WordPieces pieces;
        JsonNode vocabulary;
        try (InputStream in = SentenceEmbedding.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            byte[] json = in.readAllBytes();
            pieces = WordPieces.read(new ByteArrayInputStream(json));
            vocabulary = new ObjectMapper().readTree(json).path("model").path("vocab");
        }
        assertEquals(List.of("unaffable", "cafe", ",", "naive", "!", "sim", "-", "swap"), WordPieces.words("Unaffable CAFÉ, naïve! SIM-swap"));
        long[] ids = pieces.ids("Unaffable CAFÉ, naïve!");
        List<String> expected = List.of("[CLS]", "una", "##ffa", "##ble", "cafe", ",", "naive", "!", "[SEP]");
        assertEquals(expected.stream().map(t -> vocabulary.path(t).asLong(-1)).toList(), java.util.Arrays.stream(ids).boxed().toList());
        assertEquals(WordPieces.MAX_TOKENS, pieces.ids("word ".repeat(1000)).length, "a long text is cut at the model's limit");
        assertEquals(2, pieces.ids("\u0000\u200b  ").length, "nothing but [CLS] [SEP]");
    }

    private static String assertThrowsIo(org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(IOException.class, e).getMessage();
    }
}
