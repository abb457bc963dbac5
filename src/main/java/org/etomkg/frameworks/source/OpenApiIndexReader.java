package org.etomkg.frameworks.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads {@code open-api-index.json}: an object keyed {@code TMF679_v4.0.0}, each value with a
 * {@code name}. The document links it also lists are not read.
 */
public final class OpenApiIndexReader {
    private static final Pattern KEY = Pattern.compile("([A-Za-z][A-Za-z0-9-]{1,30})_v([0-9]{1,3}(\\.[0-9]{1,3}){0,3})");

    public List<OpenApiEntry> read(Path file) {
        SourceDocument doc = SourceDocument.json(file);
        if (!doc.root().isObject()) throw doc.error("", "expected an object keyed by API and version, such as \"TMF679_v4.0.0\"");
        List<OpenApiEntry> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.root().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "/" + SourceDocument.key(e.getKey());
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches()) throw doc.error(at, "'" + e.getKey() + "' is not an API and version such as TMF679_v4.0.0");
            if (!e.getValue().isObject()) throw doc.error(at, "expected an object with 'name'");
            out.add(new OpenApiEntry(m.group(1), m.group(2), ComponentSpecReader.text(doc, at + "/name", true), SourceDocument.path(at)));
        }
        if (out.isEmpty()) throw doc.error("", "no APIs listed");
        return out;
    }
}
