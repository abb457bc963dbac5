package org.etomkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.etomkg.bpmn.BpmnImport;
import org.etomkg.suggest.ReleaseSuggestions;
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

/** {@code etom-kg import bpmn MODEL... --release R --name N}: a draft extension from BPMN 2.0 models. */
@Command(name = "bpmn", description = "Draft an extension from BPMN 2.0 models: activities become your processes under their eTOM "
    + "parents, lanes and pools units Responsible for them, sequence flows an end-to-end flow, data objects information entities. "
    + "Writes nothing when a model is broken (exit 2).")
final class BpmnImportCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Parameters(arity = "1..*", paramLabel = "MODEL") List<Path> models;
    @Option(names = "--release", required = true, paramLabel = "VERSION", description = "The release the extension extends, such as 25.5") String release;
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The extension's name") String name;
    @Option(names = "--namespace", paramLabel = "IRI", description = "Your terms' namespace (default: https://csp.example/NAME/; set your own)")
    String namespace;
    @Option(names = "--publisher", paramLabel = "NAME", description = "The CSP publishing it (default: the first pool's name)") String publisher;
    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the draft (default: standard output)") Path out;
    @Option(names = "--max-activities", paramLabel = "N", description = "Refuse models with more activities than this in all, "
        + "counted before they are read whole (default: ${DEFAULT-VALUE})") int maxActivities = BpmnImport.MAX_ACTIVITIES;

    @Override public Integer call() {
        BpmnImport.refuseMoreThan(models, maxActivities);   // before the release and its index are loaded
        OntologyFolder ontology = new OntologyFolder(locations.ontology());
        String version = ontology.releases().contains(release) ? release : release + ".0";
        if (!ontology.releases().contains(version))
            throw new ExtensionInputException("unknown release '" + release + "'; this checkout holds " + String.join(", ", ontology.releases()));
        String ns = namespace != null ? namespace : "https://csp.example/" + BpmnImport.slug(name) + "/";
        BpmnImport.Result draft;
        try (Progress.Stage stage = Progress.stage("reading " + (models.size() == 1 ? models.get(0).toString() : models.size() + " models")
                + " and suggesting parents")) {
            draft = new BpmnImport(ontology.release(version), ReleaseSuggestions.withWordsOf(ontology, locations.ontology()).of(version)).read(models, new BpmnImport.Request(version, name, ns, publisher), maxActivities);
            stage.done();
        }
        String turtle = CanonicalTurtle.write(draft.graph());
        ExtensionReport report = ValidateCommand.validate(new ExtensionValidator(locations.shapes(), ontology), draft.graph(), Optional.empty());

        var summary = out == null ? System.err : System.out;
        if (out == null) System.out.print(turtle);
        else DraftFile.write(out, turtle);
        summary.printf("%d processes, %d units, %d flow steps, %d information entities%s%n", draft.processes(), draft.units(),
            draft.steps(), draft.entities(), out == null ? "" : " -> " + out);
        if (namespace == null) summary.println("namespace " + ns + " (give your own with --namespace)");
        if (!draft.review().isEmpty()) {
            summary.println(draft.review().size() + " to review (marked skos:editorialNote in the draft):");
            draft.review().forEach(r -> summary.println("  " + r));
        }
        DraftFile.printValidation(summary, report);
        return 0;
    }
}
