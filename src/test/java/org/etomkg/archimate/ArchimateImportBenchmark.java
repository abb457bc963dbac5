package org.etomkg.archimate;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;

/**
 * Prints the time {@code import archimate} takes over the largest exports: 26.0 at levels 1-7 with
 * the frameworks (the largest file), and 25.5 at levels 1-7 with the frameworks and the Nordlicht
 * extension (the largest with an extension to give back). "import" is reading the file and building
 * the extension; "validate" the SHACL validation the command runs after it. Best of three after a
 * warm-up. Run by bench/archimate.sh.
 */
public final class ArchimateImportBenchmark {
    public static void main(String[] args) throws Exception {
        Path ontology = Path.of("ontology").toAbsolutePath();
        OntologyFolder folder = new OntologyFolder(ontology);
        ArchimateExport export = new ArchimateExport(Path.of("queries").toAbsolutePath());
        ExtensionValidator validator = new ExtensionValidator(Path.of("shapes").toAbsolutePath(), folder);
        Graph nordlicht = ExtensionFiles.read(List.of(Path.of("examples/nordlicht-telecom.ttl")));
        Path dir = Files.createTempDirectory("archimate-import-bench");
        System.out.printf("%-8s %-6s %-10s %9s %9s %10s %10s %8s%n", "release", "levels", "extension", "KiB", "elements", "import ms", "validate ms", "triples");
        for (String release : List.of("26.0", "25.5")) {
            Graph data = GraphFactory.createDefaultGraph();
            ReferenceGraph.of(ontology, release, true).find().forEach(data::add);
            boolean withExtension = release.equals("25.5");
            if (withExtension) nordlicht.find().forEach(data::add);
            ArchimateModel model = export.model(data, ExportScope.of(release, "1-7", true), "eTOM " + release);
            Path file = dir.resolve(release + ".xml");
            try (OutputStream out = Files.newOutputStream(file)) { ArchimateExport.write(model, out); }
            ArchimateImport importer = new ArchimateImport(folder.release(release));
            ArchimateImport.Request request = new ArchimateImport.Request(release, "bench", "https://nordlicht-telecom.example/etom/", null);
            importer.read(file, request);
            long bestImport = Long.MAX_VALUE, bestValidate = Long.MAX_VALUE;
            ArchimateImport.Result result = null;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                result = importer.read(file, request);
                long read = System.nanoTime();
                validator.validate(result.graph(), Optional.empty());
                bestImport = Math.min(bestImport, read - start);
                bestValidate = Math.min(bestValidate, System.nanoTime() - read);
            }
            System.out.printf("%-8s %-6s %-10s %9d %9d %10d %10d %8d%n", release, "1-7", withExtension ? "Nordlicht" : "-", Files.size(file) / 1024,
                model.elements().size(), bestImport / 1_000_000, bestValidate / 1_000_000, result.graph().size());
            Files.delete(file);
        }
        Files.delete(dir);
    }
}
