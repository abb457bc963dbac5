package org.etomkg.server.api;

import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryParameter;

/** The OpenAPI 3 description of the service, generated from the named queries' headers: one path per query. */
public final class OpenApi {
    private OpenApi() {}

    public static JsonObject document(List<NamedQuery> queries) {
        JsonObject doc = new JsonObject();
        doc.put("openapi", "3.0.3");
        JsonObject info = new JsonObject();
        info.put("title", "etom-kg");
        info.put("version", "0.1.0");
        info.put("description", "TM Forum's Business Process Framework (eTOM) as a knowledge graph: named queries and CSP extensions.");
        doc.put("info", info);
        JsonObject paths = new JsonObject();
        for (NamedQuery q : queries) paths.put("/api/queries/" + q.name(), queryPath(q));
        paths.put("/api/queries/{name}/sparql", queryTextPath());
        paths.put("/api/queries", simple("List the named queries with their parameters", "application/json"));
        paths.put("/api/health", simple("Answers 200 when the dataset answers a query; 503 when it does not, or when the store no longer holds what it recorded (status damaged: run ./etom-kg load)", "application/json"));
        paths.put("/api/checks", simple("Run the quality checks of queries/checks/ over the store (kept until the next write): the findings, each with its check, severity, message and values, and the releases held", "application/json"));
        paths.put("/api/validate", validatePath());
        paths.put("/api/extensions", simple("List the stored extensions with their status", "application/json"));
        paths.put("/api/extensions/{name}", extensionPath());
        paths.put("/api/extensions/{name}/report", extensionReportPath());
        paths.put("/api/session", sessionPath());
        paths.put("/api/suggest", suggestPath());
        paths.put("/api/import/bpmn", importBpmnPath());
        paths.put("/api/mapping/draft", mappingDraftPath());
        doc.put("paths", paths);
        JsonObject schemes = new JsonObject();
        JsonObject basic = new JsonObject();
        basic.put("type", "http");
        basic.put("scheme", "basic");
        schemes.put("basicAuth", basic);
        JsonObject components = new JsonObject();
        components.put("securitySchemes", schemes);
        doc.put("components", components);
        return doc;
    }

    private static JsonObject queryPath(NamedQuery q) {
        JsonObject get = new JsonObject();
        get.put("operationId", camel(q.name()));
        get.put("summary", q.title());
        get.put("description", q.description());
        JsonArray params = new JsonArray();
        for (QueryParameter p : q.parameters()) {
            JsonObject param = new JsonObject();
            param.put("name", p.name());
            param.put("in", "query");
            param.put("required", p.required());
            param.put("description", p.description());
            JsonObject schema = new JsonObject();
            schema.put("type", p.type().equals("integer") ? "integer" : "string");
            if (p.type().equals("iri")) schema.put("format", "uri");
            if (p.type().equals("identifier")) schema.put("pattern", "^[12](\\.[0-9]+)+$");
            if (p.type().equals("release")) schema.put("pattern", "^[0-9]+(\\.[0-9]+)+$");
            if (!p.required()) {
                if (p.type().equals("integer")) schema.put("default", Long.parseLong(p.defaultValue()));
                else schema.put("default", p.defaultValue());
            }
            param.put("schema", schema);
            params.add(param);
        }
        get.put("parameters", params);
        JsonObject responses = new JsonObject();
        JsonObject ok = new JsonObject();
        ok.put("description", "The answer, as SPARQL results");
        JsonObject content = new JsonObject();
        for (String type : List.of("application/sparql-results+json", "text/csv", "text/tab-separated-values")) content.put(type, new JsonObject());
        ok.put("content", content);
        responses.put("200", ok);
        responses.put("400", described("A parameter is missing or not of its type"));
        responses.put("406", described("None of the three result formats is acceptable"));
        responses.put("503", described("The query ran longer than the timeout"));
        get.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("get", get);
        return path;
    }

    /** A named query's SPARQL text with its parameters bound, for an editor such as the page at /sparql. */
    private static JsonObject queryTextPath() {
        JsonObject get = new JsonObject();
        get.put("operationId", "getQueryText");
        get.put("summary", "The SPARQL text of a named query, its parameters bound");
        get.put("description", "The query file's header comments, then the query with the values given (as the query's own "
            + "parameters, the same as for running it) and the defaults bound as RDF terms, written out by Jena. A parameter "
            + "with neither stays a variable, with a comment line saying what to bind. Send it to /etom/sparql to run it.");
        JsonArray params = new JsonArray();
        params.add(nameInPath("The named query, as listed by /api/queries", "^[A-Za-z0-9][A-Za-z0-9_-]*$"));
        JsonObject values = new JsonObject();
        values.put("name", "parameters");
        values.put("in", "query");
        values.put("required", false);
        values.put("description", "Values for the query's own parameters, by name, such as ?id=1.3.3");
        JsonObject free = new JsonObject();
        free.put("type", "object");
        JsonObject strings = new JsonObject();
        strings.put("type", "string");
        free.put("additionalProperties", strings);
        values.put("schema", free);
        values.put("style", "form");
        values.put("explode", true);
        params.add(values);
        get.put("parameters", params);
        JsonObject responses = new JsonObject();
        JsonObject ok = described("The query text");
        JsonObject content = new JsonObject();
        content.put("application/sparql-query", new JsonObject());
        ok.put("content", content);
        responses.put("200", ok);
        responses.put("400", described("A parameter is unknown or a value not of its type"));
        responses.put("404", described("No named query of that name"));
        get.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("get", get);
        return path;
    }

