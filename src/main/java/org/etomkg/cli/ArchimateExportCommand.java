package org.etomkg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.archimate.ArchimateExport;
import org.etomkg.archimate.ArchimateModel;
import org.etomkg.archimate.ExportScope;
import org.etomkg.archimate.ReferenceGraph;
import org.etomkg.extension.ExtensionHeader;

import org.etomkg.progress.Progress;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg export archimate}: a release, and an extension, as an ArchiMate 3.1 exchange file. */
@Command(name = "archimate", description = "Write a release, with an extension if given, as an ArchiMate 3.1 model in The Open Group's "
    + "Model Exchange File Format (Archi, BiZZdesign, Sparx EA): business functions and processes, vertical groups, a view per domain and per flow.")
final class ArchimateExportCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Option(names = "--release", paramLabel = "R", description = "The release to export (with an extension, the one it extends)") String release;
    @Option(names = "--levels", paramLabel = "FROM-TO", defaultValue = "1-3", description = "The levels of reference processes to export (default: ${DEFAULT-VALUE})") String levels;
    @Option(names = "--frameworks", description = "Add ODA components and Open APIs serving the level-2 processes") boolean frameworks;
    @ArgGroup(exclusive = true, multiplicity = "0..1") ExportCommand.Source source;
    @Parameters(paramLabel = "OUT", description = "The .xml file to write") Path out;

    @Override public Integer call() {
        Graph data = GraphFactory.createDefaultGraph();
        String name = "eTOM";
        if (source != null) {
            Graph extension = source.read(locations);
            String extended = ExtensionHeader.find(extension).flatMap(h -> ExtensionHeader.release(extension, h)).orElse(null);
            if (release != null && extended != null && !release.equals(extended))
                throw new Failures.UserError("the extension extends release " + extended + ", not " + release + " (leave --release out, or give " + extended + ")");
            if (release == null) release = extended;
            extension.find().forEach(data::add);
            name = source.extension != null ? source.extension : source.files.get(0).getFileName().toString().replaceFirst("\\.[^.]+$", "");
            name = "eTOM " + release + " with " + name;
        }
        if (release == null) throw new Failures.UserError("give the release to export with --release R");
        if (source == null) name = "eTOM " + release;
        ExportScope scope = ExportScope.of(release, levels, frameworks);
        ArchimateModel model;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress.Stage stage = Progress.stage("building the ArchiMate model of " + name)) {
            ReferenceGraph.of(locations.ontology(), release, frameworks).find().forEach(data::add);
            model = new ArchimateExport(locations.queries()).model(data, scope, name);
            ArchimateExport.write(model, bytes);
            stage.done();
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.write(out, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        System.out.println(name + ": " + model.elements().size() + " elements, " + model.relationships().size() + " relationships, "
            + model.diagrams().size() + " views -> " + out);
        return 0;
    }
}
