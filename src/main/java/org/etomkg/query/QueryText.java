package org.etomkg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * A named query as SPARQL text to open in an editor: its header comments, then the parsed query
 * with the given values (and defaults) bound exactly as {@link QueryRunner} binds them, by Jena's
 * substitution into the parsed query, and written out by Jena. A parameter with neither a value
 * nor a default stays a variable, with a comment line saying what to bind to it.
 */
public final class QueryText {
    private QueryText() {}

    /** The text; an unknown parameter or a value not of its type is an IllegalArgumentException. */
    public static String of(NamedQuery named, Map<String, String> values) {
        for (String key : values.keySet())
            if (named.parameter(key).isEmpty())
                throw new IllegalArgumentException("query '" + named.name() + "' has no parameter '" + key + "' (it has "
                    + named.parameters().stream().map(QueryParameter::name).toList() + ")");
        Map<Var, Node> bound = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        for (String line : header(named)) out.append(line).append('\n');
        for (QueryParameter p : named.parameters()) {
            String v = values.getOrDefault(p.name(), p.defaultValue());
            if (v == null) {
                out.append("# bind ?").append(p.name()).append(" (").append(p.type()).append(") before running: ")
                    .append(p.description()).append('\n');
                continue;
            }
            Node node = p.toNode(v);
            bound.put(Var.alloc(p.name()), node);
            out.append("# ?").append(p.name()).append(" = ").append(FmtUtils.stringForNode(node))
                .append(values.containsKey(p.name()) ? "" : " (the default)").append('\n');
        }
        Query query = bound.isEmpty() ? named.query() : QueryTransformOps.replaceVars(named.query(), bound);
        out.append('\n').append(query.serialize());
        return out.toString();
    }

    /** The leading comment lines of the file, as written. */
    private static List<String> header(NamedQuery named) {
        List<String> lines;
        try {
            lines = Files.readAllLines(named.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + named.file() + ": " + e.getMessage(), e);
        }
        int end = 0;
        while (end < lines.size() && lines.get(end).strip().startsWith("#")) end++;
        return lines.subList(0, end);
    }
}