    private static JsonObject validatePath() {
        JsonObject post = new JsonObject();
        post.put("operationId", "validateExtension");
        post.put("summary", "Validate an extension against its release; stores nothing");
        post.put("requestBody", extensionBody());
        JsonObject responses = new JsonObject();
        responses.put("200", described("The validation report (application/json or text/turtle by Accept)"));
        responses.put("400", described("The extension cannot be read, or names an unknown release"));
        responses.put("413", described("The body is over the size limit"));
        post.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("post", post);
        return path;
    }

    /** An extension in any syntax the server reads. */
    private static JsonObject extensionBody() {
        JsonObject body = new JsonObject();
        JsonObject content = new JsonObject();
        for (String type : ExtensionUpload.MEDIA_TYPES) content.put(type, new JsonObject());
        body.put("content", content);
        body.put("required", true);
        return body;
    }

    private static JsonObject extensionReportPath() {
        JsonObject path = new JsonObject();
        path.put("parameters", extensionName());
        JsonObject get = op("getExtensionReport", "The stored extension validated again, against the release it names or ?release=R", false,
            "200", "400", "404");
        JsonArray params = new JsonArray();
        JsonObject release = new JsonObject();
        release.put("name", "release");
        release.put("in", "query");
        release.put("required", false);
        release.put("description", "Another release to check it against, such as 26.0");
        JsonObject schema = new JsonObject();
        schema.put("type", "string");
        release.put("schema", schema);
        params.add(release);
        get.put("parameters", params);
        path.put("get", get);
        return path;
    }

    /** Where an activity named in a CSP's own words belongs in eTOM: ranked parents with their reasons. */
    private static JsonObject suggestPath() {
        JsonObject path = new JsonObject();
        JsonObject get = op("suggestParents", "The eTOM processes most likely to be the parent of an activity, best first, each with its "
            + "identifier, name, level, score and reason (the activity's words found in its name, the area above or below it, or the "
            + "CSP words for its work in ontology/suggest/process-words.txt, the context's words that matched, and how close the "
            + "process's meaning is to the activity's, a cosine from 0 to 1 in meaning). Telecom synonyms from "
            + "ontology/suggest/telecom-synonyms.txt widen the words; the best hits by words are ranked again by meaning.", false, "200", "400");
        JsonArray params = new JsonArray();
        params.add(queryParameter("text", true, "The activity as the CSP names it, such as Chase unpaid invoice", "string"));
        params.add(queryParameter("context", false, "Where it happens: its lane, pool or team, such as Collections", "string"));
        params.add(queryParameter("release", false, "The eTOM release, such as 26.0 (default: the latest in the store)", "string"));
        params.add(queryParameter("limit", false, "How many suggestions, 1 to 100 (default 5)", "integer"));
        get.put("parameters", params);
        path.put("get", get);
        return path;
    }

    /** A draft already imported (the body) or stored (?extension=), opened again for mapping. */
    private static JsonObject mappingDraftPath() {
        JsonObject path = new JsonObject();
        for (String method : new String[] { "get", "post" }) {
            JsonObject op = new JsonObject();
            op.put("operationId", method.equals("get") ? "openStoredDraft" : "openDraft");
            op.put("summary", method.equals("get") ? "A stored extension opened for mapping: each activity drafted from a BPMN model with its parent and the 5 best suggestions"
                : "A draft as import bpmn writes it (the Turtle body) opened for mapping: each activity with its parent and the 5 best suggestions; stores nothing");
            JsonArray params = new JsonArray();
            if (method.equals("get")) params.add(queryParameter("extension", true, "The stored extension's name", "string"));
            params.add(queryParameter("release", false, "The eTOM release (default: the one the draft extends)", "string"));
            params.add(queryParameter("parent.{file}#{activity}", false,
                "A parent chosen for an activity, by its model's file name and BPMN id: the activity is renumbered under it", "string"));
            op.put("parameters", params);
            if (method.equals("post")) {
                JsonObject body = new JsonObject(), content = new JsonObject();
                content.put("text/turtle", new JsonObject());
                body.put("content", content);
                body.put("required", true);
                op.put("requestBody", body);
            }
            JsonObject responses = new JsonObject();
            responses.put("200", described("The draft as Turtle (turtle), what to review, and per activity its file, id, name, lane, parent, source and suggestions"));
            responses.put("400", described("Not an extension draft, or a chosen parent is unknown"));
            if (method.equals("get")) responses.put("404", described("No stored extension of that name"));
            op.put("responses", responses);
            path.put(method, op);
        }
        return path;
    }

