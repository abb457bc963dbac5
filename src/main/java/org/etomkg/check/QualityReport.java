package org.etomkg.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * What the quality checks found in a store, with the releases it holds (for the table of
 * findings per release); as JSON it is the answer of {@code GET /api/checks}, which
 * {@code check} reads when a server holds the store.
 */
public record QualityReport(List<Finding> findings, List<String> releases) {

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray rs = new JsonArray();
        releases.forEach(rs::add);
        o.put("releases", rs);
        JsonArray fs = new JsonArray();
        for (Finding f : findings) {
            JsonObject j = new JsonObject();
            j.put("check", f.check());
            j.put("severity", f.severity().name());
            j.put("message", f.message());
            JsonObject values = new JsonObject();
            f.values().forEach(values::put);
            j.put("values", values);
            fs.add(j);
        }
        o.put("findings", fs);
        return o;
    }

    public static QualityReport fromJson(JsonObject o) {
        List<String> releases = o.get("releases").getAsArray().stream().map(v -> v.getAsString().value()).toList();
        List<Finding> findings = o.get("findings").getAsArray().stream().map(JsonValue::getAsObject).map(j -> {
            Map<String, String> values = new LinkedHashMap<>();
            JsonObject vs = j.get("values").getAsObject();
            vs.keys().forEach(k -> values.put(k, vs.get(k).getAsString().value()));
            return new Finding(j.getString("check"), Severity.valueOf(j.getString("severity")), j.getString("message"), values);
        }).toList();
        return new QualityReport(findings, releases);
    }
}
