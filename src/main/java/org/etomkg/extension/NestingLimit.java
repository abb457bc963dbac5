package org.etomkg.extension;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * Refuses a Turtle, N-Triples or JSON-LD file nested deeper than {@link #MAX_DEPTH} levels before
 * it is parsed: the parsers descend one call per level, and a file of {@code [ [ [ …} tens of
 * thousands deep would exhaust the thread's stack. One streaming pass over the characters, counting
 * brackets outside strings, IRIs and comments; nothing is kept.
 */
final class NestingLimit {
    /**
     * The deepest nesting read: {@code [ ]} and {@code ( )} (and RDF-star {@code << >>}) in Turtle and
     * N-Triples, {@code [ ]} and <code>{ }</code> in JSON-LD. A real extension needs a handful.
     */
    static final int MAX_DEPTH = 1000;

    private final Path file;
    private int depth;
    private long line = 1;

    private NestingLimit(Path file) { this.file = file; }

    /** Throws an {@link ExtensionInputException} naming the file and line when the file nests deeper than the limit. */
    static void check(Path file, Lang lang) {
        boolean json = RDFLanguages.sameLang(lang, Lang.JSONLD) || RDFLanguages.sameLang(lang, Lang.JSONLD11);
        boolean turtle = RDFLanguages.sameLang(lang, Lang.TURTLE) || RDFLanguages.sameLang(lang, Lang.NTRIPLES)
            || RDFLanguages.sameLang(lang, Lang.TRIG) || RDFLanguages.sameLang(lang, Lang.NQUADS);
        if (!json && !turtle) return;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new NestingLimit(file).scan(new Chars(in), json);
        } catch (java.nio.charset.MalformedInputException e) {
            // not UTF-8: the parser says so with a line and column
        } catch (IOException e) {
            throw new ExtensionInputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private void scan(Chars in, boolean json) throws IOException {
        for (int c = in.next(); c >= 0; c = in.next()) {
            switch (c) {
                case '\n' -> line++;
                case '[', '{' -> open();
                case ']', '}' -> depth--;
                case '(' -> { if (!json) open(); }
                case ')' -> { if (!json) depth--; }
                case '"' -> string(in, '"', !json);
                case '\'' -> { if (!json) string(in, '\'', true); }
                case '#' -> { if (!json) skipLine(in); }
                case '\\' -> { if (!json && in.next() == '\n') line++; }   // an escaped character in a prefixed name
                case '<' -> { if (!json) { if (in.peek() == '<') { in.next(); open(); } else iri(in); } }
                case '>' -> { if (!json && in.peek() == '>') { in.next(); depth--; } }
                default -> { }
            }
        }
    }

    private void open() {
        if (++depth > MAX_DEPTH)
            throw ExtensionInputException.tooLarge(file + ":" + line + ": nesting deeper than " + MAX_DEPTH
                + " levels; an extension needs only a few: write deeply nested nodes or lists as separate statements");
    }

    /** A string; Turtle's may be long (three quotes) and span lines. */
    private void string(Chars in, char quote, boolean mayBeLong) throws IOException {
        boolean isLong = false;
        if (mayBeLong && in.peek() == quote) {
            in.next();
            if (in.peek() != quote) return;   // the empty string ""
            in.next();
            isLong = true;
        }
        int run = 0;
        for (int c = in.next(); c >= 0; c = in.next()) {
            if (c == '\n') line++;
            if (c == '\\') { if (in.next() == '\n') line++; run = 0; continue; }
            if (c != quote) { run = 0; if (c == '\n' && !isLong) return; continue; }
            if (!isLong || ++run == 3) return;
        }
    }

    private void iri(Chars in) throws IOException {
        for (int c = in.next(); c >= 0 && c != '>'; c = in.next())
            if (c == '\n') { line++; return; }
    }

    private void skipLine(Chars in) throws IOException {
        for (int c = in.next(); c >= 0; c = in.next())
            if (c == '\n') { line++; return; }
    }

    /** A reader with one character of look-ahead, buffered. */
    private static final class Chars {
        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos, len;

        Chars(Reader in) { this.in = in; }

        int next() throws IOException {
            if (pos == len && !fill()) return -1;
            return buf[pos++];
        }

        int peek() throws IOException {
            if (pos == len && !fill()) return -1;
            return buf[pos];
        }

        private boolean fill() throws IOException {
            len = in.read(buf);
            pos = 0;
            if (len <= 0) { len = 0; return false; }
            return true;
        }
    }
}
