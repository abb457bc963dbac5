package org.etomkg.archimate;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;

/**
 * The eTOM framework, and a CSP's extension when the graph holds one, as an ArchiMate 3.1 model in
 * The Open Group's Model Exchange File Format: the process hierarchy as business functions and
 * processes nested by composition, vertical groups as groupings, the extension's organisation,
 * applications, information and KPIs, optionally ODA components and Open APIs, a folder tree that
 * mirrors the hierarchy, a view per domain laid out like the eTOM map and a view per end-to-end flow.
 * Identifiers derive from our IRIs, so the same data always gives the same file.
 */
public final class ArchimateExport {
    private final ModelQueries queries;

    /** @param queries the queries folder; the export reads {@code archimate/*.rq} from it */
    public ArchimateExport(Path queries) {
        this.queries = new ModelQueries(queries);
    }

    /**
     * The model of the graph's release within the scope.
     *
     * @param data the release graph with the meta-model and the derived vertical groups, plus the
     *             extension and the frameworks graphs when they are to be exported
     * @param name the model's name
     * @throws IllegalArgumentException when the graph has no such release
     */
    public ArchimateModel model(Graph data, ExportScope scope, String name) {
        ModelContent content = new ModelBuilder(queries, scope, data).build();
        List<Diagram> diagrams = new ArrayList<>(MapLayout.domains(content));
        diagrams.addAll(FlowLayout.flows(content));
        return new ArchimateModel(ExchangeIds.of("model", name, scope.toString()), name, content.elements(), content.relationships(),
            Organisation.of(scope.release(), content, diagrams), diagrams);
    }

    /** Writes the model in the exchange format, UTF-8. */
    public static void write(ArchimateModel model, OutputStream out) {
        ExchangeWriter.write(model, out);
    }
}
