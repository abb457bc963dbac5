package org.etomkg.archimate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;

/** The SPARQL of {@code queries/archimate/}, parsed once, run over the export's graph with the release bound in. */
final class ModelQueries {
    private final Path dir;
    private final Map<String, Query> parsed = new ConcurrentHashMap<>();

    ModelQueries(Path queries) { this.dir = queries.resolve("archimate"); }

    /** The rows of a query, each a solution; {@code release} is bound when the query asks for it. */
    List<QuerySolution> select(Graph data, String name, String release) {
        Query q = parsed.computeIfAbsent(name, this::read);
        Model model = ModelFactory.createModelForGraph(data);
        List<QuerySolution> out = new ArrayList<>();
        var builder = QueryExecution.model(model).query(q);
        if (release != null) builder = builder.substitution("release", ResourceFactory.createStringLiteral(release));
        try (QueryExecution qe = builder.build()) {
            qe.execSelect().forEachRemaining(out::add);
        }
        return out;
    }

    private Query read(String name) {
        Path file = dir.resolve(name + ".rq");
        try {
            return QueryFactory.create(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the query " + file + ": " + e.getMessage(), e);
        }
    }
}
