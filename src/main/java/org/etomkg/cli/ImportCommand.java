package org.etomkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.etomkg.framework.MetaModel;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.importer.DescriptionImport;
import org.etomkg.importer.ReleaseContent;
import org.etomkg.importer.ReleaseImport;
import org.etomkg.importer.SourceException;
import org.etomkg.importer.gb921.Gb921Reader;
import org.etomkg.progress.Progress;
import org.etomkg.store.KnowledgeStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg import gb921|catalog FILE}: writes a release file and its quality report. */
@Command(name = "import", description = "Import a release from TM Forum's sources into ontology/releases/, or draft an extension from BPMN models or an ArchiMate model.",
    subcommands = {ImportCommand.Gb921.class, ImportCommand.Catalog.class, CrosswalkImportCommand.class, FrameworksImportCommand.class,
        BpmnImportCommand.class, ArchimateImportCommand.class})
final class ImportCommand {

    abstract static class Base implements Callable<Integer> {
        @Mixin Locations locations;
        @Parameters(index = "0", paramLabel = "FILE") Path file;
        @Option(names = "--release", paramLabel = "VERSION", description = "Release number, when the source does not say it")
        String release;
        @Option(names = "--out", paramLabel = "FILE", description = "Release file (default: ontology/releases/etom-VERSION.ttl)")
        Path out;

        abstract ReleaseContent read(ReleaseImport importer, ReleaseVersion override);

        @Override public Integer call() {
            if (!file.toFile().canRead()) throw new SourceException(file + ": cannot read the file");
            ReleaseImport importer = new ReleaseImport(MetaModel.load(locations.ontology()));
            ReleaseContent content;
            Path target;
            try (Progress.Stage stage = Progress.stage("reading " + file + " and writing the release")) {
                content = read(importer, release == null ? null : ReleaseVersion.of(release));
                target = out != null ? out : ReleaseImport.defaultReleaseFile(locations.ontology(), content.version());
                importer.write(content, target);
                stage.done();
            }
            long flagged = content.elements().stream().filter(e -> !e.flags().isEmpty()).count();
            System.out.printf("release %s: %d process elements, %d retired, %d flagged -> %s (report: %s)%n",
                content.version(), content.elements().size() + content.domains().size(), content.retired().size(), flagged,
                target, ReleaseImport.qualityReportFile(target).getFileName());
            return 0;
        }
    }

    @Command(name = "gb921", description = "Import TM Forum's GB921 Business Process Framework workbook (xlsx).")
    static final class Gb921 extends Base {
        @Option(names = "--descriptions-to-store", description = "Also load the workbook's descriptions into the store given by --data "
            + "(your own copy; never written to a file)")
        boolean descriptions;

        @Override ReleaseContent read(ReleaseImport importer, ReleaseVersion override) {
            ReleaseContent content = importer.readWorkbook(file, override);
            if (descriptions) {
                var source = new Gb921Reader(true).read(file, override);
                try (KnowledgeStore store = KnowledgeStore.open(locations.data)) {
                    int n = new DescriptionImport(store).load(source);
                    System.out.printf("loaded %d descriptions into %s (graph %s)%n", n, locations.data,
                        org.etomkg.vocab.ETOM.descriptionGraph(source.version().text()));
                }
            }
            return content;
        }
    }

    @Command(name = "catalog", description = "Import a JSON catalogue export ({version, entries:[{id, name, domain, level}]}).")
    static final class Catalog extends Base {
        @Override ReleaseContent read(ReleaseImport importer, ReleaseVersion override) {
            return importer.readCatalog(file, override);
        }
    }
}
