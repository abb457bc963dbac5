package org.etomkg.server.publish;

import java.io.IOException;
import java.io.Writer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.etomkg.query.QueryResult;

/**
 * A table of processes as CSV by RFC 4180: a header row of the query's column names, one row per
 * answer, lines ended by CRLF, a field quoted when it holds a comma, a quote or a line break
 * (and a quote inside doubled). A literal is written as its text, an IRI as itself, nothing as
 * an empty field.
 */
final class ProcessTable {
    private ProcessTable() {}

    static void write(QueryResult table, Writer out) throws IOException {
        out.write(String.join(",", table.columns().stream().map(ProcessTable::field).toList()));
        out.write("\r\n");
        for (Binding row : table.rows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < table.columns().size(); i++) {
                if (i > 0) line.append(',');
                Node n = row.get(Var.alloc(table.columns().get(i)));
                line.append(field(n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : ""));
            }
            out.write(line.append("\r\n").toString());
        }
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
