package org.etomkg.frameworks.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a Functional Framework catalogue export ({@code functionalFramework_v25.5.json}):
 * {@code version} and {@code entries:[{id, name, domain, vertical, af1, af2}]}. The placement
 * fields are optional; a placement value that is not text (the export has a few 0s) is read as
 * absent and counted for the report.
 */
public final class FunctionCatalogueReader {
    private static final Pattern ID = Pattern.compile("[0-9]{1,6}");

    public FunctionCatalogue read(Path file) {
        SourceDocument doc = SourceDocument.json(file);
        if (!doc.root().isObject()) throw doc.error("", "expected an object with 'version' and 'entries'");
        String sourceVersion = ComponentSpecReader.text(doc, "/version", true);
        String release = Catalogues.majorMinor(sourceVersion)
            .orElseThrow(() -> doc.error("/version", "'" + sourceVersion + "' is not a release such as v25.5"));
        JsonNode entries = doc.at("/entries");
        if (!entries.isArray() || entries.isEmpty()) throw doc.error("/entries", "missing, empty or not a list");
        List<FunctionCatalogue.Entry> out = new ArrayList<>();
        int[] nonText = {0};
        for (int i = 0; i < entries.size(); i++) {
            String at = "/entries/" + i;
            if (!entries.get(i).isObject()) throw doc.error(at, "expected an object with 'id' and 'name'");
            String id = ComponentSpecReader.text(doc, at + "/id", true);
            if (!ID.matcher(id).matches()) throw doc.error(at + "/id", "'" + id + "' is not a function number");
            out.add(new FunctionCatalogue.Entry(id, ComponentSpecReader.text(doc, at + "/name", true),
                optional(doc, at + "/domain", nonText), optional(doc, at + "/vertical", nonText),
                optional(doc, at + "/af1", nonText), optional(doc, at + "/af2", nonText), SourceDocument.path(at)));
        }
        return new FunctionCatalogue(doc.name(), sourceVersion, release, out, nonText[0]);
    }

    private static String optional(SourceDocument doc, String pointer, int[] nonText) {
        JsonNode n = doc.at(pointer);
        if (n.isMissingNode() || n.isNull()) return null;
        if (!n.isTextual()) {
            if (n.isValueNode()) { nonText[0]++; return null; }
            throw doc.error(pointer, "expected text, found a " + (n.isArray() ? "list" : "mapping"));
        }
        String t = n.asText().trim();
        return t.isEmpty() ? null : t;
    }
}
