package org.etomkg.importer.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.etomkg.framework.ReleaseVersion;
import org.etomkg.importer.ReleaseSource;
import org.etomkg.importer.SourceException;
import org.etomkg.importer.SourceRow;

/**
 * Reads a JSON catalogue export of a release: {@code {version, entries:[{id, name, domain, level}]}}.
 * Errors name the file and the JSON path of the offending value.
 */
public final class CatalogReader {

    public ReleaseSource read(Path file, ReleaseVersion override) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new SourceException(name + ": line " + (loc == null ? "?" : loc.getLineNr()) + ", column "
                + (loc == null ? "?" : loc.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SourceException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new SourceException(name + ": $: expected an object with 'version' and 'entries'");
        ReleaseVersion version = override != null ? override : version(name, root);
        JsonNode entries = root.get("entries");
        if (entries == null || !entries.isArray()) throw new SourceException(name + ": $.entries: missing or not an array");
        if (entries.isEmpty()) throw new SourceException(name + ": $.entries: empty, no process entries");
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.entries[" + i + "]";
            JsonNode e = entries.get(i);
            if (!e.isObject()) throw new SourceException(name + ": " + path + ": expected an object");
            rows.add(SourceRow.ofCatalog(path, text(name, path, e, "id", true), text(name, path, e, "name", true),
                level(name, path, e), text(name, path, e, "domain", false)));
        }
        return new ReleaseSource(version, name, "the JSON catalogue", rows, List.of());
    }

    private static ReleaseVersion version(String name, JsonNode root) {
        JsonNode v = root.get("version");
        if (v == null || v.isNull()) throw new SourceException(name + ": $.version: missing (or pass --release)");
        if (!v.isTextual()) throw new SourceException(name + ": $.version: expected a string such as \"v23.5\", found " + v);
        try {
            return ReleaseVersion.of(v.asText());
        } catch (IllegalArgumentException e) {
            throw new SourceException(name + ": $.version: " + e.getMessage());
        }
    }

    private static String text(String name, String path, JsonNode entry, String field, boolean required) {
        JsonNode v = entry.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new SourceException(name + ": " + path + "." + field + ": missing");
            return null;
        }
        if (!v.isTextual()) throw new SourceException(name + ": " + path + "." + field + ": expected a string, found " + v);
        String s = v.asText().strip();
        if (required && s.isEmpty()) throw new SourceException(name + ": " + path + "." + field + ": empty");
        return s;
    }

    private static Integer level(String name, String path, JsonNode entry) {
        JsonNode v = entry.get("level");
        if (v == null || v.isNull()) throw new SourceException(name + ": " + path + ".level: missing");
        if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt() && v.asInt() >= 0) return v.asInt();   // 3 or 3.0
        if (v.isTextual() && v.asText().strip().matches("[0-9]{1,2}(\\.0+)?"))                  // as the workbook reader
            return Integer.parseInt(v.asText().strip().replaceAll("\\.0+$", ""));
        throw new SourceException(name + ": " + path + ".level: not a whole number: " + v);
    }
}
