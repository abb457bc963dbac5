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

    /** The checks whose findings name a release (a {@code ?release} column), in file order. */
    public List<NamedQuery> checksByRelease() {
        return checks.stream().filter(q -> q.query().getResultVars().contains(RELEASE)).toList();
    }

    /**
     * Per check that names a release, how many findings fall in each release: every release
     * given has a count, zero included, and a finding in no release given (an extension's scheme,
     * a concept outside every scheme) counts under {@link #OTHER}.
     */
    public static Map<String, Map<String, Long>> countByRelease(List<NamedQuery> checks, List<Finding> findings, List<String> releases) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (NamedQuery q : checks) {
            Map<String, Long> row = new LinkedHashMap<>();
            releases.forEach(r -> row.put(r, 0L));
            row.put(OTHER, 0L);
            out.put(q.name(), row);
        }
        for (Finding f : findings) {
            Map<String, Long> row = out.get(f.check());
            if (row == null) continue;
            String r = f.values().getOrDefault(RELEASE, OTHER);
            row.merge(row.containsKey(r) ? r : OTHER, 1L, Long::sum);
        }
        return out;
    }

    public static final String RELEASE = "release";
    public static final String OTHER = "other";

    /** All findings, and the releases the store holds (by the named query {@code releasesQuery}). */
    public QualityReport report(QueryRunner runner, NamedQuery releasesQuery) {
        List<Finding> findings = run(runner);
        List<String> releases = runner.run(releasesQuery, Map.of()).rows().stream()
            .map(b -> b.get(Var.alloc(RELEASE)).getLiteralLexicalForm()).toList();
        return new QualityReport(findings, releases);
    }

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