    /** A BPMN model as a draft extension to map by hand: what the web page's mapping view asks. */
    private static JsonObject importBpmnPath() {
        JsonObject post = new JsonObject();
        post.put("operationId", "importBpmn");
        post.put("summary", "Draft an extension from a BPMN 2.0 model (the body), or several (a form's file parts), and list each activity with its parent "
            + "(stated in the model, chosen, or suggested) and the 5 best suggestions; stores nothing");
        JsonArray params = new JsonArray();
        params.add(queryParameter("name", true, "The extension's name", "string"));
        params.add(queryParameter("release", false, "The eTOM release it extends, such as 26.0 (default: the latest in the store)", "string"));
        params.add(queryParameter("namespace", false, "Its terms' namespace (default: https://csp.example/NAME/)", "string"));
        params.add(queryParameter("file", false, "The model's file name, as activities and errors name it (default: model.bpmn)", "string"));
        JsonObject chosen = queryParameter("parent.{file}#{activity}", false,
            "A parent chosen for an activity, by the model's file name and the activity's BPMN id, such as parent.order.bpmn%23Task_1=1.2.1.3", "string");
        params.add(chosen);
        post.put("parameters", params);
        JsonObject body = new JsonObject(), content = new JsonObject();
        content.put("application/xml", new JsonObject());
        content.put("text/xml", new JsonObject());
        content.put("multipart/form-data", new JsonObject());   // several models, each a file part under its file name
        body.put("content", content);
        body.put("required", true);
        post.put("requestBody", body);
        JsonObject responses = new JsonObject();
        responses.put("200", described("The draft as Turtle (turtle), what to review, and per activity its file, id, name, lane, parent, source and suggestions"));
        responses.put("400", described("The model is not BPMN 2.0 or is broken (the message names the file and element), or a chosen parent is unknown"));
        responses.put("413", described("The body is over the size limit"));
        post.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("post", post);
        return path;
    }

    private static JsonObject queryParameter(String name, boolean required, String description, String type) {
        JsonObject p = new JsonObject();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", required);
        p.put("description", description);
        JsonObject schema = new JsonObject();
        schema.put("type", type);
        p.put("schema", schema);
        return p;
    }

    /** The web page's sign-in: the credentials are checked and the user named. */
    private static JsonObject sessionPath() {
        JsonObject path = new JsonObject();
        path.put("get", op("getSession", "200 with the user's name when the Basic credentials are right, 401 otherwise "
            + "(without a WWW-Authenticate challenge when the request says X-Requested-With)", true, "200", "401"));
        return path;
    }

    private static JsonArray extensionName() {
        JsonArray params = new JsonArray();
        params.add(nameInPath("The stored extension's name", "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
        return params;
    }

    /** The {name} segment of a path: required, a string of the given pattern. */
    private static JsonObject nameInPath(String description, String pattern) {
        JsonObject name = new JsonObject();
        name.put("name", "name");
        name.put("in", "path");
        name.put("required", true);
        name.put("description", description);
        JsonObject schema = new JsonObject();
        schema.put("type", "string");
        schema.put("pattern", pattern);
        name.put("schema", schema);
        return name;
    }

    private static JsonObject extensionPath() {
        JsonObject path = new JsonObject();
        path.put("parameters", extensionName());
        path.put("get", op("getExtension", "The stored extension, as Turtle", false, "200", "400", "404"));
        JsonObject put = op("putExtension", "Store the extension if it conforms, replacing an earlier version; 422 with the report otherwise", true,
            "200", "201", "400", "401", "413", "422");
        put.put("requestBody", extensionBody());
        path.put("put", put);
        path.put("delete", op("deleteExtension", "Remove the stored extension", true, "204", "400", "401", "404"));
        return path;
    }

    private static JsonObject op(String id, String summary, boolean secured, String... statuses) {
        JsonObject o = new JsonObject();
        o.put("operationId", id);
        o.put("summary", summary);
        if (secured) {
            JsonArray security = new JsonArray();
            JsonObject req = new JsonObject();
            req.put("basicAuth", new JsonArray());
            security.add(req);
            o.put("security", security);
        }
        JsonObject responses = new JsonObject();
        for (String s : statuses) responses.put(s, described("HTTP " + s));
        o.put("responses", responses);
        return o;
    }

    private static JsonObject simple(String summary, String type) {
        JsonObject get = new JsonObject();
        get.put("summary", summary);
        JsonObject responses = new JsonObject();
        JsonObject ok = described("OK");
        JsonObject content = new JsonObject();
        content.put(type, new JsonObject());
        ok.put("content", content);
        responses.put("200", ok);
        get.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("get", get);
        return path;
    }

    private static JsonObject described(String text) {
        JsonObject o = new JsonObject();
        o.put("description", text);
        return o;
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '_') { up = true; continue; }
            out.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        return out.toString();
    }
}
