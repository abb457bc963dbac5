package org.etomkg.crosswalk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.etomkg.query.QueryResult;

/** What changed between any two releases, one row per process, composed along the crosswalk. */
public record ReleaseDiff(String from, String to, List<DiffRow> rows) {
    /** The columns of {@link #asResult()}. */
    public static final List<String> COLUMNS = List.of("change", "old_identifier", "old_name", "new_identifier", "new_name", "rule", "note");

    public ReleaseDiff {
        rows = List.copyOf(rows);
    }

    /** How many rows of each change. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        for (DiffRow r : rows) out.merge(r.change(), 1, Integer::sum);
        return out;
    }

    /** Only the rows where something changed. */
    public ReleaseDiff changesOnly() {
        return new ReleaseDiff(from, to, rows.stream().filter(r -> !r.change().equals("unchanged")).toList());
    }

    /** The rows as a query result, so the command line prints them as a table, CSV, TSV or SPARQL JSON. */
    public QueryResult asResult() {
        List<Binding> out = new ArrayList<>(rows.size());
        for (DiffRow r : rows) {
            BindingBuilder b = BindingBuilder.create();
            put(b, "change", r.change());
            if (r.before() != null) { put(b, "old_identifier", r.before().id().text()); put(b, "old_name", r.before().label()); }
            if (r.after() != null) { put(b, "new_identifier", r.after().id().text()); put(b, "new_name", r.after().label()); }
            put(b, "rule", r.rule());
            if (!r.note().isEmpty()) put(b, "note", r.note());
            out.add(b.build());
        }
        return new QueryResult(COLUMNS, out);
    }

    private static void put(BindingBuilder b, String var, String value) {
        b.add(Var.alloc(var), NodeFactory.createLiteralString(value));
    }
}
