package org.etomkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.bpmn.FlowExport;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionHeader;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.vocab.ETOM;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg export bpmn}: the graph out to the field's modelling tools. */
@Command(name = "export", description = "Export to modelling tools.", subcommands = {ExportCommand.Bpmn.class, ArchimateExportCommand.class})
final class ExportCommand {

    /** Where an exported extension comes from: the store, by name, or files; the same for every export. */
    static final class Source {
        @Option(names = "--extension", paramLabel = "NAME", description = "A stored extension, by its name in the store") String extension;
        @Option(names = "--from", paramLabel = "FILE", description = "An extension file, no store needed (repeat for several)") List<Path> files;

        Graph read(Locations locations) {
            return extension != null ? stored(locations, extension) : fromFiles(locations, files);
        }
    }

    @Command(name = "bpmn", description = "Write an end-to-end flow as a BPMN 2.0 model with its diagram (bpmn.io, Camunda Modeler): "
        + "a lane per accountable unit, the steps left to right.")
    static final class Bpmn implements Callable<Integer> {
        @Mixin Locations locations;
        @Option(names = "--flow", required = true, paramLabel = "NAME", description = "The flow's name, such as Order-to-Payment") String flow;
        @ArgGroup(exclusive = true, multiplicity = "1") Source source;
        @Parameters(paramLabel = "OUT", description = "The .bpmn file to write") Path out;

        @Override public Integer call() {
            Graph data = source.read(locations);
            String xml = new FlowExport(query()).write(data, flow);
            try {
                Path dir = out.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Files.writeString(out, xml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            System.out.println("flow \"" + flow + "\" -> " + out);
            return 0;
        }

        private String query() {
            try {
                return Files.readString(locations.queries().resolve("flow-steps.rq"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the query flow-steps.rq: " + e.getMessage(), e);
            }
        }
    }

    /** The extension's files with the release they extend, from the ontology folder. */
    static Graph fromFiles(Locations locations, List<Path> files) {
        Graph extension = ExtensionFiles.read(files);
        String release = ExtensionHeader.find(extension).flatMap(h -> ExtensionHeader.release(extension, h))
            .orElseThrow(() -> new Failures.UserError(files + ": the extension's header names no release (etom:extendsRelease)"));
        Graph data = GraphFactory.createDefaultGraph();
        extension.find().forEach(data::add);
        new OntologyFolder(locations.ontology()).release(release).find().forEach(data::add);
        return data;
    }

    /** The stored extension's graph with its release's, through a running server when there is one. */
    static Graph stored(Locations locations, String name) {
        if (!ExtensionStore.validName(name)) throw new Failures.UserError("'" + name + "' is not an extension name");
        return StoreAccess.withConnection(locations, conn -> {
            Graph data = GraphFactory.createDefaultGraph();
            String graph = ExtensionStore.graphOf(name);
            conn.queryConstruct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }").getGraph().find().forEach(data::add);
            if (data.isEmpty()) throw new Failures.UserError("no extension named '" + name + "' is stored (./etom-kg load --extension FILE stores one)");
            var release = conn.query("SELECT ?r WHERE { GRAPH <" + graph + "> { ?x <" + ETOM.NS + "extendsRelease> ?r } }").execSelect();
            if (release.hasNext()) {
                String r = release.next().getResource("r").getURI();
                String version = r.substring(r.lastIndexOf('/') + 1);
                conn.queryConstruct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + ETOM.releaseGraph(version) + "> { ?s ?p ?o } }")
                    .getGraph().find().forEach(data::add);
            }
            return data;
        });
    }
}
