package org.etomkg.frameworks.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.etomkg.importer.SourceException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A JSON or YAML source file read as a tree, remembering the line each value starts on, so an
 * error can name the file, the line and the path ({@code $.spec.componentMetadata.eTOMs[2]}).
 */
public final class SourceDocument {
    private final String name;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private SourceDocument(String name, JsonNode root, Map<String, Integer> lines) {
        this.name = name;
        this.root = root;
        this.lines = lines;
    }

    public static SourceDocument json(Path file) { return read(file, new JsonFactory(), "JSON"); }

    public static SourceDocument yaml(Path file) { return read(file, new YAMLFactory(), "YAML"); }

    private static SourceDocument read(Path file, JsonFactory factory, String format) {
        String name = SourceFiles.displayName(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SourceException(name + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try {
            try (JsonParser p = factory.createParser(bytes)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                    lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
            }
            root = new ObjectMapper(factory).readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new SourceException(name + ": line " + (loc == null ? "?" : loc.getLineNr()) + ", column "
                + (loc == null ? "?" : loc.getColumnNr()) + ": not valid " + format + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SourceException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) throw new SourceException(name + ": line 1: the file is empty");
        return new SourceDocument(name, root, lines);
    }

    public String name() { return name; }

    public JsonNode root() { return root; }

    /** The node at a JSON pointer such as {@code /spec/componentMetadata}, or a missing node. */
    public JsonNode at(String pointer) { return root.at(pointer); }

    /** An error about the value at a pointer: file, line (where known), path and what is wrong. */
    public SourceException error(String pointer, String message) {
        Integer line = lineOf(pointer);
        return new SourceException(name + ": " + (line == null ? "" : "line " + line + ": ") + path(pointer) + ": " + message);
    }

    /** The line of the value at a pointer, or of its nearest enclosing value that has one. */
    public Integer lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) return line;
            if (p.isEmpty()) return null;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** {@code /spec/eTOMs/2} as {@code $.spec.eTOMs[2]}. */
    public static String path(String pointer) {
        StringBuilder out = new StringBuilder("$");
        JsonPointer p = JsonPointer.compile(pointer);
        while (p != null && !p.matches()) {
            if (p.mayMatchElement() && p.getMatchingProperty().matches("0|[1-9][0-9]*")) out.append('[').append(p.getMatchingIndex()).append(']');
            else out.append('.').append(p.getMatchingProperty());
            p = p.tail();
        }
        return out.toString();
    }

    /** Escapes a property name for a JSON pointer. */
    public static String key(String property) { return property.replace("~", "~0").replace("/", "~1"); }
}
