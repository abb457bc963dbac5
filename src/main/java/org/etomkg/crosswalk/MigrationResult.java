package org.etomkg.crosswalk;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.etomkg.query.QueryResult;

/**
 * The outcome of migrating an extension to another release: what happens to each reference,
 * which of the extension's own processes were renumbered, which statements were dropped, what
 * could not be done, and the migrated extension itself.
 */
public record MigrationResult(String extension, String from, String to, List<ReferenceFate> references, List<Renumbering> renumbered,
                              List<String> dropped, List<String> problems, Graph migrated) {

    public MigrationResult {
        references = List.copyOf(references);
        renumbered = List.copyOf(renumbered);
        dropped = List.copyOf(dropped);
        problems = List.copyOf(problems);
    }

    /** One of the extension's own processes that got a new identifier (and IRI) or level. */
    public record Renumbering(String oldIri, String newIri, String oldIdentifier, String newIdentifier, int oldLevel, int newLevel, String reason) {}

    public static final List<String> COLUMNS = List.of("old_identifier", "old_name", "change", "new_identifier", "new_name", "used_as", "note");

    /** The references as rows, for the command line's table, CSV or JSON. */
    public QueryResult asResult() {
        List<Binding> rows = new ArrayList<>();
        for (ReferenceFate f : references) {
            BindingBuilder b = BindingBuilder.create();
            if (f.before() != null) {
                put(b, "old_identifier", f.before().id().text() + (f.before().release().equals(from) ? "" : " (" + f.before().release() + ")"));
                put(b, "old_name", f.before().label());
            } else {
                put(b, "old_identifier", f.reference());
            }
            put(b, "change", f.change());
            var target = f.after() != null ? f.after() : f.ancestor();
            if (target != null) {
                put(b, "new_identifier", target.id().text());
                put(b, "new_name", target.label());
            }
            put(b, "used_as", String.join(", ", f.properties()));
            if (!f.note().isEmpty()) put(b, "note", f.note());
            rows.add(b.build());
        }
        return new QueryResult(COLUMNS, rows);
    }

    private static void put(BindingBuilder b, String var, String value) {
        b.add(Var.alloc(var), NodeFactory.createLiteralString(value));
    }
}
