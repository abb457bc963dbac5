package org.etomkg.extension;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.etomkg.extension.template.ExtensionTemplate;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

/**
 * Reads an extension from one or more files: Turtle, RDF/XML, JSON-LD, N-Triples, or the
 * spreadsheet template (CSV or xlsx). A file that cannot be read is an error naming the
 * file, line and column; nothing is half read.
 *
 * <p>Reading touches nothing but the file: a JSON-LD context given by URL (remote, {@code file:}
 * or relative; in an array, through {@code @import}, or scoped to a property or type) is refused,
 * not fetched, so contexts must be inline. An RDF/XML document type that points outside the file
 * (an external DTD or entity) is refused, and Turtle's {@code @base} and {@code @prefix} only name IRIs. Input nested deeper than
 * {@value NestingLimit#MAX_DEPTH} levels is refused before parsing, and a parser that still runs
 * out of stack gives the same kind of error, never a stack trace.
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
        if (name.endsWith(".csv") || name.endsWith(".xlsx")) return withinStack(file, () -> ExtensionTemplate.read(file));
        Lang lang = RDFLanguages.filenameToLang(name);
        if (lang == null || !RDFLanguages.isTriples(lang))
            throw new ExtensionInputException(file + ": unknown kind of file; use .ttl, .rdf, .owl, .jsonld, .nt, .csv or .xlsx");
        NestingLimit.check(file, lang);
        if (RDFLanguages.sameLang(lang, Lang.RDFXML)) XmlDoctype.check(file);
        Graph g = GraphFactory.createDefaultGraph();
        RefusingLoader loader = new RefusingLoader();
        try {
            withinStack(file, () -> {
                RDFParser.source(file).lang(lang).errorHandler(new Strict(file))
                    .set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(loader)).parse(g);
                return g;
            });
        } catch (ExtensionInputException | RiotException e) {
            if (loader.refused != null)
                throw new ExtensionInputException(file + ": remote JSON-LD contexts are not fetched: " + loader.refused
                    + "; inline the context: put its JSON object in place of the URL in \"@context\"", e);
            if (e instanceof ExtensionInputException x) throw x;
            throw new ExtensionInputException(file + ": " + e.getMessage(), e);
        }
        return g;
    }

    /**
     * Room for input nested up to the limit whatever thread asks: a server's request threads have
     * small stacks, and how much of it a level takes varies with the JIT (JSON-LD at 1,000 levels
     * sometimes needs more than a megabyte). Reserved, not committed, until a parser goes that deep.
     */
    private static final long PARSER_STACK_BYTES = 32L << 20;

    /**
     * Runs a parser on a thread with a stack sized for the nesting limit; a stack exhausted all the
     * same becomes an error naming the file, and the caller's thread never overflows.
     */
    private static Graph withinStack(Path file, Supplier<Graph> parse) {
        AtomicReference<Graph> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(null, () -> {
            try {
                result.set(parse.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "extension-reader", PARSER_STACK_BYTES);
        reader.start();
        try {
            reader.join();
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new ExtensionInputException(file + ": reading was interrupted", e);
        }
        Throwable f = failure.get();
        if (f instanceof StackOverflowError)
            throw ExtensionInputException.tooLarge(file + ": nested too deeply to read (more than the parser's stack holds); "
                + "an extension needs only a few levels: write deeply nested nodes, lists or formulas as separate statements or cells");
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
        return result.get();
    }

    /**
     * The JSON-LD document loader: refuses every URL, whatever its scheme, so that reading an
     * extension never reaches the network or another file, and a {@code file:} context that exists
     * and one that does not are refused alike. Remembers the first URL for the message.
     */
    private static final class RefusingLoader implements DocumentLoader {
        volatile URI refused;

        @Override public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
            if (refused == null) refused = url;
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "remote JSON-LD contexts are not fetched: " + url);
        }
    }

    private record Strict(Path file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) { fail(message, line, col); }
        @Override public void error(String message, long line, long col) { fail(message, line, col); }
        @Override public void fatal(String message, long line, long col) { fail(message, line, col); }

        private void fail(String message, long line, long col) {
            if (message != null && message.startsWith(file.toString())) throw new ExtensionInputException(message);   // JSON-LD reports twice
            throw new ExtensionInputException(line > 0 ? file + ":" + line + ":" + col + ": " + message : file + ": " + message);
        }
    }
}
