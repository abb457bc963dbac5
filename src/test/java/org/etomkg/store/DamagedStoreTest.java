package org.etomkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A damaged store is refused at open with a message that names it damaged and says how to
 * rebuild it, whichever way TDB2 reacts to the damage (an exception, wrong counts, triples that
 * read back different). The real store is built once; each case damages a copy of it.
 */
class DamagedStoreTest {
    @TempDir static Path tmp;
    static Path built;
    /** The shipped store's triples, as its manifest records them (the first test checks the record against the store). */
    static long shippedTriples;

    @BeforeAll
    static void buildOnce() {
        built = ShippedStore.copyTo(tmp.resolve("built"));
        shippedTriples = StoreManifest.read(built.resolve("store")).orElseThrow().graphs().values().stream()
            .mapToLong(GraphFingerprint::triples).sum();
    }

    @Test
    void aSoundStoreOpensAndItsCheckCoversEveryGraph() throws IOException {
        Path data = copy("sound");
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            KnowledgeStore.Integrity opened = store.opened();
            assertTrue(opened.sound(), opened.message());
            assertEquals(StoreContents.quads(store), opened.triples());
            assertEquals(store.graphNames().size(), opened.graphs());
            assertTrue(store.verify().sound());
            assertTrue(store.integrity().sound());
            System.out.printf("check of the store at open: %d graphs, %,d triples in %d ms%n", opened.graphs(), opened.triples(), opened.millis());
        }
        Map<String, GraphFingerprint> recorded = StoreManifest.read(data.resolve("store")).orElseThrow().graphs();
        long files;
        try (Stream<Path> walk = Files.walk(StoreBuilderTest.ONTOLOGY)) {
            files = walk.filter(p -> p.toString().endsWith(".ttl")).count();
        }
        assertEquals(files, recorded.size(), "every shipped graph has its count and checksum in the manifest");
        assertEquals(shippedTriples, recorded.values().stream().mapToLong(GraphFingerprint::triples).sum());
    }

    @ParameterizedTest(name = "a zeroed block in the middle of {0}")
    @ValueSource(strings = {"GSPO.dat", "POSG.dat", "nodes.dat", "nodes-data.obj", "GSPO.idn"})
    void aZeroedBlockIsDamage(String file) throws IOException {
        Path data = copy("zeroed-" + file);
        Path f = dataFile(data, file);
        long used = usedLength(f);   // TDB2 grows its files by 8 MiB at a time: the tail is unused
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            long middle = (used / 2) / BLOCK * BLOCK;
            raf.seek(middle);
            raf.write(new byte[(int) Math.min(BLOCK, used - middle)]);
        }
        assertDamaged(data);
    }

    @ParameterizedTest(name = "{0} emptied")
    @ValueSource(strings = {"nodes.dat", "nodes-data.obj"})
    void anEmptiedFileIsDamage(String file) throws IOException {
        Path data = copy("emptied-" + file);
        try (RandomAccessFile raf = new RandomAccessFile(dataFile(data, file).toFile(), "rw")) {
            raf.setLength(0);
        }
        assertDamaged(data);
    }

    @Test
    void aTripleChangedBehindTheStoresBackIsDamage() throws IOException {
        Path data = copy("changed");
        String release = "https://w3id.org/etom-kg/graph/release/25.5";
        var dsg = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(data.resolve("store").toString());
        try {
            org.apache.jena.system.Txn.executeWrite(dsg, () -> {
                var q = dsg.find(NodeFactory.createURI(release), null, RDFS.label.asNode(), null).next();
                dsg.delete(q);
                dsg.add(q.getGraph(), q.getSubject(), q.getPredicate(), NodeFactory.createLiteralLang("Something else", "en"));
            });
        } finally {
            org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
        }
        StoreException e = assertDamaged(data);
        assertTrue(e.getMessage().contains(release) && e.getMessage().contains("not the same ones"), e.getMessage());
    }

    @Test
    void writesThroughTheStoreKeepTheManifestInStep() throws IOException {
        Path data = copy("written");
        String graph = "urn:etom-kg-test:mine";
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            var g = GraphFactory.createDefaultGraph();
            g.add(Triple.create(NodeFactory.createURI("urn:etom-kg-test:a"), RDFS.label.asNode(), NodeFactory.createLiteralString("mine")));
            // values TDB2 keeps inline, and reads back in another form than the one written
            g.add(Triple.create(NodeFactory.createURI("urn:etom-kg-test:a"), NodeFactory.createURI("urn:etom-kg-test:count"),
                NodeFactory.createLiteralDT("007", XSDDatatype.XSDinteger)));
            g.add(Triple.create(NodeFactory.createURI("urn:etom-kg-test:a"), NodeFactory.createURI("urn:etom-kg-test:none"),
                NodeFactory.createLiteralDT("0", XSDDatatype.XSDinteger)));   // an inline id that NodeId.equals confuses with a pointer
            g.add(Triple.create(NodeFactory.createURI("urn:etom-kg-test:a"), NodeFactory.createURI("urn:etom-kg-test:at"),
                NodeFactory.createLiteralDT("2026-12-07T01:45:00.120+00:00", XSDDatatype.XSDdateTime)));
            store.replaceGraph(graph, g);
            store.replaceGraph("https://w3id.org/etom-kg/graph/release/26.0", GraphFactory.createDefaultGraph());
            assertTrue(store.verify().sound(), store.verify().message());
        }
        try (KnowledgeStore store = KnowledgeStore.open(data)) {
            assertTrue(store.opened().sound(), store.opened().message());
            assertEquals(shippedTriples + 4 - StoreManifest.read(built.resolve("store")).orElseThrow().graphs()
                .get("https://w3id.org/etom-kg/graph/release/26.0").triples(), store.opened().triples());
        }
        Map<String, GraphFingerprint> recorded = StoreManifest.read(data.resolve("store")).orElseThrow().graphs();
        assertEquals(4, recorded.get(graph).triples());
        assertFalse(recorded.containsKey("https://w3id.org/etom-kg/graph/release/26.0"), "an emptied graph leaves the manifest");
        assertFalse(Files.exists(data.resolve("store").resolve(GraphLedger.NOTE)));
    }

    // ---- helpers ---------------------------------------------------------------------------

    static final int BLOCK = 8192;

    /** Up to the end of the last block that holds anything but zeros. */
    static long usedLength(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        for (int end = bytes.length; end > 0; end--)
            if (bytes[end - 1] != 0) return end;
        return 0;
    }

    static StoreException assertDamaged(Path data) {
        StoreException e = assertThrows(StoreException.class, () -> KnowledgeStore.open(data).close());
        assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains("run ./etom-kg load to rebuild it"), e.getMessage());
        assertFalse(e.getMessage().contains("in use"), e.getMessage());
        System.out.println(data.getFileName() + ": " + e.getMessage());
        // and nothing was left holding it: a load rebuilds it
        return e;
    }

    static Path dataFile(Path data, String name) throws IOException {
        try (Stream<Path> s = Files.walk(data.resolve("store"))) {
            return s.filter(p -> p.getFileName().toString().equals(name) && !p.toString().contains("text-index")).findFirst()
                .orElseThrow(() -> new AssertionError("TDB2 wrote no " + name));
        }
    }

    static Path copy(String name) throws IOException {
        Path target = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(built)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(built.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return target;
    }
}
