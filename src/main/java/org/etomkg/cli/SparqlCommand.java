package org.etomkg.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.etomkg.query.QueryRunner;
import org.etomkg.query.ResultFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg sparql 'SELECT ...'}: one SELECT over the union of all graphs. */
@Command(name = "sparql", description = "Run a SPARQL SELECT over the store (the default graph is the union of all graphs).")
final class SparqlCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Mixin StoreOption storeOption;
    @Parameters(index = "0", paramLabel = "QUERY") String text;
    @Option(names = "--format", description = "table, csv or json (default: ${DEFAULT-VALUE})") ResultFormat format = ResultFormat.table;
    @Option(names = "--timeout", paramLabel = "SECONDS") long timeout = QueryRunner.DEFAULT_TIMEOUT_SECONDS;

    @Override public Integer call() {
        Query query;
        try {
            query = QueryFactory.create(Prefixes.PREAMBLE + text);
        } catch (QueryParseException e) {
            throw new Failures.UserError("the query does not parse: line " + (e.getLine() - Prefixes.LINES) + ", column "
                + e.getColumn() + ": " + e.getMessage().replaceFirst("^Line \\d+, column \\d+: ", ""));
        }
        System.out.print(StoreAccess.<String>withRunner(locations, storeOption, timeout, r -> format.format(r.select(query, Map.of()))));
        return 0;
    }
}
