package org.etomkg.cli;

/** Prefixes a command-line query may use without declaring them. */
final class Prefixes {
    private Prefixes() {}

    static final String PREAMBLE = """
        PREFIX etom: <https://w3id.org/etom-kg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        """;
    static final int LINES = 6;
}
