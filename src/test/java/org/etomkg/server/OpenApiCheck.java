package org.etomkg.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The structural rules of an OpenAPI 3.0 document that a generator or client relies on: the
 * version field, info, paths and their templates, operations with responses, parameters and
 * their locations, request bodies, and security schemes that are defined where they are used.
 * (No OpenAPI validator is on the test classpath; these are the rules of the 3.0.3 schema
 * that a document generated from query headers can get wrong.)
 */
final class OpenApiCheck {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> PATH_KEYS = Set.of("summary", "description", "servers", "parameters", "$ref");
    private static final Set<String> LOCATIONS = Set.of("query", "header", "path", "cookie");
    private static final Set<String> SCHEMA_TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");
    private static final Pattern STATUS = Pattern.compile("default|[1-5](?:[0-9]{2}|XX)");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z*]+/[a-z0-9.+*-]+");

    private OpenApiCheck() {}

    static List<String> problems(JsonNode doc) {
        List<String> out = new ArrayList<>();
        if (!doc.path("openapi").isTextual() || !doc.path("openapi").asText().matches("3\\.0\\.[0-9]+"))
            out.add("openapi must be a 3.0.x version string, is " + doc.path("openapi"));
        JsonNode info = doc.path("info");
        if (!info.path("title").isTextual() || info.path("title").asText().isBlank()) out.add("info.title is missing");
        if (!info.path("version").isTextual()) out.add("info.version must be a string");
        Set<String> schemes = new HashSet<>();
        JsonNode securitySchemes = doc.path("components").path("securitySchemes");
        for (Iterator<Map.Entry<String, JsonNode>> it = securitySchemes.fields(); it.hasNext(); ) {
            var e = it.next();
            schemes.add(e.getKey());
            String type = e.getValue().path("type").asText();
            if (!Set.of("apiKey", "http", "oauth2", "openIdConnect").contains(type)) out.add("security scheme " + e.getKey() + " has type " + type);
            if (type.equals("http") && !e.getValue().path("scheme").isTextual()) out.add("http security scheme " + e.getKey() + " has no scheme");
        }
        if (!doc.path("paths").isObject() || doc.path("paths").isEmpty()) out.add("paths must be a non-empty object");
        Set<String> operationIds = new HashSet<>();
        Set<String> normalised = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            var e = it.next();
            String path = e.getKey();
            JsonNode item = e.getValue();
            if (!path.startsWith("/")) out.add("path " + path + " does not start with /");
            if (!normalised.add(TEMPLATE.matcher(path).replaceAll("{}"))) out.add("path " + path + " is the same template as another");
            Set<String> templated = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(path);
            while (m.find()) templated.add(m.group(1));
            Set<String> pathLevel = new TreeSet<>();
            parameters(path, item.path("parameters"), pathLevel, templated, out);
            int operations = 0;
            for (Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (PATH_KEYS.contains(key)) continue;
                if (!METHODS.contains(key)) { out.add(path + ": unknown key " + key); continue; }
                operations++;
                JsonNode op = item.path(key);
                String where = key.toUpperCase() + " " + path;
                if (op.has("operationId") && !operationIds.add(op.path("operationId").asText()))
                    out.add(where + ": operationId " + op.path("operationId").asText() + " is not unique");
                Set<String> declared = new TreeSet<>(pathLevel);
                parameters(where, op.path("parameters"), declared, templated, out);
                for (String t : templated)
                    if (!declared.contains("path:" + t)) out.add(where + ": path parameter {" + t + "} is not declared");
                JsonNode responses = op.path("responses");
                if (!responses.isObject() || responses.isEmpty()) out.add(where + ": no responses");
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
                    var r = rs.next();
                    if (!STATUS.matcher(r.getKey()).matches()) out.add(where + ": response key " + r.getKey() + " is not a status");
                    if (!r.getValue().path("description").isTextual()) out.add(where + " " + r.getKey() + ": a response needs a description");
                    content(where + " " + r.getKey(), r.getValue().path("content"), out);
                }
                if ((key.equals("put") || key.equals("post")) && !op.has("requestBody")) out.add(where + ": takes a body but declares none");
                if (op.has("requestBody")) {
                    JsonNode body = op.path("requestBody");
                    if (!body.path("content").isObject() || body.path("content").isEmpty()) out.add(where + ": requestBody without content");
                    content(where + " requestBody", body.path("content"), out);
                    if (key.equals("get") || key.equals("delete")) out.add(where + ": a " + key + " with a request body");
                }
                for (JsonNode requirement : op.path("security"))
                    requirement.fieldNames().forEachRemaining(s -> { if (!schemes.contains(s)) out.add(where + ": undefined security scheme " + s); });
            }
            if (operations == 0) out.add(path + ": no operations");
        }
        return out;
    }

    private static void parameters(String where, JsonNode params, Set<String> declared, Set<String> templated, List<String> out) {
        if (params.isMissingNode()) return;
        if (!params.isArray()) { out.add(where + ": parameters must be an array"); return; }
        for (JsonNode p : params) {
            String name = p.path("name").asText(null), in = p.path("in").asText(null);
            if (name == null || name.isBlank()) { out.add(where + ": a parameter without a name"); continue; }
            if (!LOCATIONS.contains(in)) out.add(where + ": parameter " + name + " is in '" + in + "'");
            if (!declared.add(in + ":" + name)) out.add(where + ": parameter " + name + " in " + in + " declared twice");
            if ("path".equals(in)) {
                if (!p.path("required").asBoolean(false)) out.add(where + ": path parameter " + name + " must be required");
                if (!templated.contains(name)) out.add(where + ": path parameter " + name + " is not in the path");
            }
            if (p.has("required") && !p.path("required").isBoolean()) out.add(where + ": parameter " + name + " required is not a boolean");
            if (p.has("schema") == p.has("content")) out.add(where + ": parameter " + name + " needs exactly one of schema and content");
            JsonNode schema = p.path("schema");
            if (schema.has("type") && !SCHEMA_TYPES.contains(schema.path("type").asText()))
                out.add(where + ": parameter " + name + " has type " + schema.path("type").asText());
            if (schema.has("pattern")) {
                try {
                    Pattern.compile(schema.path("pattern").asText());
                } catch (RuntimeException e) {
                    out.add(where + ": parameter " + name + " has a bad pattern: " + e.getMessage());
                }
            }
            if (schema.has("default") && schema.path("type").asText().equals("integer") && !schema.path("default").canConvertToLong())
                out.add(where + ": parameter " + name + " has a default that is not an integer");
        }
    }

    private static void content(String where, JsonNode content, List<String> out) {
        if (content.isMissingNode()) return;
        if (!content.isObject()) { out.add(where + ": content must be an object"); return; }
        content.fieldNames().forEachRemaining(t -> { if (!MEDIA_TYPE.matcher(t).matches()) out.add(where + ": media type " + t); });
    }
}
