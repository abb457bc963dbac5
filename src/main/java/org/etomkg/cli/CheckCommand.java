package org.etomkg.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.etomkg.check.Finding;
import org.etomkg.check.QualityChecks;
import org.etomkg.check.Severity;
import org.etomkg.query.QueryRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code etom-kg check}: runs queries/checks/ over the store; exits 1 on any ERROR. */
@Command(name = "check", description = "Run the quality checks of queries/checks/ over the store. Exits 1 when any finding is an ERROR.")
final class CheckCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Option(names = "--limit", description = "Findings shown per check (default: ${DEFAULT-VALUE}; 0 for all)") int limit = 10;
    @Option(names = "--timeout", paramLabel = "SECONDS") long timeout = 60;

    @Override public Integer call() {
        QualityChecks checks = new QualityChecks(locations.queries().resolve("checks"));
        List<Finding> findings = StoreAccess.withRunner(locations, timeout, checks::run);
        var byCheck = findings.stream().collect(Collectors.groupingBy(Finding::check, java.util.LinkedHashMap::new, Collectors.toList()));
        for (var e : byCheck.entrySet()) {
            Finding first = e.getValue().get(0);
            System.out.printf("%s %s (%d): %s%n", first.severity(), e.getKey(), e.getValue().size(), first.message());
            e.getValue().stream().limit(limit == 0 ? Long.MAX_VALUE : limit).forEach(f -> System.out.println("    " + f.values()));
            if (limit > 0 && e.getValue().size() > limit) System.out.println("    ... and " + (e.getValue().size() - limit) + " more");
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARN).count();
        System.out.printf("%d checks: %d errors, %d warnings%n", checks.checks().size(), errors, warnings);
        return errors > 0 ? 1 : 0;
    }
}
