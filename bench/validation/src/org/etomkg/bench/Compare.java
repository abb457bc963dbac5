package org.etomkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.store.OntologyFiles;

/**
 * Compares the findings of one size: Jena SHACL against TopBraid (as sets and as multisets of
 * focus node, source shape, result path), Jena SHACL's violating nodes per shape against the
 * floor's, and the per-rule counts against what the generator planted.
 *
 * <p>Usage: {@code Compare JENA.tsv TOPBRAID.tsv|- FLOOR.tsv PLANTED.tsv [--shapes DIR]}. Prints
 * details, then a last line {@code agree=yes|no|n/a floor_match=yes|no ...}.
 */
public final class Compare {
    static { org.apache.jena.sys.JenaSystem.init(); }

    public static void main(String[] args) throws IOException {
        Path shapesDir = args.length > 5 && args[4].equals("--shapes") ? Path.of(args[5]) : Path.of("shapes");
        List<String> jena = Files.readAllLines(Path.of(args[0]));
        List<String> topbraid = args[1].equals("-") ? null : Files.readAllLines(Path.of(args[1]));
        List<String> floor = Files.readAllLines(Path.of(args[2]));
        List<String> planted = Files.readAllLines(Path.of(args[3]));

        // 1. Jena SHACL against TopBraid.
        String agree = "n/a";
        int onlyJ = 0, onlyT = 0;
        if (topbraid != null) {
            Map<String, Integer> mj = counts(jena), mt = counts(topbraid);
            Set<String> sj = mj.keySet(), st = mt.keySet();
            List<String> jNotT = new ArrayList<>(), tNotJ = new ArrayList<>(), multi = new ArrayList<>();
            for (String k : sj) if (!st.contains(k)) jNotT.add(k);
            for (String k : st) if (!sj.contains(k)) tNotJ.add(k);
            for (String k : sj) if (st.contains(k) && !mj.get(k).equals(mt.get(k))) multi.add(k + "\t(Jena " + mj.get(k) + ", TopBraid " + mt.get(k) + ")");
            onlyJ = jNotT.size();
            onlyT = tNotJ.size();
            boolean sameSet = jNotT.isEmpty() && tNotJ.isEmpty();
            agree = sameSet ? (multi.isEmpty() ? "yes" : "yes (as sets; counts differ)") : "no";
            System.out.printf("Jena SHACL vs TopBraid: %d vs %d results; distinct (focus, shape, path): %d vs %d; only in Jena %d, only in TopBraid %d, same key with other multiplicity %d%n",
                jena.size(), topbraid.size(), sj.size(), st.size(), jNotT.size(), tNotJ.size(), multi.size());
            if (!sameSet || !multi.isEmpty()) {
                System.out.println("  differences by shape (only Jena / only TopBraid / other multiplicity):");
                Map<String, int[]> byShape = new TreeMap<>();
                jNotT.forEach(k -> byShape.computeIfAbsent(k.split("\t")[1], x -> new int[3])[0]++);
                tNotJ.forEach(k -> byShape.computeIfAbsent(k.split("\t")[1], x -> new int[3])[1]++);
                multi.forEach(k -> byShape.computeIfAbsent(k.split("\t")[1], x -> new int[3])[2]++);
                byShape.forEach((s, c) -> System.out.printf("    %-60s %5d / %5d / %5d%n", s, c[0], c[1], c[2]));
                jNotT.stream().limit(5).forEach(k -> System.out.println("  only in Jena:     " + k));
                tNotJ.stream().limit(5).forEach(k -> System.out.println("  only in TopBraid: " + k));
                multi.stream().limit(5).forEach(k -> System.out.println("  multiplicity:     " + k));
            }
        }

        // 2. Jena SHACL's focus nodes per shape against the floor's violators.
        Map<String, String> propertyShapeOwner = propertyShapeOwners(shapesDir);
        Set<String> jenaFocus = new TreeSet<>();
        for (String k : jena) {
            String[] f = k.split("\t");
            String shape = f[1].startsWith("[property shape on ") ? propertyShapeOwner.getOrDefault(f[2], f[1]) : local(f[1]);
            jenaFocus.add(f[0] + "\t" + shape);
        }
        Set<String> floorFocus = new TreeSet<>(floor);
        Set<String> jNotF = new TreeSet<>(jenaFocus), fNotJ = new TreeSet<>(floorFocus);
        jNotF.removeAll(floorFocus);
        fNotJ.removeAll(jenaFocus);
        boolean floorMatch = jNotF.isEmpty() && fNotJ.isEmpty();
        System.out.printf("Jena SHACL focus nodes vs floor violators (per shape): %d vs %d; %s%n", jenaFocus.size(), floorFocus.size(),
            floorMatch ? "the same" : "only in SHACL " + jNotF.size() + ", only in floor " + fNotJ.size());
        jNotF.stream().limit(5).forEach(k -> System.out.println("  only in SHACL: " + k));
        fNotJ.stream().limit(5).forEach(k -> System.out.println("  only in floor: " + k));

        // 3. Per rule: planted faults against findings.
        Map<String, Integer> plantedByRule = new TreeMap<>(), foundByRule = new TreeMap<>(), focusByRule = new TreeMap<>();
        for (String line : planted.subList(1, planted.size())) {
            String[] f = line.split("\t");
            plantedByRule.merge(f[2], Integer.parseInt(f[1]), Integer::sum);
        }
        for (String k : jena) {
            String[] f = k.split("\t");
            String shape = f[1].startsWith("[property shape on ") ? propertyShapeOwner.getOrDefault(f[2], f[1]) : local(f[1]);
            foundByRule.merge(shape, 1, Integer::sum);
        }
        for (String k : jenaFocus) focusByRule.merge(k.split("\t")[1], 1, Integer::sum);
        Set<String> rules = new TreeSet<>(plantedByRule.keySet());
        rules.addAll(foundByRule.keySet());
        System.out.println("  rule                          planted  focus nodes  results   (planted counts faults; a fault can make several results)");
        for (String r : rules)
            System.out.printf("  %-28s %8s %12s %8s%n", r, plantedByRule.getOrDefault(r, 0), focusByRule.getOrDefault(r, 0), foundByRule.getOrDefault(r, 0));

        System.out.printf("agree=%s only_jena=%d only_topbraid=%d floor_match=%s findings=%d%n", agree.startsWith("yes") ? "yes" : agree,
            onlyJ, onlyT, floorMatch ? "yes" : "no", jena.size());
    }

    static Map<String, Integer> counts(List<String> lines) {
        Map<String, Integer> m = new TreeMap<>();
        for (String l : lines) if (!l.isBlank()) m.merge(l, 1, Integer::sum);
        return m;
    }

    static String local(String ntIri) {
        String s = ntIri.replaceAll("^<|>$", "");
        return s.substring(Math.max(s.lastIndexOf('#'), s.lastIndexOf('/')) + 1);
    }

    /** For each property shape path (N-Triples form), the local name of the node shape holding it. */
    static Map<String, String> propertyShapeOwners(Path shapesDir) {
        Map<String, String> out = new TreeMap<>();
        for (String f : List.of(ExtensionValidator.UNION_SHAPES, ExtensionValidator.FILE_SHAPES)) {
            Graph g = OntologyFiles.parse(shapesDir.resolve(f));
            g.find(Node.ANY, SHACL.property, Node.ANY).forEachRemaining(t -> {
                Node path = Bench.one(g, t.getObject(), SHACL.path);
                if (path != null) out.put(NodeFmtLib.strNT(path), ShapeProfile.local(t.getSubject()));
            });
        }
        return out;
    }
}
