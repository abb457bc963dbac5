package org.etomkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.crosswalk.CrosswalkFiles;
import org.etomkg.crosswalk.ExtensionMigration;
import org.etomkg.crosswalk.MigrationResult;
import org.etomkg.rdf.CanonicalTurtle;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.Finding;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.query.ResultFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code etom-kg migrate EXTENSION --to R [--write FILE]}: what happens in release R to each
 * reference the extension makes; with {@code --write}, the migrated extension, validated against R.
 */
@Command(name = "migrate", description = "Report what happens in release R to each reference process a CSP extension names "
    + "(unchanged, renamed, renumbered with its new element, moved, removed with its nearest surviving ancestor, ambiguous), "
    + "following the crosswalk. With --write FILE, write the migrated extension (Turtle) and validate it against R: "
    + "exit 0 when it conforms, 1 when it does not, 2 when the input is unusable.")
public final class MigrateCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Mixin StoreOption storeOption;
    @Parameters(arity = "1..*", paramLabel = "EXTENSION", description = "The extension: Turtle, RDF/XML, JSON-LD, N-Triples, or the CSV/xlsx template")
    List<Path> files;
    @Option(names = "--to", required = true, paramLabel = "RELEASE", description = "The release to migrate to, such as 26.0") String to;
    @Option(names = "--from", paramLabel = "RELEASE", description = "The release the extension extends, when its header does not say") String from;
    @Option(names = "--write", paramLabel = "FILE", description = "Write the migrated extension to FILE (Turtle) and validate it") Path write;
    @Option(names = "--format", description = "table, csv, json or tsv for the references (default: ${DEFAULT-VALUE})") ResultFormat format = ResultFormat.table;

    @Override public Integer call() {
        Graph extension = GraphFactory.createDefaultGraph();
        for (Path f : files) {   // file by file, so the files' prefixes are kept for the migrated one
            Graph g = ExtensionFiles.read(f);
            g.find().forEachRemaining(extension::add);
            extension.getPrefixMapping().setNsPrefixes(g.getPrefixMapping());
        }
        MigrationResult r = new ExtensionMigration(storeOption.history(locations))
            .migrate(extension, to, Optional.ofNullable(from));
        System.out.print(format.format(r.asResult()));
        boolean table = format == ResultFormat.table;
        if (table || write != null) {
            var out = table ? System.out : System.err;
            out.printf("%s: %d references from %s to %s%n", r.extension(), r.references().size(), r.from(), r.to());
            for (MigrationResult.Renumbering n : r.renumbered())
                out.printf("  renumbered %s -> %s (level %d -> %d): %s%s%n", n.oldIdentifier(), n.newIdentifier(), n.oldLevel(), n.newLevel(), n.reason(),
                    n.newIri().equals(n.oldIri()) ? "" : "; IRI " + n.newIri());
            for (String d : r.dropped()) out.println("  dropped " + d);
            for (String p : r.problems()) out.println("  PROBLEM " + p);
        }
        if (write == null) return 0;

        try {
            if (write.getParent() != null) Files.createDirectories(write.getParent());
            // canonical Turtle, as every file the project writes; the original's comments are not kept (said below)
            Files.writeString(write, CanonicalTurtle.write(r.migrated()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + write + ": " + e.getMessage(), e);
        }
        ExtensionReport report = new ExtensionValidator(locations.shapes(), new OntologyFolder(locations.ontology()))
            .validate(ExtensionFiles.read(write), Optional.empty());
        var out = format == ResultFormat.table ? System.out : System.err;
        out.printf("the comments of the original are not kept in %s; check its version (owl:versionInfo)%n", write);
        out.printf("wrote %s; against release %s it %s (%d violations, %d warnings)%n", write, report.release(),
            report.conforms() ? "conforms" : "does not conform", report.count(Finding.Severity.Violation), report.count(Finding.Severity.Warning));
        if (!report.conforms()) out.print(org.etomkg.extension.ReportFormat.text.format(report));
        return report.conforms() ? 0 : 1;
    }
}
