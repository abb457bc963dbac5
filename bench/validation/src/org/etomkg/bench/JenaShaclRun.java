package org.etomkg.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.Finding;
import org.etomkg.extension.OntologyFolder;

/**
 * One end-to-end validation with Jena SHACL, as {@code etom-kg validate} does it: read the
 * extension, make an {@link ExtensionValidator}, call {@code validate}. Prints one line of
 * figures; {@code validate_s} is the time of {@code ExtensionValidator.validate} (graph
 * assembly with the first read of release 25.5 and the meta-model, both shape files, the merged
 * report and the per-process findings).
 *
 * <p>Usage: {@code JenaShaclRun EXT.nt [--shapes DIR] [--ontology DIR] [--findings FILE]}.
 * {@code --findings} writes the report's results as focus, source shape, path (tab separated).
 */
public final class JenaShaclRun {
    static { org.apache.jena.sys.JenaSystem.init(); }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path file = Path.of(args[0]);
        Path shapesDir = Path.of("shapes"), ontology = Path.of("ontology"), findingsFile = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--shapes" -> shapesDir = Path.of(args[++i]);
                case "--ontology" -> ontology = Path.of(args[++i]);
                case "--findings" -> findingsFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t = System.nanoTime();
        Graph ext = ExtensionFiles.read(List.of(file));   // as ValidateCommand does
        double read = Bench.secs(t);
        t = System.nanoTime();
        ExtensionValidator validator = new ExtensionValidator(shapesDir, new OntologyFolder(ontology));
        double construct = Bench.secs(t);
        t = System.nanoTime();
        long c = Bench.cpu();
        ExtensionReport report = validator.validate(ext, Optional.empty());
        double validate = Bench.secs(t), validateCpu = Bench.cpuSecs(c);
        double total = Bench.secs(start);
        if (findingsFile != null) {
            List<String> keys = Bench.findingKeys(report.shaclReport());
            Bench.writeLines(findingsFile, keys);
        }
        System.out.printf("validate_s=%.3f validate_cpu_s=%.3f read_s=%.3f construct_s=%.3f in_jvm_total_s=%.3f findings=%d violations=%d warnings=%d "
                + "ext_triples=%d heap_peak_mb=%.0f gc_s=%.2f%n",
            validate, validateCpu, read, construct, total, report.findings().size(), report.count(Finding.Severity.Violation),
            report.count(Finding.Severity.Warning), ext.size(), Bench.heapPeakBytes() / 1048576.0, Bench.gcSeconds());
    }
}
