package org.etomkg.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the store should hold, graph by graph ({@link GraphFingerprint}), and the note that keeps
 * it, and the search index, in step with the store across a crash.
 *
 * <p>A write that commits goes: (1) the fingerprints of the graphs it changed are written to the
 * note {@code DATA/store/etom-kg.writing} and forced to disk; (2) TDB2 commits, then the Lucene
 * index commits; (3) the manifest takes the new fingerprints; (4) the note is deleted. A crash
 * before (2) leaves the old store, which the manifest describes; a crash after it the new store,
 * which the note describes; either way the note marks that the index may lag the store. So at
 * open, a note present means: accept each graph it names in its old form (manifest) or its new
 * one (note), adopt what was found into the manifest, and rebuild the search index from the
 * store. Any other difference is damage.
 */
final class GraphLedger {
    static final String NOTE = "etom-kg.writing";

    private final Path storeDir;
    private StoreManifest manifest;   // guarded by this
    /** Held by a commit from its note to the manifest's update, and by a check while it takes its snapshot. */
    final ReentrantLock commits = new ReentrantLock();

    private GraphLedger(Path storeDir, StoreManifest manifest) {
        this.storeDir = storeDir;
        this.manifest = manifest;
    }

    static GraphLedger of(Path storeDir) {
        return new GraphLedger(storeDir, StoreManifest.read(storeDir).orElse(new StoreManifest("", List.of(), Map.of())));
    }

    /** True when a write was interrupted between its note and the index's commit. */
    boolean interrupted() { return Files.exists(storeDir.resolve(NOTE)); }

    synchronized Map<String, GraphFingerprint> expected() { return manifest.graphs(); }

    /** The new forms of the graphs an interrupted write was committing. */
    Map<String, GraphFingerprint> noted() {
        Path note = storeDir.resolve(NOTE);
        return Files.isRegularFile(note) ? StoreManifest.graphsOf(StoreManifest.load(note)) : Map.of();
    }

    /**
     * How the graphs found differ from those recorded, in words; empty when they agree. With a
     * note, a graph it names may be in its old or its new form.
     */
    static List<String> differences(Map<String, GraphFingerprint> found, Map<String, GraphFingerprint> expected,
            Map<String, GraphFingerprint> noted, boolean countsOnly) {
        List<String> out = new ArrayList<>();
        TreeSet<String> graphs = new TreeSet<>(expected.keySet());
        graphs.addAll(noted.keySet());
        for (String g : graphs) {
            GraphFingerprint f = found.getOrDefault(g, GraphFingerprint.NONE);
            GraphFingerprint old = expected.getOrDefault(g, GraphFingerprint.NONE);
            GraphFingerprint now = noted.get(g);
            if (agrees(f, old, countsOnly) || now != null && agrees(f, now, countsOnly)) continue;
            if (f.triples() != old.triples()) out.add("graph <" + g + "> holds " + f.triples() + " triples where " + old.triples() + " were stored");
            else out.add("graph <" + g + "> holds " + f.triples() + " triples as stored, but not the same ones");
        }
        return out;
    }

    private static boolean agrees(GraphFingerprint found, GraphFingerprint recorded, boolean countsOnly) {
        return countsOnly ? found.triples() == recorded.triples() : found.equals(recorded);
    }

    /** After an open found the store sound: the note's graphs take the form found, and the note goes. */
    synchronized void settle(Map<String, GraphFingerprint> found) {
        Map<String, GraphFingerprint> noted = noted();
        if (noted.isEmpty() && !interrupted()) return;
        Map<String, GraphFingerprint> adopted = new TreeMap<>();
        noted.keySet().forEach(g -> adopted.put(g, found.getOrDefault(g, GraphFingerprint.NONE)));
        manifest = manifest.withGraphs(adopted);
        manifest.write(storeDir);
        deleteNote();
    }

    /** Step (1): the new forms of the changed graphs, on disk before TDB2 commits. */
    void beforeCommit(Map<String, GraphFingerprint> changed) {
        Properties p = new Properties();
        changed.forEach((g, f) -> p.setProperty("graph." + g, f.format()));
        StringWriter text = new StringWriter();
        try {
            p.store(text, "etom-kg: a write in progress; graph.IRI = triples checksum after it");
            try (FileChannel ch = FileChannel.open(storeDir.resolve(NOTE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1)));
                ch.force(true);
            }
            try (FileChannel dir = FileChannel.open(storeDir, StandardOpenOption.READ)) {
                dir.force(true);   // the note's name is durable too
            } catch (IOException | UnsupportedOperationException ignored) {
                // not every file system syncs a folder; the file's own force stands
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + storeDir.resolve(NOTE) + ": " + e.getMessage(), e);
        }
    }

    /** Steps (3) and (4), once TDB2 and the index have committed. */
    synchronized void afterCommit(Map<String, GraphFingerprint> changed) {
        manifest = manifest.withGraphs(changed);
        manifest.write(storeDir);
        deleteNote();
        writes++;
    }

    private long writes;

    /** Writes committed since the store was opened. */
    synchronized long writes() { return writes; }

    private void deleteNote() {
        try {
            Files.deleteIfExists(storeDir.resolve(NOTE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + storeDir.resolve(NOTE) + ": " + e.getMessage(), e);
        }
    }
}
