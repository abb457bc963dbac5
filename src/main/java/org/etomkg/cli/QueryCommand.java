package org.etomkg.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryParameter;
import org.etomkg.query.QueryRunner;
import org.etomkg.query.ResultFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg query NAME --param k=v}: runs a named query of queries/; {@code --list} lists them. */
@Command(name = "query", description = "Run a named query from queries/ (see --list).")
final class QueryCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Mixin StoreOption storeOption;
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME") String name;
    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A parameter value; repeat for several")
    Map<String, String> params = new LinkedHashMap<>();
    @Option(names = "--list", description = "List the named queries with their parameters") boolean list;
    @Option(names = "--format", description = "table, csv or json (default: ${DEFAULT-VALUE})") ResultFormat format = ResultFormat.table;
    @Option(names = "--timeout", paramLabel = "SECONDS") long timeout = QueryRunner.DEFAULT_TIMEOUT_SECONDS;

    @Override public Integer call() {
        if (list || name == null) {
            for (NamedQuery q : QueryFiles.readAll(locations.queries())) {
                System.out.printf("%-22s %s%n", q.name(), q.title());
                for (QueryParameter p : q.parameters())
                    System.out.printf("    --param %s=%s%s  %s%n", p.name(), p.type().toUpperCase(),
                        p.required() ? "" : " (default " + p.defaultValue() + ")", p.description());
            }
            return 0;
        }
        NamedQuery q = QueryFiles.find(locations.queries(), name).orElseThrow(() -> new Failures.UserError(
            "no named query '" + name + "' in " + locations.queries() + " (see: etom-kg query --list)"));
        QueryRunner.bindings(q, params);   // reject bad parameters before opening the store
        System.out.print(StoreAccess.<String>withRunner(locations, storeOption, timeout, r -> format.format(r.run(q, params))));
        return 0;
    }
}
