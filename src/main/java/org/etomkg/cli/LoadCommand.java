package org.etomkg.cli;

import java.util.concurrent.Callable;

import org.etomkg.store.StoreBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code etom-kg load}: (re)builds the store from ontology/, atomically. */
@Command(name = "load", description = "(Re)build the TDB2 store from the ontology files. A failed load leaves the previous store as it was.")
final class LoadCommand implements Callable<Integer> {
    @Mixin Locations locations;

    @Override public Integer call() {
        StoreBuilder.Result r = new StoreBuilder().rebuild(locations.ontology(), locations.data);
        System.out.printf("loaded %d graphs, %,d triples into %s in %.1f s%n", r.graphs(), r.triples(),
            locations.data.resolve("store"), r.millis() / 1000.0);
        return 0;
    }
}
