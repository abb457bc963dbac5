package org.etomkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.etomkg.suggest.TelecomSynonyms;
import org.etomkg.vocab.ETOM;
import org.etomkg.progress.Progress;

/**
 * The full-text index of names, local names, descriptions and identifiers (jena-text over
 * Lucene), kept inside the store folder ({@code DATA/store/text-index}) so that a rebuild's
 * swap moves it with the triples. One Lucene document per indexed triple, every property in
 * the one default field, and the literal stored, so that a query can join each hit with the
 * live triple: an entry left behind by a delete then finds nothing. Words are indexed as written
 * and by their stems ({@link SearchAnalyzer}); what is typed also brings its telecom synonyms,
 * from the store's copy of the synonym file, so {@code serve} rebuilds the store when that file
 * changes (the ontology fingerprint covers it) and an index of another layout is rebuilt on open.
 */
final class SearchIndex {
    static final String FOLDER = "text-index";
    static final String FIELD = "text";
    /**
     * The analysis the index was built with, written inside it: an index built otherwise (before
     * stems) is rebuilt when the store opens. Change it whenever {@link SearchAnalyzer} changes.
     */
    static final String LAYOUT = "words as written and Porter stems, 2";
    static final String LAYOUT_FILE = "etom-kg-layout.txt";
    /** The store's copy of the ontology folder's telecom synonyms, read by the query side of the index. */
    static final String SYNONYMS = "telecom-synonyms.txt";
    /** What is searchable; skos:definition is where the description import writes. */
    static final List<Node> PROPERTIES = List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(), ETOM.term("localName"),
        SKOS.definition.asNode(), SKOS.notation.asNode());

    private SearchIndex() {}

    /** True when the store folder has an index built with today's analysis. */
    static boolean exists(Path storeDir) {
        Path layout = storeDir.resolve(FOLDER).resolve(LAYOUT_FILE);
        try {
            return Files.isRegularFile(layout) && Files.readString(layout).strip().equals(LAYOUT);
        } catch (IOException e) {
            return false;
        }
    }

    /** The index of a store folder, open for reading and for the writes of the wrapped dataset. */
    static Opened open(Path storeDir) {
        return Opened.of(storeDir.resolve(FOLDER), synonyms(storeDir));
    }

    /** The synonyms a store was built with; none for a store from before them. */
    static TelecomSynonyms synonyms(Path storeDir) {
        Path file = storeDir.resolve(SYNONYMS);
        return Files.isRegularFile(file) ? TelecomSynonyms.read(file) : TelecomSynonyms.none();
    }

    /** Reads the ontology folder's synonym file, if any: a broken one stops a load before it builds anything, not the server later. */
    static void checkSynonyms(Path ontologyDir) {
        Path file = ontologyDir.resolve(TelecomSynonyms.FILE);
        if (Files.isRegularFile(file)) TelecomSynonyms.read(file);
    }

    /** Copies the ontology folder's synonym file (checked before) into a store folder being built, or removes a stale copy. */
    static void keepSynonyms(Path ontologyDir, Path storeDir) throws IOException {
        Path from = ontologyDir.resolve(TelecomSynonyms.FILE), to = storeDir.resolve(SYNONYMS);
        if (Files.isRegularFile(from)) Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        else Files.deleteIfExists(to);
    }

    /**
     * Indexes every searchable triple of the store from scratch, beside any old index and then
     * in its place, so an interrupted build leaves no half index behind. Returns the documents.
     */
    static long build(DatasetGraph tdb, Path storeDir) {
        Path next = storeDir.resolve(FOLDER + ".next"), target = storeDir.resolve(FOLDER);
        try {
            StoreBuilder.deleteTree(next);
            long docs;
            // The stage opens first, so that it counts Lucene's start too: the bench reports the index apart from the load.
            try (Progress.Stage stage = Progress.counting("indexing names and identifiers for search", "entries"); Opened index = Opened.of(next, TelecomSynonyms.none())) {
                EntityDefinition def = index.index().getDocDef();
                docs = Txn.calculateRead(tdb, () -> {
                    long n = 0;
                    for (Node p : PROPERTIES)
                        for (var it = tdb.find(Node.ANY, Node.ANY, p, Node.ANY); it.hasNext(); ) {
                            Entity e = TextQueryFuncs.entityFromQuad(def, it.next());
                            if (e != null) { index.index().addEntity(e); stage.at(++n); }
                        }
                    return n;
                });
                index.index().commit();
                stage.done();
            }
            Files.writeString(next.resolve(LAYOUT_FILE), LAYOUT + "\n");
            StoreBuilder.deleteTree(target);
            Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index in " + target + ": " + e.getMessage(), e);
        }
    }

    static TextIndexConfig config(TelecomSynonyms synonyms) {
        EntityDefinition def = new EntityDefinition("uri", FIELD);
        PROPERTIES.forEach(p -> def.set(FIELD, p));
        def.setUidField("uid");     // lets a deleted triple remove its document
        def.setLangField("lang");   // hits come back with their language tag, equal to the stored literal
        TextIndexConfig config = new TextIndexConfig(def);
        config.setAnalyzer(new SearchAnalyzer());
        config.setQueryAnalyzer(new SearchAnalyzer(synonyms));
        config.setValueStored(true);
        return config;
    }

    /** A Lucene folder and the jena-text index over it, closed together. */
    record Opened(Directory directory, TextIndex index) implements AutoCloseable {
        static Opened of(Path folder, TelecomSynonyms synonyms) {
            try {
                Directory dir = FSDirectory.open(folder);
                try {
                    return new Opened(dir, new TextIndexLucene(dir, config(synonyms)));
                } catch (RuntimeException e) {
                    dir.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the search index in " + folder + ": " + e.getMessage(), e);
            }
        }

        /** An index held in memory, for a replica that fills it from a remote store at every start. */
        static Opened inMemory(TelecomSynonyms synonyms) {
            Directory dir = new org.apache.lucene.store.ByteBuffersDirectory();
            return new Opened(dir, new TextIndexLucene(dir, config(synonyms)));
        }

        @Override public void close() {
            try {
                index.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
