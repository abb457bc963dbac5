package org.etomkg.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.etomkg.crosswalk.CrosswalkFiles;
import org.etomkg.crosswalk.ReleaseDiff;
import org.etomkg.query.ResultFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code etom-kg diff --from R1 --to R2}: what changed between two releases, one row per process, along the crosswalk. */
@Command(name = "diff", description = "What changed between two releases, one row per process: the old and new identifier and name and the "
    + "kind of change (unchanged, renamed, renumbered, moved, added, removed, ambiguous). Follows the crosswalk of "
    + "ontology/crosswalk/, so a renumbered process is one row, not a removal and an addition; releases that are not "
    + "consecutive are compared through every release between them.")
public final class DiffCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Mixin StoreOption storeOption;
    @Option(names = "--from", required = true, paramLabel = "RELEASE", description = "The earlier release, such as 25.0") String from;
    @Option(names = "--to", required = true, paramLabel = "RELEASE", description = "The later release, such as 25.5 (an earlier one compares backwards)") String to;
    @Option(names = "--format", description = "table, csv, json or tsv (default: ${DEFAULT-VALUE})") ResultFormat format = ResultFormat.table;
    @Option(names = "--changes-only", description = "Leave out the unchanged processes") boolean changesOnly;

    @Override public Integer call() {
        ReleaseDiff diff = storeOption.history(locations).diff(from, to);
        ReleaseDiff shown = changesOnly ? diff.changesOnly() : diff;
        System.out.print(format.format(shown.asResult()));
        if (format == ResultFormat.table)
            System.out.println(diff.from() + " to " + diff.to() + ": " + diff.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        return 0;
    }
}
