package org.etomkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.etomkg.frameworks.FrameworksContent;
import org.etomkg.frameworks.FrameworksImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code etom-kg import frameworks DIR}: ODA components, Open APIs, SID and the Functional
 * Framework, linked to eTOM, into {@code ontology/frameworks/}.
 */
@Command(name = "frameworks", description = "Import ODA components, Open APIs, SID and the Functional Framework, linked to eTOM, into "
    + "ontology/frameworks/. DIR holds oda-components/ (TMFC*.yaml, open-api-index.json, etom-l2-sid-abe-links.csv), sid/ and "
    + "functional-framework/.")
public final class FrameworksImportCommand implements Callable<Integer> {
    @Mixin Locations locations;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of TM Forum sources")
    Path sources;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ontology/frameworks/)")
    Path out;

    @Override public Integer call() {
        FrameworksImport importer = new FrameworksImport(locations.ontology());
        FrameworksContent content = importer.read(sources);
        Path target = out != null ? out : FrameworksImport.defaultOutput(locations.ontology());
        List<Path> written = importer.write(content, target);
        System.out.printf("frameworks: %s -> %d files in %s (report: %s)%n", content.summary(), written.size(), target,
            org.etomkg.frameworks.rdf.FrameworkIris.REPORT_FILE);
        return 0;
    }
}
