package org.etomkg.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.etomkg.bpmn.BpmnImport;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.rdf.CanonicalTurtle;
import org.etomkg.suggest.ParentSuggestions;
import org.etomkg.suggest.ReleaseSuggestions;

/**
 * {@code POST /api/import/bpmn}: one BPMN model in the body, or several as the file parts of a
 * multipart form, becomes a draft extension and, per
 * activity, the parent it got and the best others, for an architect mapping by hand. The parents
 * they chose come back as {@code parent.FILE#ID=IDENTIFIER} parameters and count as stated in the
 * model. Nothing is stored: the draft goes to {@code /api/validate} and {@code PUT /api/extensions/NAME}.
 */
final class BpmnMapping {
    static final String PARENT = "parent.";
    private static final int ALTERNATIVES = 5;

    private BpmnMapping() {}

    static JsonObject draft(HttpServletRequest req, ReleaseSuggestions suggestions) throws IOException {
        String name = req.getParameter("name"), namespace = req.getParameter("namespace"), file = req.getParameter("file");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("give the extension's name as ?name=");
        if (namespace == null || namespace.isBlank()) namespace = "https://csp.example/" + BpmnImport.slug(name) + "/";
        Map<String, String> parents = new LinkedHashMap<>();
        for (var e : req.getParameterMap().entrySet())
            if (e.getKey().startsWith(PARENT)) parents.put(e.getKey().substring(PARENT.length()), e.getValue()[e.getValue().length - 1].strip());
        String release = suggestions.release(req.getParameter("release"));

        Path dir = Files.createTempDirectory("etom-kg-bpmn-");
        List<Path> models = new ArrayList<>();
        try {
            if (JakartaServletFileUpload.isMultipartContent(req)) {
                // Several models: each file part under its own name, in the order sent.
                FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(req);
                while (parts.hasNext()) {
                    FileItemInput part = parts.next();
                    if (part.isFormField()) continue;
                    models.add(save(dir, part.getName(), part.getInputStream()));
                }
                if (models.isEmpty()) throw new IllegalArgumentException("the form holds no file; send BPMN models as file parts");
            } else {
                models.add(save(dir, file, req.getInputStream()));
            }
            BpmnImport.Result draft = new BpmnImport(suggestions.graph(release), suggestions.of(release))
                .map(models, new BpmnImport.Request(release, name, namespace, null), parents, ALTERNATIVES);
            return json(draft, release, name, namespace);
        } catch (FileUploadException e) {
            throw new IllegalArgumentException("the multipart form cannot be read: " + e.getMessage(), e);
        } catch (ExtensionInputException e) {
            // The message names the model as the client sent it, not where the server kept it.
            throw new ExtensionInputException(e.getMessage().replace(dir + dir.getFileSystem().getSeparator(), ""), e);
        } finally {
            for (Path m : models) Files.deleteIfExists(m);
            Files.deleteIfExists(dir);
        }
    }

    /** One model under the name the client gave it: a plain file name, once per request. */
    private static Path save(Path dir, String file, InputStream body) throws IOException {
        if (file == null || file.isBlank()) file = "model.bpmn";
        if (!file.matches("[\\w .()-]{1,200}") || file.startsWith("."))
            throw new IllegalArgumentException("a model's file name is a plain name (letters, digits, space . _ - ( )), not '" + file + "'");
        Path model = dir.resolve(file);
        if (Files.exists(model)) throw new IllegalArgumentException("two models are named " + file + "; rename one");
        try (body) {
            Files.copy(body, model);
        }
        return model;
    }

    private static JsonObject json(BpmnImport.Result draft, String release, String name, String namespace) {
        JsonObject o = new JsonObject();
        o.put("release", release);
        o.put("name", name);
        o.put("namespace", namespace);
        o.put("turtle", CanonicalTurtle.write(draft.graph()));
        JsonArray review = new JsonArray();
        draft.review().forEach(review::add);
        o.put("review", review);
        JsonArray activities = new JsonArray();
        for (BpmnImport.Mapping m : draft.mappings()) {
            JsonObject a = new JsonObject();
            a.put("file", m.file());
            a.put("id", m.id());
            a.put("name", m.name());
            if (m.lane() != null) a.put("lane", m.lane());
            JsonObject parent = new JsonObject();
            parent.put("identifier", m.parent());
            parent.put("name", m.parentName());
            a.put("parent", parent);
            a.put("source", m.source().name());
            a.put("suggested", m.source() == BpmnImport.Source.suggested);
            JsonArray best = new JsonArray();
            for (ParentSuggestions.Suggestion s : m.suggestions()) {
                JsonObject x = new JsonObject();
                x.put("identifier", s.identifier());
                x.put("name", s.name());
                x.put("score", JsonNumber.value(Math.round(s.score() * 100) / 100.0));
                x.put("reason", s.reason());
                best.add(x);
            }
            a.put("suggestions", best);
            activities.add(a);
        }
        o.put("activities", activities);
        return o;
    }
}
