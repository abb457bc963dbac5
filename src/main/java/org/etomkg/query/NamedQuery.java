package org.etomkg.query;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.query.Query;

/**
 * A query from {@code queries/NAME.rq}: its header (title, description, parameters, and for
 * quality checks a severity and message) and the parsed query the parameters are bound into.
 */
public record NamedQuery(String name, Path file, String title, String description, List<QueryParameter> parameters,
                         Optional<String> severity, Optional<String> message, Query query) {

    public Optional<QueryParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
