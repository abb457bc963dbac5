package org.etomkg.query;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.engine.binding.Binding;

/** How the command line prints a result: an aligned table, CSV, or SPARQL JSON results. */
public enum ResultFormat {
    table("text/plain"), csv("text/csv"), json("application/sparql-results+json"), tsv("text/tab-separated-values");

    private final String mediaType;

    ResultFormat(String mediaType) { this.mediaType = mediaType; }

    public String mediaType() { return mediaType; }

    public String format(QueryResult r) {
        if (this == table) return table(r);
        List<Var> vars = r.columns().stream().map(Var::alloc).toList();
        ResultSet rs = ResultSet.adapt(RowSetStream.create(vars, r.rows().iterator()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (this) {
            case csv -> ResultSetFormatter.outputAsCSV(out, rs);
            case tsv -> ResultSetFormatter.outputAsTSV(out, rs);
            default -> ResultSetFormatter.outputAsJSON(out, rs);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Plain values (no quotes, no datatypes), so a table reads like a spreadsheet. */
    private static String table(QueryResult r) {
        List<String[]> cells = new ArrayList<>();
        for (Binding b : r.rows()) {
            String[] row = new String[r.columns().size()];
            for (int i = 0; i < row.length; i++) row[i] = plain(b.get(Var.alloc(r.columns().get(i))));
            cells.add(row);
        }
        int[] width = new int[r.columns().size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = r.columns().get(i).length();
            for (String[] row : cells) width[i] = Math.max(width[i], row[i].length());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        printRow(out, r.columns().toArray(String[]::new), width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        out.println(rule);
        for (String[] row : cells) printRow(out, row, width);
        out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void printRow(PrintStream out, String[] row, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            line.append(i == 0 ? "" : " | ").append(row[i]).append(" ".repeat(width[i] - row[i].length()));
        }
        out.println(line.toString().stripTrailing());
    }

    static String plain(Node n) {
        if (n == null) return "";
        if (n.isURI()) return n.getURI();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return n.toString();
    }
}
