package org.etomkg.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The floor: the shapes' rules as plain SPARQL SELECTs that find the violating nodes, derived
 * mechanically from the shapes files. For a shape with SPARQL-based targets, its target queries
 * (they select exactly the violators); for a shape with an sh:targetNode and SPARQL
 * constraints, the constraints with {@code $this} substituted; for a shape with sh:targetClass
 * and Core property constraints (R01-Header), one SELECT per sh:minCount/sh:maxCount,
 * sh:class and sh:datatype. No validator can find the violators with less work than this;
 * it gives no per-violator details.
 */
final class Floor {
    private Floor() {}

    /** Print each query's time to stderr as it finishes (-Dfloor.trace=true). */
    static final boolean TRACE = Boolean.getBoolean("floor.trace");

    /** One floor query: the rule (shape) it stands for, and whether it runs over the extension alone. */
    record Rule(String shape, boolean extensionOnly, String label, Query query, Node bindThis) {}

    static List<Rule> rules(Graph fileShapes, Graph unionShapes) {
        List<Rule> out = new ArrayList<>();
        rules(fileShapes, true, out);
        rules(unionShapes, false, out);
        return out;
    }

    private static void rules(Graph shapes, boolean extensionOnly, List<Rule> out) {
        for (Node shape : Bench.nodeShapes(shapes)) {
            String name = ShapeProfile.local(shape);
            String prefixes = prefixes(shapes, shape);
            int[] k = {0};
            shapes.find(shape, SHACL.target, Node.ANY).forEachRemaining(t -> {
                Node sel = Bench.one(shapes, t.getObject(), SHACL.select);
                if (sel != null)
                    out.add(new Rule(name, extensionOnly, "target " + ++k[0], QueryFactory.create(prefixes + sel.getLiteralLexicalForm()), null));
            });
            shapes.find(shape, SHACL.targetNode, Node.ANY).forEachRemaining(tn ->
                shapes.find(shape, SHACL.sparql, Node.ANY).forEachRemaining(c -> {
                    Node sel = Bench.one(shapes, c.getObject(), SHACL.select);
                    out.add(new Rule(name, extensionOnly, "constraint on " + NodeFmtLib.strNT(tn.getObject()),
                        QueryFactory.create(prefixes + sel.getLiteralLexicalForm()), tn.getObject()));
                }));
            shapes.find(shape, SHACL.targetClass, Node.ANY).forEachRemaining(tc -> {
                String cls = "?this rdf:type/rdfs:subClassOf* " + NodeFmtLib.strNT(tc.getObject()) + " .";
                shapes.find(shape, SHACL.property, Node.ANY).forEachRemaining(ps -> {
                    Node ps1 = ps.getObject();
                    Node path = Bench.one(shapes, ps1, SHACL.path);
                    if (path == null || !path.isURI()) throw new IllegalStateException(name + ": only simple paths are supported");
                    String p = NodeFmtLib.strNT(path);
                    Node min = Bench.one(shapes, ps1, SHACL.minCount), max = Bench.one(shapes, ps1, SHACL.maxCount);
                    String pre = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
                    if (min != null || max != null) {
                        String cond = (min != null ? "?count < " + min.getLiteralLexicalForm() : "false")
                            + " || " + (max != null ? "?count > " + max.getLiteralLexicalForm() : "false");
                        out.add(new Rule(name, extensionOnly, "count of " + p, QueryFactory.create(pre
                            + "SELECT ?this ?count WHERE { { SELECT ?this (COUNT(?o) AS ?count) WHERE { " + cls
                            + " OPTIONAL { ?this " + p + " ?o } } GROUP BY ?this } FILTER (" + cond + ") }"), null));
                    }
                    Node c = Bench.one(shapes, ps1, SHACL.class_);
                    if (c != null)
                        out.add(new Rule(name, extensionOnly, "class of " + p, QueryFactory.create(pre + "SELECT ?this ?value WHERE { " + cls
                            + " ?this " + p + " ?value . FILTER NOT EXISTS { ?value rdf:type/rdfs:subClassOf* " + NodeFmtLib.strNT(c) + " } }"), null));
                    Node dt = Bench.one(shapes, ps1, SHACL.datatype);
                    if (dt != null)
                        out.add(new Rule(name, extensionOnly, "datatype of " + p, QueryFactory.create(pre + "SELECT ?this ?value WHERE { " + cls
                            + " ?this " + p + " ?value . FILTER (!ISLITERAL(?value) || DATATYPE(?value) != " + NodeFmtLib.strNT(dt) + ") }"), null));
                });
            });
        }
    }

    /** PREFIX lines for every sh:declare in the shapes graph (all shapes here share one declaration node). */
    static String prefixes(Graph shapes, Node shape) {
        StringBuilder sb = new StringBuilder();
        TreeMap<String, String> decl = new TreeMap<>();
        shapes.find(Node.ANY, SHACL.declare, Node.ANY).forEachRemaining(t -> {
            Node p = Bench.one(shapes, t.getObject(), SHACL.prefix), ns = Bench.one(shapes, t.getObject(), SHACL.namespace);
            if (p != null && ns != null) decl.put(p.getLiteralLexicalForm(), ns.getLiteralLexicalForm());
        });
        decl.forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return sb.toString();
    }

    /** The outcome of running the floor once. */
    record Outcome(double seconds, double cpuSeconds, List<double[]> perRule, TreeMap<String, Set<Node>> violators) {}

    static Outcome run(List<Rule> rules, Graph extension, Graph data) {
        Model ext = ModelFactory.createModelForGraph(extension), all = ModelFactory.createModelForGraph(data);
        TreeMap<String, Set<Node>> violators = new TreeMap<>();
        List<double[]> per = new ArrayList<>();
        long t0 = System.nanoTime(), c0 = Bench.cpu();
        for (Rule r : rules) {
            long t = System.nanoTime(), c = Bench.cpu();
            var b = QueryExecution.create().query(r.query()).model(r.extensionOnly() ? ext : all);
            if (r.bindThis() != null) b = b.substitution("this", ext.asRDFNode(r.bindThis()));
            Set<Node> v = violators.computeIfAbsent(r.shape(), s -> new LinkedHashSet<>());
            int rows = 0;
            try (QueryExecution qe = b.build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    Binding row = rs.nextBinding();
                    rows++;
                    Node n = row.get(Var.alloc("this"));
                    v.add(n != null ? n : r.bindThis());
                }
            }
            per.add(new double[] {Bench.secs(t), rows, Bench.cpuSecs(c)});
            if (TRACE) System.err.printf("  [floor] %-28s %-34s %8.3f s %8.3f s cpu %8d rows%n", r.shape(), r.label(), Bench.secs(t), Bench.cpuSecs(c), rows);
        }
        return new Outcome(Bench.secs(t0), Bench.cpuSecs(c0), per, violators);
    }
}
