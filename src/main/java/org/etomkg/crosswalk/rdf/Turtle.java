package org.etomkg.crosswalk.rdf;

import org.etomkg.vocab.ETOM;

/** Small helpers for writing Turtle by hand in a fixed order. */
final class Turtle {
    private Turtle() {}

    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String CROSSWALK_NS = ETOM.BASE + "crosswalk/";

    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static String en(String s) { return str(s) + "@en"; }

    static String iri(String s) { return "<" + s + ">"; }

    /** The prefix of a release's processes: r25.5 for https://w3id.org/etom-kg/release/25.5/process/. */
    static String releasePrefix(String version) { return "r" + version; }

    /** The prefixed name of a process IRI of a release. */
    static String process(String version, String id) { return releasePrefix(version) + ":" + id; }

    /** The namespace of the correspondences of one pair: https://w3id.org/etom-kg/crosswalk/25.0-25.5/. */
    static String pairNamespace(String from, String to) { return CROSSWALK_NS + pairName(from, to) + "/"; }

    static String pairName(String from, String to) { return from + "-" + to; }

    static String pairPrefix(String from, String to) { return "xw" + pairName(from, to); }

    /** The IRI of the crosswalk node of a pair. */
    static String crosswalkIri(String from, String to) { return CROSSWALK_NS + pairName(from, to); }
}
