package org.etomkg.crosswalk.rdf;

import org.apache.jena.shared.PrefixMapping;
import org.etomkg.rdf.Terms;
import org.etomkg.vocab.ETOM;

/** The IRIs and prefixes of the crosswalk files. */
final class CrosswalkIris {
    private CrosswalkIris() {}

    static final String CROSSWALK_NS = ETOM.BASE + "crosswalk/";

    /** The IRI of a process of a release. */
    static String process(String version, String id) { return ETOM.processNamespace(version) + id; }

    /** The namespace of the correspondences of one pair: https://w3id.org/etom-kg/crosswalk/25.0-25.5/. */
    static String pairNamespace(String from, String to) { return CROSSWALK_NS + pairName(from, to) + "/"; }

    static String pairName(String from, String to) { return from + "-" + to; }

    /** The prefixes of a crosswalk file: the usual ones and r25.5 for https://w3id.org/etom-kg/release/25.5/process/. */
    static void prefixes(PrefixMapping p, Iterable<String> versions) {
        p.setNsPrefix("etom", ETOM.NS).setNsPrefix("owl", Terms.OWL).setNsPrefix("rdfs", Terms.RDFS).setNsPrefix("skos", Terms.SKOS)
            .setNsPrefix("dcterms", Terms.DCTERMS).setNsPrefix("prov", Terms.PROV);
        for (String v : versions) p.setNsPrefix("r" + v, ETOM.processNamespace(v));
    }
}
