package org.etomkg.extension;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * How a validation report is written: text for a process architect (grouped by process, most
 * severe first, each finding with its fix), JSON for tools, and Turtle, the standard
 * {@code sh:ValidationReport}.
 */
public enum ReportFormat {
    text, json, turtle;

    public String format(ExtensionReport r) {
        return switch (this) {
            case text -> text(r);
            case json -> json(r).toString() + "\n";
            case turtle -> turtle(r);
        };
    }

    private static String text(ExtensionReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.conforms() ? "CONFORMS" : "DOES NOT CONFORM").append(": ").append(r.extension())
            .append(r.release() == null ? " against no release (the header names none that can be read)" : " against eTOM release " + r.release())
            .append(" — ")
            .append(r.count(Finding.Severity.Violation)).append(" violations, ")
            .append(r.count(Finding.Severity.Warning)).append(" warnings\n");
        Map<String, List<Finding>> byProcess = new LinkedHashMap<>();
        for (Finding f : r.findings()) byProcess.computeIfAbsent(f.process(), k -> new java.util.ArrayList<>()).add(f);
        for (var e : byProcess.entrySet()) {
            out.append('\n').append(e.getKey()).append('\n');
            for (Finding f : e.getValue()) {
                out.append("  ").append(f.severity().name().toUpperCase()).append(" [").append(ruleName(f.rule())).append("] ")
                    .append(f.message()).append('\n');
            }
        }
        return out.toString();
    }

    private static JsonObject json(ExtensionReport r) {
        JsonObject o = new JsonObject();
        o.put("extension", r.extension());
        if (r.release() != null) o.put("release", r.release());
        o.put("conforms", r.conforms());
        o.put("violations", r.count(Finding.Severity.Violation));
        o.put("warnings", r.count(Finding.Severity.Warning));
        JsonArray findings = new JsonArray();
        for (Finding f : r.findings()) {
            JsonObject j = new JsonObject();
            j.put("process", f.process());
            j.put("focusNode", str(f.focusNode()));
            if (f.path() != null) j.put("path", str(f.path()));
            if (f.value() != null) j.put("value", str(f.value()));
            j.put("severity", f.severity().name());
            j.put("rule", ruleName(f.rule()));
            j.put("message", f.message());
            findings.add(j);
        }
        o.put("findings", findings);
        return o;
    }

    private static String turtle(ExtensionReport r) {
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, r.shaclReport(), Lang.TURTLE);
        return w.toString();
    }

    /** The rule's local name, such as R03-Numbering. */
    static String ruleName(String rule) {
        int i = Math.max(rule.lastIndexOf('#'), rule.lastIndexOf('/'));
        return i >= 0 ? rule.substring(i + 1) : rule;
    }

    private static String str(Node n) {
        if (n == null) return null;
        return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : NodeFmtLib.strNT(n);
    }
}
