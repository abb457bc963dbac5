package org.etomkg.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Where the shipped files and the store live. The launcher sets {@code etomkg.home} to the
 * checkout, so ontology/ and queries/ are found from any working directory; the store
 * defaults to ./data/ in the working directory.
 */
final class Locations {
    @Option(names = "--data", paramLabel = "DIR", description = "Store folder (default: ./data)")
    Path data = Path.of("data");

    @Option(names = "--ontology", paramLabel = "DIR", description = "Ontology folder (default: ontology/ of the checkout)")
    Path ontology;

    @Option(names = "--queries", paramLabel = "DIR", description = "Named queries folder (default: queries/ of the checkout)")
    Path queries;

    static Path home() {
        return Path.of(System.getProperty("etomkg.home", "."));
    }

    Path ontology() { return ontology != null ? ontology : home().resolve("ontology"); }

    Path queries() { return queries != null ? queries : home().resolve("queries"); }

    Path shapes() { return home().resolve("shapes"); }
}
