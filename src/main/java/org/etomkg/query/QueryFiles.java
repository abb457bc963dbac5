package org.etomkg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * Reads named queries from a folder of {@code .rq} files. The header is the leading comment:
 * <pre>
 * # @title Release summary
 * # @description Process elements per level in one release.
 * # @param release release = 26.0 The release to count.
 * </pre>
 * A file that does not parse, or lacks a title, is an error naming the file and line.
 */
public final class QueryFiles {
    private static final Pattern TAG = Pattern.compile("#\\s*@(\\w+)\\s*(.*)");
    private static final Pattern AT = Pattern.compile("(?i)\\bline (\\d+), column (\\d+)");
    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s+(\\w+)(?:\\s*=\\s*(\\S+))?\\s*(.*)");

    private QueryFiles() {}

    /** Every query directly in the folder, by name. */
    public static List<NamedQuery> readAll(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": no such queries folder");
        try (Stream<Path> s = Files.list(dir)) {
            List<NamedQuery> out = new ArrayList<>();
            for (Path p : s.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) out.add(read(p));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NamedQuery read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String title = null, description = "", severity = null, message = null;
        List<QueryParameter> params = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("#")) { if (line.isEmpty()) continue; else break; }
            Matcher m = TAG.matcher(line);
            if (!m.matches()) continue;
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "title" -> title = value;
                case "description" -> description = description.isEmpty() ? value : description + " " + value;
                case "severity" -> severity = value;
                case "message" -> message = value;
                case "param" -> params.add(param(file, i + 1, value));
                default -> throw new IllegalArgumentException(file + ":" + (i + 1) + ": unknown header tag @" + m.group(1));
            }
        }
        if (title == null) throw new IllegalArgumentException(file + ":1: the header has no '# @title'");
        Query query;
        try {
            query = QueryFactory.create(String.join("\n", lines));
        } catch (QueryParseException e) {
            throw new IllegalArgumentException(file + ":" + position(e) + ": " + e.getMessage(), e);
        }
        return new NamedQuery(name, file, title, description, List.copyOf(params), Optional.ofNullable(severity),
            Optional.ofNullable(message), query);
    }

    /**
     * LINE:COLUMN of a parse error. Jena's message states it; getLine() and getColumn() can be 0
     * (a DROP where a query should be) or point at the token before the bad one.
     */
    private static String position(QueryParseException e) {
        Matcher m = AT.matcher(String.valueOf(e.getMessage()));
        if (m.find()) return m.group(1) + ":" + m.group(2);
        return e.getLine() > 0 ? e.getLine() + ":" + Math.max(e.getColumn(), 1) : "1";
    }

    private static QueryParameter param(Path file, int line, String text) {
        Matcher m = PARAM.matcher(text);
        if (!m.matches() || !QueryParameter.knownType(m.group(2)))
            throw new IllegalArgumentException(file + ":" + line + ": expected '# @param NAME TYPE [= DEFAULT] DESCRIPTION' "
                + "with TYPE one of string, integer, identifier, release, iri");
        return new QueryParameter(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    /** The query of that name in the folder, if any. */
    public static Optional<NamedQuery> find(Path dir, String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) return Optional.empty();
        Path f = dir.resolve(name + ".rq");
        return Files.isRegularFile(f) ? Optional.of(read(f)) : Optional.empty();
    }
}
