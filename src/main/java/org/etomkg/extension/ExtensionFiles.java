package org.etomkg.extension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.extension.template.ExtensionTemplate;

/**
 * Reads an extension from one or more files: Turtle, RDF/XML, JSON-LD, N-Triples, or the
 * spreadsheet template (CSV or xlsx). A file that cannot be read is an error naming the
 * file, line and column; nothing is half read.
 */
public final class ExtensionFiles {
    private ExtensionFiles() {}

    public static Graph read(List<Path> files) {
        if (files.size() == 1) return read(files.get(0));   // no copy: large extensions come as one file
        Graph g = GraphFactory.createDefaultGraph();
        for (Path f : files) read(f).find().forEachRemaining(g::add);
        return g;
    }

    public static Graph read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
            throw new ExtensionInputException(file + ": cannot read the file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".xlsx")) return ExtensionTemplate.read(file);
        Lang lang = RDFLanguages.filenameToLang(name);
        if (lang == null || !RDFLanguages.isTriples(lang))
            throw new ExtensionInputException(file + ": unknown kind of file; use .ttl, .rdf, .owl, .jsonld, .nt, .csv or .xlsx");
        Graph g = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(file).lang(lang).errorHandler(new Strict(file)).parse(g);
        } catch (ExtensionInputException e) {
            throw e;
        } catch (RiotException e) {
            throw new ExtensionInputException(file + ": " + e.getMessage(), e);
        }
        return g;
    }

    private record Strict(Path file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) { fail(message, line, col); }
        @Override public void error(String message, long line, long col) { fail(message, line, col); }
        @Override public void fatal(String message, long line, long col) { fail(message, line, col); }

        private void fail(String message, long line, long col) {
            throw new ExtensionInputException(line > 0 ? file + ":" + line + ":" + col + ": " + message : file + ": " + message);
        }
    }
}
