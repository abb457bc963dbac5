package org.etomkg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.etomkg.check.Finding;
import org.etomkg.check.QualityChecks;
import org.etomkg.check.QualityReport;
import org.etomkg.check.Severity;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code etom-kg check}: runs queries/checks/ over the store; exits 1 on any ERROR. */
@Command(name = "check", description = "Run the quality checks of queries/checks/ over the store. Exits 1 when any finding is an ERROR.")
final class CheckCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Mixin StoreOption storeOption;
    @Option(names = "--limit", description = "Findings shown per check (default: ${DEFAULT-VALUE}; 0 for all)") int limit = 10;
    @Option(names = "--timeout", paramLabel = "SECONDS") long timeout = 60;

    @Override public Integer call() {
        QualityChecks checks = new QualityChecks(locations.queries().resolve("checks"));
        NamedQuery releasesQuery = QueryFiles.read(locations.queries().resolve("releases.rq"));
        QualityReport outcome = (storeOption.remote() ? java.util.Optional.<ServingStore>empty() : ServingStore.find(locations)).map(ServingStore::checks)
            .orElseGet(() -> StoreAccess.withRunner(locations, storeOption, timeout, runner -> checks.report(runner, releasesQuery)));
        List<Finding> findings = outcome.findings();
        var byCheck = findings.stream().collect(Collectors.groupingBy(Finding::check, java.util.LinkedHashMap::new, Collectors.toList()));
        for (var e : byCheck.entrySet()) {
            Finding first = e.getValue().get(0);
            System.out.printf("%s %s (%d): %s%n", first.severity(), e.getKey(), e.getValue().size(), first.message());
            e.getValue().stream().limit(limit == 0 ? Long.MAX_VALUE : limit).forEach(f -> System.out.println("    " + f.values()));
            if (limit > 0 && e.getValue().size() > limit) System.out.println("    ... and " + (e.getValue().size() - limit) + " more");
        }
        printCountsByRelease(checks, findings, outcome.releases());
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARN).count();
        System.out.printf("%d checks: %d errors, %d warnings%n", checks.checks().size(), errors, warnings);
        return errors > 0 ? 1 : 0;
    }

    /** A table of findings per release for the checks that name one, zeros shown: each release's health at a glance. */
    private static void printCountsByRelease(QualityChecks checks, List<Finding> findings, List<String> releases) {
        List<NamedQuery> byRelease = checks.checksByRelease();
        if (byRelease.isEmpty()) return;
        var table = QualityChecks.countByRelease(byRelease, findings, releases);
        List<String> columns = new ArrayList<>(releases);
        if (table.values().stream().anyMatch(row -> row.get(QualityChecks.OTHER) > 0)) columns.add(QualityChecks.OTHER);
        int width = Math.max("findings per release".length(), byRelease.stream().mapToInt(q -> q.name().length()).max().orElse(0));
        StringBuilder head = new StringBuilder(String.format("%-" + width + "s", "findings per release"));
        columns.forEach(c -> head.append(String.format(" %7s", c)));
        System.out.println(head);
        table.forEach((check, row) -> {
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s", check));
            columns.forEach(c -> line.append(String.format(" %7d", row.get(c))));
            System.out.println(line);
        });
    }
}
