package org.etomkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.etomkg.rdf.CanonicalTurtle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code etom-kg format FILE|FOLDER...}: rewrites Turtle files in place as canonical Turtle, the one
 * layout every file of the project has, so that a diff shows only the statements that changed.
 */
@Command(name = "format", description = "Rewrite each Turtle FILE (.ttl), and every .ttl file under each FOLDER, in place "
    + "as canonical Turtle: sorted prefixes, the ontology header first, one statement per line in a fixed order. A .ttl "
    + "file Protégé saved as RDF/XML is written back as Turtle; a file of another name is refused. --check rewrites "
    + "nothing and exits 1 naming the files that are not canonical. Exit 2 when a file does not parse (file and line) or "
    + "cannot be read.")
final class FormatCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "Turtle files (.ttl), or folders to search for them")
    List<Path> paths;
    @Spec CommandSpec spec;
    @Option(names = "--check", description = "Rewrite nothing; exit 1 and name the files that are not canonical") boolean check;

    @Override public Integer call() {
        List<String> problems = new ArrayList<>();
        List<Path> notCanonical = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) { files.add(p); continue; }
            try (Stream<Path> s = Files.walk(p)) {
                // hidden folders (.git, an editor's) are not the project's files
                s.filter(f -> f.getFileName().toString().endsWith(".ttl") && Files.isRegularFile(f) && !hidden(p.relativize(f)))
                    .sorted().forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(p + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        for (Path f : files) {
            if (!f.getFileName().toString().endsWith(".ttl")) {
                problems.add(f + ": format writes Turtle files only; name it .ttl (Protégé: File > Save as > Turtle Syntax)");
                continue;
            }
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(f + ": cannot be read (" + e.getMessage() + ")");
                continue;
            }
            String canonical;
            try {
                canonical = CanonicalTurtle.formatText(text);
            } catch (RiotParseException e) {
                problems.add(f + ": line " + e.getLine() + ", column " + e.getCol() + ": " + e.getOriginalMessage());
                continue;
            } catch (RiotException e) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\[line: (\\d+), col: (\\d+)\\s*\\]\\s*(.*)$", java.util.regex.Pattern.DOTALL)
                    .matcher(String.valueOf(e.getMessage()));
                problems.add(m.matches() ? f + ": line " + m.group(1) + ", column " + m.group(2) + ": " + m.group(3) : f + ": does not parse: " + e.getMessage());
                continue;
            }
            if (canonical.equals(text)) continue;
            notCanonical.add(f);
            if (check) continue;
            try {
                Files.writeString(f, canonical, StandardCharsets.UTF_8);
                System.out.println("formatted " + f);
            } catch (IOException e) {
                problems.add(f + ": cannot be written (" + e.getMessage() + ")");
            }
        }
        for (String p : problems) spec.commandLine().getErr().println("etom-kg: " + p);
        if (check) for (Path f : notCanonical) System.out.println("not canonical: " + f + " (run ./etom-kg format " + f + ")");
        if (!problems.isEmpty()) return 2;
        return check && !notCanonical.isEmpty() ? 1 : 0;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
