package org.etomkg.frameworks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.etomkg.frameworks.rdf.FrameworkGraphs;
import org.etomkg.frameworks.rdf.FrameworkGraphs.GeneratedGraph;
import org.etomkg.rdf.CanonicalTurtle;
import org.etomkg.frameworks.rdf.FrameworkIris;
import org.etomkg.frameworks.rdf.ProtegeCatalog;
import org.etomkg.frameworks.report.FrameworksReport;
import org.etomkg.frameworks.resolve.Crosswalk;
import org.etomkg.frameworks.resolve.EtomCatalogue;
import org.etomkg.frameworks.resolve.ResolvedFrameworks;
import org.etomkg.frameworks.resolve.Resolver;
import org.etomkg.frameworks.source.AbeLinkTableReader;
import org.etomkg.frameworks.source.ComponentSpec;
import org.etomkg.frameworks.source.ComponentSpecReader;
import org.etomkg.frameworks.source.FunctionCatalogue;
import org.etomkg.frameworks.source.FunctionCatalogueReader;
import org.etomkg.frameworks.source.OpenApiIndexReader;
import org.etomkg.frameworks.source.SidCatalogue;
import org.etomkg.frameworks.source.SidCatalogueReader;
import org.etomkg.frameworks.source.SourceFiles;
import org.etomkg.importer.SourceException;

/**
 * Imports TM Forum's other frameworks and their links to eTOM from a source folder into the
 * files of {@code ontology/frameworks/}. The folder holds {@code oda-components/} (the
 * {@code TMFC*.yaml} component specifications, {@code open-api-index.json} and
 * {@code etom-l2-sid-abe-links.csv}), {@code sid/} ({@code sid_*.json}) and
 * {@code functional-framework/} ({@code functionalFramework_*.json}); references resolve against
 * the eTOM releases of the ontology folder and are carried to other releases along its release
 * crosswalk ({@code ontology/crosswalk/}, when there is one: import the crosswalk first). Everything is read, resolved and rendered before
 * anything is written, so a malformed source (reported with file, line and path) writes nothing.
 * The same sources always give the same bytes.
 */
public final class FrameworksImport {
    public static final String COMPONENTS_DIR = "oda-components";
    public static final String SID_DIR = "sid";
    public static final String FUNCTIONS_DIR = "functional-framework";
    public static final String API_INDEX = "open-api-index.json";
    public static final String LINK_TABLE = "etom-l2-sid-abe-links.csv";

    private final Path ontologyDir;

    /** @param ontologyDir the ontology folder whose {@code releases/} references resolve against */
    public FrameworksImport(Path ontologyDir) {
        this.ontologyDir = ontologyDir;
    }

    /** Where the files go by default: {@code ontology/frameworks/}. */
    public static Path defaultOutput(Path ontologyDir) { return ontologyDir.resolve("frameworks"); }

    /** Reads, resolves and renders everything; writes nothing. */
    public FrameworksContent read(Path sourceDir) {
        if (!Files.isDirectory(sourceDir)) throw new SourceException(sourceDir + ": no such folder");
        Path components = sourceDir.resolve(COMPONENTS_DIR);
        List<ComponentSpec> specs = new ArrayList<>();
        ComponentSpecReader specReader = new ComponentSpecReader();
        for (Path f : SourceFiles.list(components, Pattern.compile("TMFC.*\\.ya?ml"), "ODA component specifications")) specs.add(specReader.read(f));
        duplicates(specs);
        Path index = required(components.resolve(API_INDEX));
        Path table = required(components.resolve(LINK_TABLE));
        List<SidCatalogue> sid = new ArrayList<>();
        SidCatalogueReader sidReader = new SidCatalogueReader();
        for (Path f : SourceFiles.list(sourceDir.resolve(SID_DIR), Pattern.compile("sid_.*\\.json"), "SID catalogues")) sid.add(sidReader.read(f));
        unique(sid.stream().map(c -> c.release() + " " + c.file()).toList(), "SID");
        List<FunctionCatalogue> functions = new ArrayList<>();
        FunctionCatalogueReader fnReader = new FunctionCatalogueReader();
        for (Path f : SourceFiles.list(sourceDir.resolve(FUNCTIONS_DIR), Pattern.compile("functionalFramework_.*\\.json"), "Functional Framework catalogues"))
            functions.add(fnReader.read(f));
        unique(functions.stream().map(c -> c.release() + " " + c.file()).toList(), "Functional Framework");

        ResolvedFrameworks model = Resolver.resolve(EtomCatalogue.read(ontologyDir), Crosswalk.read(ontologyDir), sid, functions,
            SourceFiles.displayName(index), new OpenApiIndexReader().read(index), specs,
            SourceFiles.displayName(table), new AbeLinkTableReader().read(table));
        List<GeneratedGraph> graphs = FrameworkGraphs.build(model);
        Map<String, String> files = new LinkedHashMap<>();
        for (GeneratedGraph g : graphs) files.put(g.fileName(), CanonicalTurtle.write(g.graph()));
        files.put(FrameworkIris.CATALOG_FILE, ProtegeCatalog.write(model.etom().releases(), graphs));
        files.put(FrameworkIris.REPORT_FILE, FrameworksReport.write(model, graphs));
        return new FrameworksContent(model, graphs, files);
    }

    /**
     * Writes every file into {@code outDir} (created if needed): each first to a temporary file
     * beside it, then all moved into place. Files of the folder that this import does not produce
     * (such as the hand-written vocabulary) are left alone.
     */
    public List<Path> write(FrameworksContent content, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Map<Path, Path> staged = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, String> e : content.files().entrySet()) {
                    Path tmp = outDir.resolve("." + e.getKey() + ".tmp");
                    staged.put(tmp, outDir.resolve(e.getKey()));
                    Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                }
                for (Map.Entry<Path, Path> e : staged.entrySet())
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                for (Path tmp : staged.keySet()) Files.deleteIfExists(tmp);
            }
            return List.copyOf(staged.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static Path required(Path file) {
        if (!Files.isRegularFile(file)) throw new SourceException(file + ": missing");
        return file;
    }

    private static void duplicates(List<ComponentSpec> specs) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (ComponentSpec s : specs) {
            String earlier = seen.putIfAbsent(s.id(), s.file());
            if (earlier != null) throw new SourceException(s.file() + ": $.spec.componentMetadata.id: " + s.id() + " is also the identifier of " + earlier);
        }
    }

    private static void unique(List<String> releaseAndFile, String what) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String rf : releaseAndFile) {
            String release = rf.substring(0, rf.indexOf(' ')), file = rf.substring(rf.indexOf(' ') + 1);
            String earlier = seen.putIfAbsent(release, file);
            if (earlier != null) throw new SourceException(file + ": " + what + " release " + release + " is also read from " + earlier);
        }
    }
}
