package org.etomkg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.OntologyFolder;

/**
 * Times SPARQL queries over the data graph the validator builds for an extension: a tool for
 * trying a rewrite of a shape's query before changing the shape. Each query file runs K times
 * (default 3); prints each run's wall and CPU time (of this thread), the row count and the distinct ?this values' count.
 *
 * <p>Usage: {@code QueryTime EXT.nt QUERY.rq... [--iterations K] [--ontology DIR] [--show]}
 */
public final class QueryTime {
    static { org.apache.jena.sys.JenaSystem.init(); }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path ontology = Path.of("ontology");
        int iterations = 3;
        boolean show = false;
        java.util.List<Path> queries = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--ontology" -> ontology = Path.of(args[++i]);
                case "--show" -> show = true;
                default -> queries.add(Path.of(args[i]));
            }
        }
        Graph data = Bench.dataGraph(ExtensionFiles.read(file), new OntologyFolder(ontology));
        Model model = ModelFactory.createModelForGraph(data);
        for (Path qf : queries) {
            Query q = QueryFactory.create(Files.readString(qf));
            StringBuilder times = new StringBuilder();
            long rows = 0;
            Set<String> these = new TreeSet<>();
            for (int it = 0; it < iterations; it++) {
                long t = System.nanoTime(), c = Bench.cpu();
                rows = 0;
                these.clear();
                try (QueryExecution qe = QueryExecution.create().query(q).model(model).build()) {
                    ResultSet rs = qe.execSelect();
                    while (rs.hasNext()) {
                        Binding b = rs.nextBinding();
                        rows++;
                        Node n = b.get(Var.alloc("this"));
                        if (n != null) these.add(NodeFmtLib.strNT(n));
                    }
                }
                times.append(String.format(" %.3f/%.3f", Bench.secs(t), Bench.cpuSecs(c)));
            }
            System.out.printf("%-28s wall/cpu s:%s | rows %d | distinct ?this %d%n", qf.getFileName(), times, rows, these.size());
            if (show) these.forEach(s -> System.out.println("    " + s));
        }
    }
}
