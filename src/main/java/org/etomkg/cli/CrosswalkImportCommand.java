package org.etomkg.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.etomkg.crosswalk.Change;
import org.etomkg.crosswalk.CrosswalkImport;
import org.etomkg.crosswalk.ReleaseCrosswalk;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code etom-kg import crosswalk}: computes the crosswalk between the releases of ontology/releases/
 * and writes ontology/crosswalk/etom-crosswalk.ttl, vertical-groups-derived.ttl, crosswalk-report.md and catalog-v001.xml.
 */
@Command(name = "crosswalk", description = "Compute the crosswalk between consecutive releases from ontology/releases/ and write "
    + "ontology/crosswalk/etom-crosswalk.ttl, the derived vertical groups (vertical-groups-derived.ttl), the report "
    + "(crosswalk-report.md) and the Protégé catalog. The same release files always give the same bytes.")
public final class CrosswalkImportCommand implements Callable<Integer> {
    @Mixin Locations locations;

    @Override public Integer call() {
        CrosswalkImport.Result r = new CrosswalkImport(locations.ontology()).run();
        int ambiguous = 0;
        for (ReleaseCrosswalk s : r.history().steps()) {
            Map<String, Integer> counts = s.countsByKind();
            ambiguous += (int) s.correspondences().stream().filter(c -> c.is(Change.AMBIGUOUS)).count();
            System.out.printf("%s to %s: %s%n", s.from(), s.to(),
                counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        }
        System.out.printf("%d ambiguous cases reported; vertical groups derived for %s%n", ambiguous,
            r.history().versions().stream().filter(v -> !r.groups().sources().contains(v))
                .map(v -> v + " (" + r.groups().derived(v).size() + " placed, " + r.groups().unplaced(v).size() + " without)")
                .collect(Collectors.joining(", ")));
        for (var f : r.written()) System.out.println("wrote " + f);
        return 0;
    }
}
