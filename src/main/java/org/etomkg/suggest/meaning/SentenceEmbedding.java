package org.etomkg.suggest.meaning;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a short text means, as a vector: all-MiniLM-L6-v2 (sentence-transformers, Apache 2.0), quantized, run
 * in this process by ONNX Runtime; two texts that say the same thing in other words have vectors close
 * together (their cosine near 1). The model comes in the jar (langchain4j's packaging of it), so nothing is
 * fetched: it never reaches the network. The vectors of process texts are kept once computed (they recur
 * in every suggestion), up to {@link #KEPT} of them.
 */
public final class SentenceEmbedding {
    private static final Logger LOG = LoggerFactory.getLogger(SentenceEmbedding.class);
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx", TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    /** The vectors of the shipped releases' process texts, computed ahead (bench/suggest-vectors.sh). */
    static final String SHIPPED_VECTORS = "/suggest/process-vectors.bin";
    private static final int DIMENSIONS = 384;
    private static final int KEPT = 100_000, RECENT = 4096;

    private static volatile Optional<SentenceEmbedding> shipped;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieces tokens;
    private final boolean typeIds;
    private final KeptVectors kept = new KeptVectors();
    private final Map<String, float[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    };

    private SentenceEmbedding(OrtEnvironment environment, OrtSession session, WordPieces tokens) {
        this.environment = environment;
        this.session = session;
        this.tokens = tokens;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    /**
     * The model in the jar, loaded once per JVM; empty, with the reason logged once, where ONNX Runtime has no
     * native library for this machine: suggestions then rank by words alone.
     */
    public static Optional<SentenceEmbedding> shipped() {
        Optional<SentenceEmbedding> model = shipped;
        if (model == null) {
            synchronized (SentenceEmbedding.class) {
                if (shipped == null) shipped = load(true);
                model = shipped;
            }
        }
        return model;
    }

    /** The model alone, with none of the shipped vectors: what writes them. */
    public static Optional<SentenceEmbedding> fresh() {
        return load(false);
    }

    private static Optional<SentenceEmbedding> load(boolean withShippedVectors) {
        try (InputStream model = SentenceEmbedding.class.getResourceAsStream(MODEL);
             InputStream tokenizer = SentenceEmbedding.class.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) throw new IOException("the model " + MODEL + " is not on the class path");
            WordPieces pieces = WordPieces.read(tokenizer);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // One thread per text: a short text gains nothing from more, and the server runs requests side by side.
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                SentenceEmbedding loaded = new SentenceEmbedding(environment, environment.createSession(model.readAllBytes(), options), pieces);
                if (withShippedVectors) loaded.readShipped();
                return Optional.of(loaded);
            }
        } catch (IOException | OrtException | LinkageError e) {
            LOG.warn("suggestions rank by words alone: the sentence model cannot run here ({})", e.toString());
            return Optional.empty();
        }
    }

    private void readShipped() {
        try (InputStream in = SentenceEmbedding.class.getResourceAsStream(SHIPPED_VECTORS)) {
            if (in != null) kept.read(in, DIMENSIONS);
        } catch (IOException e) {
            kept.clear();   // only a head start: every vector can be computed again
            LOG.warn("the shipped process vectors are not read ({}); they are computed as needed", e.getMessage());
        }
    }

    /**
     * The unit vector of a text's meaning. Only the last {@link #RECENT} asked are kept: an import or the mapping
     * view asks about an activity more than once, and what users type must not fill the memory.
     */
    public float[] embed(String text) {
        synchronized (recent) {
            float[] v = recent.get(text);
            if (v != null) return v;
        }
        float[] v = run(text);
        synchronized (recent) {
            recent.put(text, v);
        }
        return v;
    }

    /** The unit vectors of texts that recur (the processes of a release), in their order; those not seen before are run through the model and kept. */
    public List<float[]> embedKept(List<String> texts) {
        if (kept.size() > KEPT) kept.clear();   // far beyond the few thousand processes of the releases in a store
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            float[] v = kept.get(t);
            out.add(v != null ? v : kept.put(t, run(t)));
        }
        return out;
    }

    /** Writes every vector kept so far (bench/suggest-vectors.sh ships them). */
    public void writeKept(OutputStream out) throws IOException {
        kept.write(out);
    }

    /** How many vectors are kept. */
    public int keptCount() {
        return kept.size();
    }

    /** The cosine of two unit vectors: 1 the same meaning, near 0 unrelated. */
    public static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /**
     * One text through the model, alone: the quantized model scales its activations over the whole input, so a
     * text batched with others would come out slightly otherwise. Its vector is the mean of its tokens', scaled
     * to length 1.
     */
    private float[] run(String text) {
        long[][] ids = {tokens.ids(text)};
        long[][] mask = new long[1][ids[0].length], types = new long[1][ids[0].length];
        Arrays.fill(mask[0], 1);
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, ids);
             OnnxTensor attention = OnnxTensor.createTensor(environment, mask);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, types)) {
            Map<String, OnnxTensor> feed = new HashMap<>(Map.of("input_ids", inputIds, "attention_mask", attention));
            if (typeIds) feed.put("token_type_ids", typeTensor);
            try (OrtSession.Result result = session.run(feed)) {
                return meanOf(((float[][][]) result.get(0).getValue())[0], ids[0].length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed: " + e.getMessage(), e);
        }
    }

    private static float[] meanOf(float[][] tokens, int count) {
        float[] v = new float[tokens[0].length];
        for (int t = 0; t < count; t++)
            for (int d = 0; d < v.length; d++) v[d] += tokens[t][d];
        double norm = 0;
        for (float x : v) norm += (double) x * x;
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < v.length; d++) v[d] *= scale;
        return v;
    }
}
