package org.etomkg.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.StoreReference;
import org.etomkg.store.KnowledgeStore;

/**
 * One IRI of every kind etom-kg mints, with the path the server answers it at, and the store
 * they are served from: the real ontology plus a stored extension, whose processes get paths of ours.
 */
final class MintedIris {
    static final String BASE = "https://w3id.org/etom-kg/";
    static final String EXTENSION_PROCESS = "https://nordlicht-telecom.example/etom/2.3.3.10.5";
    static final String EXTENSION_HEADER = "https://nordlicht-telecom.example/etom/extension";

    /**
     * A kind of IRI: its name, the path on the server, and what to {@code DESCRIBE} on
     * {@code /etom/sparql} for the same description (a query, since the hash document and the
     * extension's paths stand for IRIs of their own).
     */
    record Kind(String name, String path, String describe) {
        static Kind of(String name, String path) { return new Kind(name, path, "DESCRIBE <" + BASE + path.substring(1) + ">"); }
        /** The IRI of ours as w3id.org receives it: the path without the fragment. */
        String w3idPath() { return path.substring(1); }
    }

    static final List<Kind> KINDS = List.of(
        Kind.of("process", "/release/26.0/process/1.4.5"),
        Kind.of("release", "/release/26.0"),
        Kind.of("retired process", "/release/25.5/retired/1042"),
        // the meta-model's terms (domains, vertical groups, classes, properties) are hash IRIs of /ontology
        new Kind("ontology and its terms", "/ontology", "DESCRIBE ?t WHERE { { BIND(<" + BASE + "ontology> AS ?t) } UNION "
            + "{ ?t a ?c FILTER(STRSTARTS(STR(?t), \"" + BASE + "ontology#\")) } }"),
        Kind.of("entry ontology", "/etom-26.0"),
        Kind.of("named graph", "/graph/release/26.0"),
        Kind.of("release crosswalk", "/crosswalk/25.5-26.0"),
        Kind.of("crosswalk correspondence", "/crosswalk/25.5-26.0/to-1.7.2.2.4"),
        Kind.of("ODA component", "/oda-component/TMFC062"),
        Kind.of("ODA component exposure", "/oda-component/TMFC062/exposed-api/2"),
        Kind.of("Open API", "/open-api/TMF769"),
        Kind.of("Functional Framework release", "/functional-framework/26.0"),
        Kind.of("Functional Framework function", "/functional-framework/26.0/function/1494"),
        Kind.of("SID release", "/sid/26.0"),
        Kind.of("SID domain", "/sid/26.0/domain/fd632b0f6179f028"),
        Kind.of("SID business entity", "/sid/26.0/be/ff8530ae0520e2c6"),
        Kind.of("source file", "/source/sid/sid_v23.5.0.json"),
        Kind.of("eTOM-SID link row", "/etom-sid-link/row/121/1/in/26.0"),
        new Kind("stored extension", "/extension/nordlicht", "DESCRIBE <" + EXTENSION_HEADER + ">"),
        new Kind("extension process", "/extension/nordlicht/process/2.3.3.10.5", "DESCRIBE <" + EXTENSION_PROCESS + ">"));

    /** Hash IRIs of the meta-model the {@code /ontology} document describes. */
    static final List<String> ONTOLOGY_TERMS = List.of("CustomerDomain", "Fulfillment", "ProcessElement", "parent");

    private MintedIris() {}

    /** A copy of the built store with the small Nordlicht extension stored as {@code nordlicht}. */
    static KnowledgeStore storeWithExtension(Path tmp) {
        KnowledgeStore store = KnowledgeStore.open(TestStores.built(tmp));
        Graph extension = ExtensionSamples.read(Path.of("src/test/resources/extension/small-valid.ttl").toAbsolutePath());
        ExtensionReport report = new ExtensionValidator(TestStores.SHAPES, new StoreReference(store)).validate(extension, Optional.empty());
        new ExtensionStore(store).put("nordlicht", report, extension);
        return store;
    }
}
