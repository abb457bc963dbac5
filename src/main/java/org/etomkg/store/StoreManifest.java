package org.etomkg.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a store was built from, kept inside the store folder so it moves with it: the
 * fingerprint of the ontology files and the graphs that came from them. Graphs not listed
 * are the user's own (descriptions, extensions) and survive a rebuild.
 */
record StoreManifest(String fingerprint, List<String> shippedGraphs) {
    static final String FILE = "etom-kg.properties";

    static Optional<StoreManifest> read(Path storeDir) {
        Path f = storeDir.resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String graphs = p.getProperty("shipped.graphs", "");
        return Optional.of(new StoreManifest(p.getProperty("ontology.fingerprint", ""),
            graphs.isBlank() ? List.of() : Arrays.asList(graphs.split(" "))));
    }

    void write(Path storeDir) {
        Properties p = new Properties();
        p.setProperty("ontology.fingerprint", fingerprint);
        p.setProperty("shipped.graphs", String.join(" ", shippedGraphs));
        try (Writer w = Files.newBufferedWriter(storeDir.resolve(FILE))) {
            p.store(w, "etom-kg store manifest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
