package org.etomkg.server;

import java.io.StringWriter;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/** Extensions to send: the small conforming one, a broken one, and generated ones of any size. */
final class ExtensionSamples {
    static final Path SMALL_VALID = Path.of("src/test/resources/extension/small-valid.ttl").toAbsolutePath();
    static final Path NON_CONFORMING = Path.of("src/test/resources/server/non-conforming.ttl").toAbsolutePath();

    private ExtensionSamples() {}

    static Graph read(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).lang(Lang.TURTLE).parse(g);
        return g;
    }

    static Graph parse(String text, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(g);
        return g;
    }

    static String write(Graph g, RDFFormat format) {
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, ModelFactory.createModelForGraph(g), format);
        return w.toString();
    }

    /**
     * A conforming extension of Nordlicht Telecom with {@code n} processes under reference
     * process 1.3.3.10 of release 25.5 (level 3): 2.3.3.10.1 to 2.3.3.10.n at level 4.
     * The variant changes the names, so two variants of one size differ.
     */
    static String generated(int n, String variant) {
        StringBuilder ttl = new StringBuilder("""
            @prefix etom: <https://w3id.org/etom-kg/ontology#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix org: <http://www.w3.org/ns/org#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix p: <https://w3id.org/etom-kg/release/25.5/process/> .
            @prefix nl: <https://nordlicht-telecom.example/etom/> .

            nl:extension a etom:Extension ;
              rdfs:label "Nordlicht Telecom process model"@en ;
              dcterms:publisher nl:nordlicht ;
              owl:versionInfo "2026.1" ;
              etom:extendsRelease <https://w3id.org/etom-kg/release/25.5> ;
              etom:namespace "https://nordlicht-telecom.example/etom/"^^xsd:anyURI .
            nl:nordlicht a org:Organization ; rdfs:label "Nordlicht Telecom"@en .
            """);
        for (int i = 1; i <= n; i++) {
            String id = "2.3.3.10." + i;
            ttl.append("nl:").append(id).append(" a etom:ExtensionProcess ; skos:inScheme nl:extension ; skos:notation \"").append(id)
                .append("\" ; etom:level 4 ;\n  rdfs:label \"Nordlicht ").append(variant).append(" order step ").append(i)
                .append("\"@en ; skos:definition \"Step ").append(i).append(" of taking a customer order (").append(variant)
                .append(").\"@en ; etom:parent p:1.3.3.10 .\n");
        }
        return ttl.toString();
    }
}
