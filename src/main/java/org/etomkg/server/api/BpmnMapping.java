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
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.etomkg.bpmn.BpmnImport;
import org.etomkg.bpmn.ImportedDraft;
import org.etomkg.vocab.ETOM;
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

    /**
     * {@code POST /api/mapping/draft} (a draft as Turtle, as {@code import bpmn} writes it) or {@code GET
     * /api/mapping/draft?extension=NAME} (a stored one): the draft opened again for mapping, in the same
     * shape as {@link #draft}, the chosen parents ({@code parent.FILE#ID=IDENTIFIER}) applied to it.
     */
    static JsonObject reopen(Graph stored, HttpServletRequest req, ReleaseSuggestions suggestions) {
        Node extendsRelease = null;
        var it = stored.find(Node.ANY, EXTENDS_RELEASE, Node.ANY);
        if (it.hasNext()) extendsRelease = it.next().getObject();
        it.close();
        String asked = req.getParameter("release");
        if ((asked == null || asked.isBlank()) && extendsRelease != null && extendsRelease.isURI())
            asked = extendsRelease.getURI().substring(extendsRelease.getURI().lastIndexOf('/') + 1);
        String release = suggestions.release(asked);
        ImportedDraft draft = new ImportedDraft(stored, suggestions.graph(release));
        Map<String, String> chosen = new LinkedHashMap<>();
        for (var e : req.getParameterMap().entrySet())
            if (e.getKey().startsWith(PARENT)) chosen.put(e.getKey().substring(PARENT.length()), e.getValue()[e.getValue().length - 1].strip());
        chosen.forEach(draft::reparent);
        ParentSuggestions engine = suggestions.of(release);
        JsonObject o = new JsonObject();
        o.put("release", release);
        Node label = first(draft.graph(), RDFS.label.asNode(), EXTENSION);
        o.put("name", label == null ? "" : label.getLiteralLexicalForm());
        Node ns = first(draft.graph(), NAMESPACE, null);
        o.put("namespace", ns == null ? "" : ns.getLiteralLexicalForm());
        o.put("turtle", CanonicalTurtle.write(draft.graph()));
        JsonArray review = new JsonArray();
        JsonArray activities = new JsonArray();
        for (ImportedDraft.Activity a : draft.activities()) {
            int hash = a.key().lastIndexOf('#');
            JsonObject x = new JsonObject();
            x.put("file", a.key().substring(0, hash));
            x.put("id", a.key().substring(hash + 1));
            x.put("name", a.name());
            if (a.lane() != null) x.put("lane", a.lane());
            JsonObject parent = new JsonObject();
            parent.put("identifier", a.parent());
            parent.put("name", a.parentName());
            x.put("parent", parent);
            String source = chosen.containsKey(a.key()) ? "chosen" : a.suggested() ? "suggested" : "model";
            x.put("source", source);
            x.put("suggested", a.suggested());
            if (a.suggested()) review.add(a.key() + " \"" + a.name() + "\": parent " + a.parent() + " was suggested; review it");
            x.put("suggestions", suggestionsJson(ImportedDraft.suggestions(engine, a, ALTERNATIVES)));
            activities.add(x);
        }
        o.put("review", review);
        o.put("activities", activities);
        return o;
    }

    private static final Node EXTENDS_RELEASE = ETOM.term("extendsRelease"), NAMESPACE = ETOM.term("namespace"), EXTENSION = ETOM.term("Extension");

    /** The object of the first {@code ?s p ?o} whose subject has {@code type} (any subject when null). */
    private static Node first(Graph g, Node p, Node type) {
        for (var t : g.find(Node.ANY, p, Node.ANY).toList())
            if (type == null || g.contains(t.getSubject(), RDF.type.asNode(), type)) return t.getObject();
        return null;
    }

    private static JsonArray suggestionsJson(List<ParentSuggestions.Suggestion> suggestions) {
        JsonArray best = new JsonArray();
        for (ParentSuggestions.Suggestion s : suggestions) {
            JsonObject x = new JsonObject();
            x.put("identifier", s.identifier());
            x.put("name", s.name());
            x.put("score", JsonNumber.value(Math.round(s.score() * 100) / 100.0));
            x.put("reason", s.reason());
            best.add(x);
        }
        return best;
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
            a.put("suggestions", suggestionsJson(m.suggestions()));
            activities.add(a);
        }
        o.put("activities", activities);
        return o;
    }
}
