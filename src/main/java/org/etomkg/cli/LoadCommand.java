package org.etomkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionStore;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.extension.ReportFormat;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.StoreBuilder;
import org.etomkg.store.remote.RemoteLoad;
import org.etomkg.store.remote.RemoteStore;
import org.etomkg.extension.StoreReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code etom-kg load}: (re)builds the store from ontology/, atomically; with
 * {@code --extension FILE} it adds a CSP extension instead, and only when it conforms.
 */
@Command(name = "load", description = "(Re)build the TDB2 store from the ontology files, or add an extension with --extension. "
    + "A failed load leaves the store as it was. With --store, load a remote store instead: each file into its own named graph, "
    + "only what changed since the last load.")
final class LoadCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Mixin StoreOption storeOption;

    @Option(names = "--extension", paramLabel = "FILE", description = "Add this extension (stored only when it conforms); repeat for an extension split over files")
    List<Path> extension;

    @Option(names = "--name", description = "The name to store the extension under (default: the first file's name without its extension)")
    String name;

    @Override public Integer call() {
        if (extension != null && !extension.isEmpty()) return storeOption.remote() ? loadExtensionRemotely() : loadExtension();
        if (storeOption.remote()) return loadRemotely();
        StoreBuilder.Result r = new StoreBuilder().rebuild(locations.ontology(), locations.data);
        reportLeftOver(r, locations.data);
        System.out.printf("loaded %d graphs, %,d triples into %s in %.1f s%n", r.graphs(), r.triples(),
            locations.data.resolve("store"), r.millis() / 1000.0);
        return 0;
    }

    /** A load killed midway leaves its half-built store behind; the next one clears it, and says so; and what a damaged store lost. */
    static void reportLeftOver(StoreBuilder.Result r, Path data) {
        r.leftOver().ifPresent(p -> System.err.println("etom-kg: removed " + p + " left by an interrupted load"));
        for (String lost : r.notCarried())
            System.err.println("etom-kg: the old store was damaged and could not give back " + lost
                + "; it is kept in " + data.resolve("store.damaged") + ": store that again");
    }

    private int loadRemotely() {
        try (RemoteStore store = storeOption.open()) {
            RemoteLoad.Result r = RemoteLoad.load(store, locations.ontology());
            System.out.printf("loaded %d graphs, %,d triples into %s in %.1f s: %d sent, %d unchanged, %d dropped%n", r.graphs(), r.triples(),
                store.where(), r.millis() / 1000.0, r.sent(), r.graphs() - r.sent(), r.dropped());
        }
        return 0;
    }

    /** On a remote store the extension is validated against the release the store holds, then stored in one update request. */
    private int loadExtensionRemotely() {
        var graph = ExtensionFiles.read(extension);
        String stored = storedName();
        try (RemoteStore store = storeOption.open()) {
            ExtensionReport report = new ExtensionValidator(locations.shapes(), new StoreReference(store)).validate(graph, Optional.empty());
            if (!report.conforms()) return refused(report);
            new ExtensionStore(store).put(stored, report, graph);
            System.out.printf("stored extension '%s' (%s, release %s, %d warnings) in %s%n", stored, report.extension(), report.release(),
                report.count(org.etomkg.extension.Finding.Severity.Warning), store.where());
        }
        return 0;
    }

    private static int refused(ExtensionReport report) {
        System.out.print(ReportFormat.text.format(report));
        System.out.println("The store is unchanged: an extension is stored only when it conforms.");
        return 1;
    }

    private String storedName() {
        String stored = name != null ? name : extension.get(0).getFileName().toString().replaceFirst("\\.[^.]+$", "");
        if (!ExtensionStore.validName(stored))
            throw new Failures.UserError("'" + stored + "' is not a usable extension name (letters, digits, . _ -); choose one with --name");
        return stored;
    }

    private int loadExtension() {
        var graph = ExtensionFiles.read(extension);
        ExtensionReport report = new ExtensionValidator(locations.shapes(), new OntologyFolder(locations.ontology()))
            .validate(graph, Optional.empty());
        if (!report.conforms()) return refused(report);
        String stored = storedName();
        Optional<ServingStore> serving = ServingStore.find(locations);
        if (serving.isPresent()) {
            serving.get().put(stored, graph);   // the server holds the store: it validates again and stores in one transaction
        } else {
            reportLeftOver(new StoreBuilder().ensure(locations.ontology(), locations.data), locations.data);
            try (KnowledgeStore store = KnowledgeStore.open(locations.data)) {
                new ExtensionStore(store).put(stored, report, graph);
            }
        }
        System.out.printf("stored extension '%s' (%s, release %s, %d warnings) in %s%n", stored, report.extension(), report.release(),
            report.count(org.etomkg.extension.Finding.Severity.Warning),
            serving.map(s -> "the store of the server at " + s.base()).orElse(locations.data.resolve("store").toString()));
        return 0;
    }
}
