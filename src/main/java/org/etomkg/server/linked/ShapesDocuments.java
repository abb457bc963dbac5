package org.etomkg.server.linked;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.etomkg.extension.ExtensionValidator;

/**
 * The SHACL shapes are files the server validates with, not data in the store: their IRIs
 * ({@code /shapes}, its hash IRIs {@code /shapes#...}, and {@code /shapes/file}) are answered
 * from the files themselves, each document the whole file, read when asked.
 */
final class ShapesDocuments {
    private final Map<String, Path> files;

    ShapesDocuments(Path shapesDir) {
        files = shapesDir == null ? Map.of() : Map.of(
            "/shapes", shapesDir.resolve(ExtensionValidator.UNION_SHAPES),
            "/shapes/file", shapesDir.resolve(ExtensionValidator.FILE_SHAPES));
    }

    boolean answers(ResourcePath path) { return files.containsKey(path.thing()); }

    /** The file's IRIs (the document's own, then its hash IRIs) and its statements; empty when the file is gone. */
    Optional<Descriptions.Found> read(ResourcePath path) {
        Path file = files.get(path.thing());
        if (file == null || !Files.isRegularFile(file)) return Optional.empty();
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(file).lang(Lang.TURTLE).parse(m);
        String iri = path.iri();
        TreeSet<String> terms = new TreeSet<>();
        m.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && s.getURI().startsWith(iri + "#")) terms.add(s.getURI());
        });
        List<Node> iris = new ArrayList<>();
        iris.add(NodeFactory.createURI(iri));
        terms.forEach(t -> iris.add(NodeFactory.createURI(t)));
        return Optional.of(new Descriptions.Found(iris, m));
    }
}
