package org.etomkg.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.etomkg.cli.EtomKg;

import picocli.CommandLine;

/**
 * Runs {@code etom-kg import ...} in-process, as the README documents it, and compares what
 * it wrote with the golden files under {@code src/test/resources/importer/}.
 */
record ImportRun(int exitCode, String out, String err) {

    /** The project's own ontology folder (tests run from the checkout's root). */
    static final Path ONTOLOGY = Path.of("ontology");

    /** Runs {@code etom-kg import KIND FILE --out OUT --ontology ontology [extra...]}. */
    static ImportRun importCommand(String kind, Path file, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("import", kind, file.toString(), "--out", out.toString(),
            "--ontology", ONTOLOGY.toString()));
        args.addAll(Arrays.asList(extra));
        CommandLine cl = EtomKg.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream out1 = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        System.setOut(new PrintStream(out1, true, StandardCharsets.UTF_8));   // the command prints its summary there
        try {
            code = cl.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        return new ImportRun(code, out1.toString(StandardCharsets.UTF_8), err.toString());
    }

    /**
     * Asserts that {@code actual} has the same bytes as the golden file {@code importer/NAME}.
     * On a difference the new output is kept under {@code target/importer-actual/} to look at
     * (and to copy over the golden file when the change is meant).
     */
    static void assertSameBytesAsGolden(String name, Path actual) {
        byte[] expected = null;
        try (InputStream in = ImportRun.class.getResourceAsStream("/importer/" + name)) {
            if (in != null) expected = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] got = read(actual);
        if (expected != null && Arrays.equals(expected, got)) return;
        Path copy = Path.of("target", "importer-actual", name);
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(actual, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String golden = "src/test/resources/importer/" + name;
        String why = (expected == null ? "golden file " + golden + " is missing" : actual + " differs from " + golden)
            + "; the new output is in " + copy + ". If the change is meant, copy it over the golden file"
            + " (and regenerate ontology/releases/ when the release file format changed).";
        assertNotNull(expected, why);
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(got, StandardCharsets.UTF_8), why);
        assertArrayEquals(expected, got, why);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }
}
