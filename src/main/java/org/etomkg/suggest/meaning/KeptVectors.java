package org.etomkg.suggest.meaning;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence vectors by text, kept in one byte per dimension (scaled to the vector's largest value): a process
 * text's vector is the same whether it was just computed or read from the file shipped in the jar
 * ({@code suggest/process-vectors.bin}, written by bench/suggest-vectors.sh), which spares each JVM
 * running the model over the thousands of process texts of the releases. A text is known by the first
 * 16 bytes of its SHA-256.
 */
final class KeptVectors {
    /** Names the model the vectors came from: a file for another model is not read. */
    static final String HEADER = "etom-kg sentence vectors 1; all-minilm-l6-v2-q";

    /** A vector as kept: each dimension in a byte, times the scale. */
    private record Code(float scale, byte[] bytes) {
        float[] decode() {
            float[] v = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) v[i] = bytes[i] * scale;
            return v;
        }
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    int size() {
        return codes.size();
    }

    void clear() {
        codes.clear();
    }

    /** The vector kept for a text, or null. */
    float[] get(String text) {
        Code code = codes.get(key(text));
        return code == null ? null : code.decode();
    }

    /** Keeps a vector, and returns it as kept (rounded to one byte per dimension). */
    float[] put(String text, float[] vector) {
        float max = 0;
        for (float x : vector) max = Math.max(max, Math.abs(x));
        float scale = max == 0 ? 1 : max / 127;
        byte[] code = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) code[i] = (byte) Math.round(vector[i] / scale);
        Code kept = new Code(scale, code);
        codes.put(key(text), kept);
        return kept.decode();
    }

    /** Reads vectors written by {@link #write}; a file for another model or another size is refused. */
    void read(InputStream in, int dimensions) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        String header = data.readUTF();
        int count = data.readInt(), size = data.readInt();
        if (!HEADER.equals(header) || size != dimensions) throw new IOException("vectors of another model: " + header + ", " + size + " dimensions");
        for (int i = 0; i < count; i++) {
            byte[] key = new byte[16], code = new byte[size];
            data.readFully(key);
            float scale = data.readFloat();
            data.readFully(code);
            codes.put(HexFormat.of().formatHex(key), new Code(scale, code));
        }
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        var keys = new java.util.TreeSet<>(codes.keySet());   // sorted: the same vectors make the same file
        int size = keys.isEmpty() ? 0 : codes.get(keys.first()).bytes().length;
        data.writeUTF(HEADER);
        data.writeInt(keys.size());
        data.writeInt(size);
        for (String k : keys) {
            data.write(HexFormat.of().parseHex(k));
            data.writeFloat(codes.get(k).scale());
            data.write(codes.get(k).bytes());
        }
        data.flush();
    }

    private static String key(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
