package org.etomkg.frameworks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.etomkg.frameworks.rdf.FrameworkGraphs.GeneratedGraph;
import org.etomkg.frameworks.resolve.ResolvedFrameworks;

/**
 * What {@link FrameworksImport#read} made of a source folder: the resolved model, the graph of
 * every generated file, and the text of every file to write (Turtle, the Protégé catalog and
 * the report), by file name.
 */
public final class FrameworksContent {
    private final ResolvedFrameworks model;
    private final List<GeneratedGraph> graphs;
    private final Map<String, String> files;

    FrameworksContent(ResolvedFrameworks model, List<GeneratedGraph> graphs, Map<String, String> files) {
        this.model = model;
        this.graphs = List.copyOf(graphs);
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The sources read and every reference resolved. */
    public ResolvedFrameworks model() { return model; }

    /** The file names to write and their text, in writing order. */
    public Map<String, String> files() { return files; }

    /** The graph of one generated Turtle file, by file name. */
    public Graph graph(String fileName) {
        return graphs.stream().filter(g -> g.fileName().equals(fileName)).findFirst().map(GeneratedGraph::graph)
            .orElseThrow(() -> new IllegalArgumentException("no generated file " + fileName));
    }

    /** The generated Turtle files with their graphs, the entry ontology first. */
    public List<GeneratedGraph> graphs() { return graphs; }

    /** One line for the command line: what was read and linked. */
    public String summary() {
        long refs = model.components().stream().mapToLong(c -> c.processes().size()).sum();
        long unresolved = model.components().stream().flatMap(c -> c.processes().stream()).filter(p -> !p.status().resolved()).count();
        long differ = model.components().stream().flatMap(c -> c.processes().stream())
            .filter(p -> p.status() == org.etomkg.frameworks.resolve.Status.NAME_DIFFERS).count();
        return model.components().size() + " components, " + refs + " eTOM references (" + unresolved + " unresolved, " + differ
            + " with a name that differs), " + model.apis().stream().map(a -> a.id()).distinct().count() + " Open APIs, "
            + model.sid().releases().size() + " SID releases, " + model.functions().releases().size() + " Functional Framework releases, "
            + model.links().size() + " link table rows";
    }
}
