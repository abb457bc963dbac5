package org.etomkg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.ModelUtils;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.store.OntologyFiles;

/**
 * Where validation time goes, for one extension file: graph assembly, each shape alone in Jena
 * SHACL, and for each shape the SPARQL target query and every SPARQL constraint run the way
 * Jena SHACL runs them (once per focus node, {@code $this} pre-bound), each with a time budget.
 *
 * <p>Usage: {@code ShapeProfile EXT.nt [--shapes DIR] [--ontology DIR] [--budget SECONDS]
 * [--skip-shacl LOCALNAME,...] [--no-shacl] [--no-arq] [--full]}. {@code --full} also runs
 * {@code ExtensionValidator.validate} (twice, to show a warm figure).
 */
public final class ShapeProfile {
    static { org.apache.jena.sys.JenaSystem.init(); }

    private static double budget = 60;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path shapesDir = Path.of("shapes"), ontology = Path.of("ontology");
        boolean shacl = true, arq = true, full = false;
        Set<String> skip = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--shapes" -> shapesDir = Path.of(args[++i]);
                case "--ontology" -> ontology = Path.of(args[++i]);
                case "--budget" -> budget = Double.parseDouble(args[++i]);
                case "--skip-shacl" -> skip.addAll(List.of(args[++i].split(",")));
                case "--no-shacl" -> shacl = false;
                case "--no-arq" -> arq = false;
                case "--full" -> full = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t = System.nanoTime();
        Graph ext = ExtensionFiles.read(file);
        double read = Bench.secs(t);
        OntologyFolder reference = new OntologyFolder(ontology);
        t = System.nanoTime();
        reference.release("25.5");
        reference.metaModel();
        double refParse = Bench.secs(t);
        long withoutData = usedAfterGc();
        t = System.nanoTime();
        Graph data = Bench.dataGraph(ext, reference);
        double assemble = Bench.secs(t);
        t = System.nanoTime();
        Graph unionShapes = OntologyFiles.parse(shapesDir.resolve(ExtensionValidator.UNION_SHAPES));
        Graph fileShapes = OntologyFiles.parse(shapesDir.resolve(ExtensionValidator.FILE_SHAPES));
        double shapesParse = Bench.secs(t);
        System.out.printf("extension %s: %d triples; data graph %d triples%n", file, ext.size(), data.size());
        System.out.printf("read extension %.2f s | parse release 25.5 + meta-model %.2f s | assemble data graph %.2f s | parse shapes %.2f s%n",
            read, refParse, assemble, shapesParse);
        long withData = usedAfterGc();
        System.out.printf("heap in use after GC: %.0f MB with the extension, release and meta-model; %.0f MB more for the data graph (a copy of them all)%n",
            withoutData / 1048576.0, (withData - withoutData) / 1048576.0);

        if (shacl) {
            System.out.println();
            System.out.println("== Jena SHACL, one shape at a time (s, results)");
            double sum = 0;
            for (Object[] pair : new Object[][] {{fileShapes, ext, "extension-file.ttl on the extension"}, {unionShapes, data, "extension.ttl on the data graph"}}) {
                Graph sg = (Graph) pair[0];
                Graph dg = (Graph) pair[1];
                System.out.println("-- " + pair[2]);
                t = System.nanoTime();
                for (Node shape : Bench.nodeShapes(sg)) {
                    String name = local(shape);
                    if (skip.contains(name)) { System.out.printf("  %-28s skipped%n", name); continue; }
                    Shapes one = Shapes.parse(Bench.oneShape(sg, shape));
                    long t1 = System.nanoTime();
                    ValidationReport r = withBudget(name, () -> ShaclValidator.get().validate(one, dg));
                    double s = Bench.secs(t1);
                    sum += s;
                    System.out.printf("  %-28s %8.3f s %7d results%n", name, s, r.getEntries().size());
                }
            }
            System.out.printf("  sum %.3f s%n", sum);
        }

        if (arq) {
            System.out.println();
            System.out.println("== The same rules as ARQ queries: the target once, each constraint once per focus node ($this pre-bound as Jena SHACL does)");
            for (Object[] pair : new Object[][] {{fileShapes, ext}, {unionShapes, data}}) {
                Graph sg = (Graph) pair[0];
                Graph dg = (Graph) pair[1];
                for (Node shape : Bench.nodeShapes(sg)) profileArq(sg, shape, dg);
            }
        }

        if (full) {
            System.out.println();
            ExtensionValidator v = new ExtensionValidator(shapesDir, new OntologyFolder(ontology));
            for (int i = 1; i <= 2; i++) {
                t = System.nanoTime();
                ExtensionReport r = v.validate(ext, Optional.empty());
                System.out.printf("ExtensionValidator.validate run %d: %.3f s, %d findings%n", i, Bench.secs(t), r.findings().size());
            }
        }
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    interface Work<T> { T run() throws Exception; }

