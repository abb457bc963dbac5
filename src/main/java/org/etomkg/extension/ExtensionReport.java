package org.etomkg.extension;

import java.util.Comparator;
import java.util.List;

import org.apache.jena.rdf.model.Model;

/**
 * The outcome of validating an extension: the findings (most severe first, then by process)
 * and the standard SHACL {@code sh:ValidationReport} they came from. {@code extension} is the
 * header's IRI, or words saying what is wrong with the header; {@code release} is null when no
 * release could be read from the header (then only the extension's own triples were checked).
 */
public record ExtensionReport(String extension, String release, List<Finding> findings, Model shaclReport) {

    public ExtensionReport {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)
            .thenComparing(Finding::process).thenComparing(Finding::rule).thenComparing(Finding::message)).toList();
    }

    /** Conforms when nothing is a violation; warnings are allowed. */
    public boolean conforms() {
        return findings.stream().noneMatch(f -> f.severity() == Finding.Severity.Violation);
    }

    public long count(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
