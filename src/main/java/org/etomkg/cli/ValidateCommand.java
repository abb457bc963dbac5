package org.etomkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.extension.ReportFormat;

import org.etomkg.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg validate FILE...}: checks an extension against shapes/; exit 0 conforms, 1 violations, 2 unusable input. */
@Command(name = "validate", description = "Validate a CSP extension (Turtle, RDF/XML, JSON-LD, N-Triples, or the CSV/xlsx template) "
    + "against its release. Exit 0 when it conforms (warnings allowed), 1 on violations, 2 when the input is unusable.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Mixin StoreOption storeOption;
    @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;
    @Option(names = "--release", paramLabel = "VERSION", description = "Validate against this release instead of the header's") String release;
    @Option(names = "--format", description = "text, json or turtle (default: ${DEFAULT-VALUE})") ReportFormat format = ReportFormat.text;

    @Override public Integer call() {
        ExtensionReport report;
        if (storeOption.remote()) {
            try (var store = storeOption.open()) {   // against the release as the remote store holds it
                report = validate(new ExtensionValidator(locations.shapes(), new org.etomkg.extension.StoreReference(store)),
                    ExtensionFiles.read(files), Optional.ofNullable(release));
            }
        } else {
            report = validate(locations, files, Optional.ofNullable(release));
        }
        System.out.print(format.format(report));
        return report.conforms() ? 0 : 1;
    }

    static ExtensionReport validate(Locations locations, List<Path> files, Optional<String> release) {
        org.apache.jena.graph.Graph extension;
        try (Progress.Stage stage = Progress.stage("reading " + (files.size() == 1 ? files.get(0).toString() : files.size() + " files"))) {
            extension = ExtensionFiles.read(files);
            stage.done();
        }
        return validate(new ExtensionValidator(locations.shapes(), new OntologyFolder(locations.ontology())), extension, release);
    }

    /** Validates, showing that it does on a terminal: a large extension takes a while. */
    static ExtensionReport validate(ExtensionValidator validator, org.apache.jena.graph.Graph extension, Optional<String> release) {
        try (Progress.Stage stage = Progress.stage(String.format(java.util.Locale.ROOT, "validating %,d triples against the shapes", extension.size()))) {
            ExtensionReport report = validator.validate(extension, release);
            stage.done();
            return report;
        }
    }
}
