package org.etomkg.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a store was built from and what it holds, kept inside the store folder so it moves with
 * it: the fingerprint of the ontology files, the graphs that came from them, and every graph's
 * triple count and checksum ({@link GraphFingerprint}), written by a load and kept in step with
 * each committed write ({@link GraphLedger}). Graphs not listed as shipped are the user's own
 * (descriptions, extensions) and survive a rebuild. A store from before the checksums lists none:
 * nothing of it is checked until the next load.
 */
record StoreManifest(String fingerprint, List<String> shippedGraphs, Map<String, GraphFingerprint> graphs) {
    static final String FILE = "etom-kg.properties";
    private static final String GRAPH = "graph.";

    StoreManifest {
        graphs = new TreeMap<>(graphs);
    }

    static Optional<StoreManifest> read(Path storeDir) {
        Path f = storeDir.resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        Properties p = load(f);
        String shipped = p.getProperty("shipped.graphs", "");
        return Optional.of(new StoreManifest(p.getProperty("ontology.fingerprint", ""),
            shipped.isBlank() ? List.of() : Arrays.asList(shipped.split(" ")), graphsOf(p)));
    }

    StoreManifest withGraphs(Map<String, GraphFingerprint> changed) {
        Map<String, GraphFingerprint> merged = new TreeMap<>(graphs);
        changed.forEach((g, f) -> {
            if (f.triples() == 0) merged.remove(g);
            else merged.put(g, f);
        });
        return new StoreManifest(fingerprint, shippedGraphs, merged);
    }

    /** Written beside and then moved over the old file, so a crash leaves the old manifest or the new one. */
    void write(Path storeDir) {
        Properties p = new Properties();
        p.setProperty("ontology.fingerprint", fingerprint);
        p.setProperty("shipped.graphs", String.join(" ", shippedGraphs));
        graphs.forEach((g, f) -> p.setProperty(GRAPH + g, f.format()));
        Path next = storeDir.resolve(FILE + ".next");
        try {
            try (Writer w = Files.newBufferedWriter(next)) {
                p.store(w, "etom-kg store manifest: graph.IRI = triples checksum");
            }
            Files.move(next, storeDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + storeDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    static Properties load(Path f) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // a malformed escape, as a torn write leaves: what was read so far stands
        }
        return p;
    }

    static Map<String, GraphFingerprint> graphsOf(Properties p) {
        Map<String, GraphFingerprint> out = new TreeMap<>();
        for (String k : p.stringPropertyNames())
            if (k.startsWith(GRAPH)) GraphFingerprint.parse(p.getProperty(k)).ifPresent(f -> out.put(k.substring(GRAPH.length()), f));
        return out;
    }
}