    /** Runs work; when it takes longer than the budget, says so and ends the JVM (Jena SHACL cannot be cancelled). */
    static <T> T withBudget(String name, Work<T> work) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep((long) (budget * 1000));
                System.out.printf("  %-28s > %.0f s: over the budget; stopping (rerun with --skip-shacl %s)%n", name, budget, name);
                System.out.flush();
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) { /* done in time */ }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try { return work.run(); } finally { watchdog.interrupt(); }
    }

    static String local(Node n) {
        String s = n.isURI() ? n.getURI() : n.toString();
        return s.substring(Math.max(s.lastIndexOf('#'), s.lastIndexOf('/')) + 1);
    }

    private static void profileArq(Graph shapes, Node shape, Graph data) {
        String prefixes = Floor.prefixes(shapes, shape);
        List<String> targets = new ArrayList<>();
        shapes.find(shape, SHACL.target, Node.ANY).forEachRemaining(tt -> {
            Node sel = Bench.one(shapes, tt.getObject(), SHACL.select);
            if (sel != null) targets.add(sel.getLiteralLexicalForm());
        });
        List<String> constraints = new ArrayList<>();
        shapes.find(shape, SHACL.sparql, Node.ANY).forEachRemaining(ct -> {
            Node sel = Bench.one(shapes, ct.getObject(), SHACL.select);
            if (sel != null) constraints.add(sel.getLiteralLexicalForm());
        });
        Set<Node> focus = new LinkedHashSet<>();
        shapes.find(shape, SHACL.targetNode, Node.ANY).forEachRemaining(tt -> focus.add(tt.getObject()));
        if (targets.isEmpty() && constraints.isEmpty()) {
            System.out.printf("%-28s (Core constraints only; see the floor)%n", local(shape));
            return;
        }
        Model model = ModelFactory.createModelForGraph(data);
        long t = System.nanoTime();
        boolean partial = false;
        for (String q : targets) {
            try (QueryExecution qe = QueryExecution.create().query(QueryFactory.create(prefixes + q)).model(model)
                    .timeout((long) (budget * 1000), TimeUnit.MILLISECONDS).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    Node n = rs.nextBinding().get(Var.alloc("this"));
                    if (n != null) focus.add(n);
                }
            } catch (QueryCancelledException e) {
                partial = true;
            }
        }
        double targetS = Bench.secs(t);
        StringBuilder sb = new StringBuilder();
        double total = targetS;
        int ci = 0;
        for (String c : constraints) {
            ci++;
            Query q = QueryFactory.create(prefixes + c);
            long t0 = System.nanoTime();
            int done = 0, rows = 0;
            for (Node f : focus) {
                QuerySolutionMap qsm = new QuerySolutionMap();
                qsm.add("this", ModelUtils.convertGraphNodeToRDFNode(f, model));
                qsm.add("currentShape", ModelUtils.convertGraphNodeToRDFNode(shape, model));
                qsm.add("shapesGraph", model.createResource("foo"));
                DatasetGraph dsg = DatasetGraphFactory.createGeneral(data);
                dsg.addGraph(org.apache.jena.graph.NodeFactory.createURI("foo"), shapes);
                Dataset ds = DatasetFactory.wrap(dsg);
                double left = budget - Bench.secs(t0);
                if (left <= 0) break;
                try (@SuppressWarnings("removal") QueryExecution qe = QueryExecution.create().query(q).dataset(ds).initialBinding(qsm)
                        .timeout((long) (left * 1000), TimeUnit.MILLISECONDS).build()) {
                    ResultSet rs = qe.execSelect();
                    while (rs.hasNext()) { Binding b = rs.nextBinding(); rows++; }
                    done++;
                } catch (QueryCancelledException e) {
                    break;
                }
            }
            double s = Bench.secs(t0);
            double perFocus = done == 0 ? Double.NaN : s / done;
            double extrapolated = done == focus.size() ? s : perFocus * focus.size();
            total += extrapolated;
            sb.append(String.format("%n    constraint %d: %d/%d focus nodes in %.3f s (%.0f us each)%s, %d rows", ci, done, focus.size(), s,
                perFocus * 1e6, done == focus.size() ? "" : String.format(", ~%.0f s for all", extrapolated), rows));
        }
        System.out.printf("%-28s target%s %.3f s -> %d focus nodes; total ~%.3f s%s%n", local(shape),
            partial ? " (cut at budget)" : "", targetS, focus.size(), total, sb);
    }

}
