package org.etomkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.Finding;

/** The extension draft an import writes ({@code import bpmn}, {@code import archimate}), and how it validated. */
final class DraftFile {
    /** What a temporary draft's name starts with, beside the file it becomes. */
    static final String TEMPORARY = ".etom-kg-draft";

    private DraftFile() {}

    /** Written whole or not at all: a failed write leaves no half extension, and no temporary file. */
    static void write(Path file, String turtle) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, TEMPORARY, ".ttl");
            try {
                Files.writeString(tmp, turtle, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The one line on how the draft validated. */
    static void printValidation(PrintStream out, ExtensionReport report) {
        out.printf("validation: %s, %d violations, %d warnings (./etom-kg validate FILE for the report)%n",
            report.conforms() ? "conforms" : "does not conform", report.count(Finding.Severity.Violation), report.count(Finding.Severity.Warning));
    }
}
