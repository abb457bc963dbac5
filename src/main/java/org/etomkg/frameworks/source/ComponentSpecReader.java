package org.etomkg.frameworks.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an ODA component specification ({@code apiVersion: oda.tmforum.org/v1}): identifier,
 * name, version, status, functional block and publication date from
 * {@code spec.componentMetadata}, the eTOM, Functional Framework and SID entries listed there,
 * and the exposed and dependent APIs of {@code spec.coreFunction}. Any malformed value is an
 * error that names the file, the line and the path.
 */
public final class ComponentSpecReader {
    private static final Pattern COMPONENT_ID = Pattern.compile("TMFC[0-9]{3,4}");
    private static final Pattern API_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{1,30}");
    private static final Pattern MAJOR = Pattern.compile("[vV]?([0-9]{1,3})([.][0-9]+)*");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final String META = "/spec/componentMetadata";

    public ComponentSpec read(Path file) {
        SourceDocument doc = SourceDocument.yaml(file);
        if (!doc.root().isObject()) throw doc.error("", "expected a component specification (a mapping with 'spec')");
        JsonNode meta = doc.at(META);
        if (!meta.isObject()) throw doc.error(META, "missing or not a mapping");
        String id = text(doc, META + "/id", true);
        if (!COMPONENT_ID.matcher(id).matches()) throw doc.error(META + "/id", "'" + id + "' is not a component identifier such as TMFC043");
        String date = text(doc, META + "/publicationDate", false);
        if (date != null && !DATE.matcher(date).matches()) throw doc.error(META + "/publicationDate", "'" + date + "' is not a date YYYY-MM-DD");
        return new ComponentSpec(doc.name(), id, text(doc, META + "/name", true), text(doc, META + "/version", true),
            text(doc, META + "/status", true), text(doc, META + "/functionalBlock", true), date,
            entries(doc, META + "/eTOMs", CitedEntries::process),
            entries(doc, META + "/functionalFrameworkFunctions", CitedEntries::function),
            entries(doc, META + "/SIDs", CitedEntries::sid),
            apis(doc, "/spec/coreFunction/exposedAPIs"), apis(doc, "/spec/coreFunction/dependentAPIs"));
    }

    private static List<CitedEntry> entries(SourceDocument doc, String pointer, BiFunction<String, String, CitedEntries.Either> parser) {
        JsonNode list = doc.at(pointer);
        if (list.isMissingNode() || list.isNull()) return List.of();
        if (!list.isArray()) throw doc.error(pointer, "expected a list of entries");
        List<CitedEntry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode e = list.get(i);
            if (!e.isTextual()) throw doc.error(at, "expected a text entry, found " + e.getNodeType().name().toLowerCase());
            CitedEntries.Either parsed = parser.apply(e.asText(), SourceDocument.path(at));
            if (parsed.error() != null) throw doc.error(at, parsed.error());
            out.add(parsed.entry());
        }
        return out;
    }

    private static List<ApiUse> apis(SourceDocument doc, String pointer) {
        JsonNode list = doc.at(pointer);
        if (list.isMissingNode() || list.isNull()) return List.of();
        if (!list.isArray()) throw doc.error(pointer, "expected a list of APIs");
        List<ApiUse> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = pointer + "/" + i;
            if (!list.get(i).isObject()) throw doc.error(at, "expected a mapping with 'id'");
            String id = text(doc, at + "/id", true);
            if (!API_ID.matcher(id).matches()) throw doc.error(at + "/id", "'" + id + "' is not an API identifier such as TMF642");
            JsonNode required = doc.at(at + "/required");
            if (!required.isMissingNode() && !required.isNull() && !required.isBoolean())
                throw doc.error(at + "/required", "expected true or false, found '" + required.asText() + "'");
            List<Integer> majors = new ArrayList<>();
            JsonNode specs = doc.at(at + "/specification");
            if (!specs.isMissingNode() && !specs.isNull()) {
                if (!specs.isArray()) throw doc.error(at + "/specification", "expected a list of versions");
                for (int j = 0; j < specs.size(); j++) {
                    String v = at + "/specification/" + j + "/version";
                    JsonNode version = doc.at(v);
                    if (version.isMissingNode() || version.isNull()) continue;   // a specification without a version names none
                    Matcher m = version.isValueNode() ? MAJOR.matcher(version.asText().trim()) : null;
                    if (m == null || !m.matches()) throw doc.error(v, "'" + version.asText() + "' is not a version such as 5 or 4.0.0");
                    int major = Integer.parseInt(m.group(1));
                    if (!majors.contains(major)) majors.add(major);
                }
            }
            String entry = id + (majors.isEmpty() ? "" : " v" + String.join(", v", majors.stream().map(String::valueOf).toList()))
                + (required.isBoolean() ? " required: " + required.asBoolean() : "");
            out.add(new ApiUse(id, text(doc, at + "/name", false), required.isBoolean() ? required.asBoolean() : null, majors,
                entry, SourceDocument.path(at)));
        }
        return out;
    }

    /** A scalar value as text; absent (null) when optional, an error when required. */
    static String text(SourceDocument doc, String pointer, boolean required) {
        JsonNode n = doc.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            if (required) throw doc.error(pointer, "missing");
            return null;
        }
        if (!n.isValueNode()) throw doc.error(pointer, "expected a single value, found a " + (n.isArray() ? "list" : "mapping"));
        String t = n.asText().trim();
        if (t.isEmpty()) {
            if (required) throw doc.error(pointer, "empty");
            return null;
        }
        return t;
    }
}
