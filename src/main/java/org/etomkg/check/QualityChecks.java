package org.etomkg.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryResult;
import org.etomkg.query.QueryRunner;

/**
 * Runs the quality checks of {@code queries/checks/}: SPARQL queries that must return
 * nothing, each with a severity and a message in its header (FIBO's hygiene tests, ROBOT's
 * report). Every row a check returns is a finding.
 */
public final class QualityChecks {
    private final List<NamedQuery> checks;

    public QualityChecks(Path checksDir) {
        this.checks = QueryFiles.readAll(checksDir);
        for (NamedQuery q : checks) {
            if (q.severity().isEmpty() || q.message().isEmpty())
                throw new IllegalArgumentException(q.file() + ": a check needs '# @severity' and '# @message' in its header");
            Severity.valueOf(q.severity().get());
        }
    }

    public List<NamedQuery> checks() { return checks; }

    /** All findings, most severe first, then by check and row. */
    public List<Finding> run(QueryRunner runner) {
        List<Finding> out = new ArrayList<>();
        for (NamedQuery q : checks) {
            QueryResult r = runner.run(q, Map.of());
            for (Binding b : r.rows()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String c : r.columns()) {
                    var n = b.get(Var.alloc(c));
                    if (n != null) values.put(c, n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                }
                out.add(new Finding(q.name(), Severity.valueOf(q.severity().get()), q.message().get(), values));
            }
        }
        out.sort(Comparator.comparing(Finding::severity));
        return out;
    }
}
