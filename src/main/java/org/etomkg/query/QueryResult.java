package org.etomkg.query;

import java.util.List;

import org.apache.jena.sparql.engine.binding.Binding;

/** The rows of a SELECT, materialised, with its column names in order. */
public record QueryResult(List<String> columns, List<Binding> rows) {
}
