package org.etomkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.etomkg.archimate.ArchimateImport;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.rdf.CanonicalTurtle;

import org.etomkg.progress.Progress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg import archimate MODEL.xml --release R --name N}: the extension an ArchiMate model describes. */
@Command(name = "archimate", description = "Read an ArchiMate 3.1 Model Exchange File (as export archimate writes it, edited in an "
    + "architecture tool) and write the extension it describes: new processes composed into eTOM ones, actors and roles with their "
    + "assignments, applications, business objects, assessments, flows. Lists what it cannot carry; writes nothing when the file is "
    + "broken (exit 2).")
final class ArchimateImportCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Parameters(paramLabel = "MODEL") Path model;
    @Option(names = "--release", required = true, paramLabel = "VERSION", description = "The release the extension extends, such as 25.5") String release;
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The extension's name") String name;
    @Option(names = "--namespace", paramLabel = "IRI", description = "Your terms' namespace (default: the one the model's processes use, "
        + "else https://csp.example/NAME/)") String namespace;
    @Option(names = "--publisher", paramLabel = "NAME", description = "The CSP publishing it (default: the organisation in the model)") String publisher;
    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the extension (default: standard output)") Path out;

    @Override public Integer call() {
        OntologyFolder ontology = new OntologyFolder(locations.ontology());
        String version = ontology.releases().contains(release) ? release : release + ".0";
        if (!ontology.releases().contains(version))
            throw new ExtensionInputException("unknown release '" + release + "'; this checkout holds " + String.join(", ", ontology.releases()));
        if (!Files.isReadable(model)) throw new ExtensionInputException(model + ": cannot read the file");
        ArchimateImport.Result result;
        try (Progress.Stage stage = Progress.stage("reading " + model)) {
            result = new ArchimateImport(ontology.release(version)).read(model, new ArchimateImport.Request(version, name, namespace, publisher));
            stage.done();
        }
        String turtle = CanonicalTurtle.write(result.graph());
        ExtensionReport report = ValidateCommand.validate(new ExtensionValidator(locations.shapes(), ontology), result.graph(), Optional.empty());

        var summary = out == null ? System.err : System.out;
        if (out == null) System.out.print(turtle);
        else DraftFile.write(out, turtle);
        summary.printf("%d processes, %d units and roles, %d assignments, %d applications, %d information entities, %d KPIs, %d flows%s%n",
            result.processes(), result.agents(), result.assignments(), result.applications(), result.entities(), result.kpis(), result.flows(),
            out == null ? "" : " -> " + out);
        if (namespace == null) summary.println("namespace " + result.namespace() + (result.namespace().startsWith("https://csp.example/")
            ? " (give your own with --namespace)" : ", the one the model's processes use"));
        if (!result.review().isEmpty()) {
            summary.println(result.review().size() + " to review:");
            result.review().forEach(r -> summary.println("  " + r));
        }
        if (!result.notCarried().isEmpty()) {
            // on standard error whatever --out says, so that no one misses it (also a skos:editorialNote on the extension)
            System.err.println(result.notCarried().size() + " not carried (an extension cannot say them):");
            result.notCarried().forEach(r -> System.err.println("  " + r));
        }
        DraftFile.printValidation(summary, report);
        return 0;
    }
}
