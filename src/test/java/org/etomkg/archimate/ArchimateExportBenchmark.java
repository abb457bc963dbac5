package org.etomkg.archimate;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.OntologyFolder;

/**
 * Prints the time an ArchiMate export takes (building the model from the graph and writing it;
 * reading the files is not counted) and the size of the file, for each shipped release at levels
 * 1-3 and 1-7, alone and with the Nordlicht example extension (which targets 25.5, so it is
 * exported with that release only). Run by bench/archimate.sh.
 */
public final class ArchimateExportBenchmark {
    public static void main(String[] args) {
        Path ontology = Path.of("ontology").toAbsolutePath();
        ArchimateExport export = new ArchimateExport(Path.of("queries").toAbsolutePath());
        Graph nordlicht = ExtensionFiles.read(List.of(Path.of("examples/nordlicht-telecom.ttl")));
        System.out.printf("%-8s %-6s %-10s %10s %9s %9s %6s%n", "release", "levels", "extension", "ms", "KiB", "elements", "views");
        for (String release : new OntologyFolder(ontology).releases()) {
            Graph reference = ReferenceGraph.of(ontology, release, false);
            for (String levels : List.of("1-3", "1-7")) {
                run(export, reference, release, levels, "-");
                if (release.equals("25.5")) {
                    Graph both = GraphFactory.createDefaultGraph();
                    reference.find().forEach(both::add);
                    nordlicht.find().forEach(both::add);
                    run(export, both, release, levels, "Nordlicht");
                }
            }
        }
    }

    private static void run(ArchimateExport export, Graph data, String release, String levels, String extension) {
        ExportScope scope = ExportScope.of(release, levels, false);
        export.model(data, scope, "warm-up");
        long best = Long.MAX_VALUE;
        int size = 0;
        ArchimateModel model = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            model = export.model(data, scope, "eTOM " + release);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ArchimateExport.write(model, out);
            best = Math.min(best, System.nanoTime() - start);
            size = out.size();
        }
        System.out.printf("%-8s %-6s %-10s %10d %9d %9d %6d%n", release, levels, extension, best / 1_000_000, size / 1024,
            model.elements().size(), model.diagrams().size());
    }
}
