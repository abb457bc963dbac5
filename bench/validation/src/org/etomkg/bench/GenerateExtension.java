package org.etomkg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Writes a synthetic CSP extension of N extension processes to N-Triples, deterministically
 * (seeded), under real level-3 and level-4 processes of eTOM release 25.5.
 *
 * <p>Shape of the data: trees of the CSP's own processes of depth 1 to 3 hang under randomly
 * chosen reference processes (fan-out 2 to 6); one RACI assignment set per 5 processes (one
 * Accountable, one Responsible, sometimes a Consulted or Informed); a KPI with three
 * measurements for 1 process in 20; about 5% specialise a reference process and 10% consume or
 * produce an information entity; N/2000 end-to-end flows of 5 to 12 steps; N/1000 applications;
 * not-applicable markers on level-5+ reference processes; local names on a few reference
 * processes.
 *
 * <p>A small, fixed fraction breaks a rule on purpose, chosen by sequence number so the counts
 * are exact; they are written beside the output as {@code OUT.planted.tsv} (category, count,
 * rule expected to report it).
 *
 * <p>Usage: {@code GenerateExtension N OUT.nt [--seed S] [--ontology DIR]}
 */
public final class GenerateExtension {
    static { org.apache.jena.sys.JenaSystem.init(); }   // before the vocabulary constants below
    static final String ETOM = "https://w3id.org/etom-kg/ontology#";
    static final String RELEASE = "https://w3id.org/etom-kg/release/25.5";
    static final String NS = "https://csp.example/etom/";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String OWL = "http://www.w3.org/2002/07/owl#";

    private static final String[] VERBS = {"Capture", "Validate", "Enrich", "Assess", "Approve", "Schedule", "Allocate",
        "Configure", "Activate", "Monitor", "Analyse", "Resolve", "Escalate", "Notify", "Reconcile", "Archive",
        "Prepare", "Review", "Track", "Close"};
    private static final String[] OBJECTS = {"Customer Order", "Service Request", "Trouble Ticket", "Billing Account",
        "Product Offer", "Resource Reservation", "Work Order", "Credit Check", "Number Porting", "SIM Activation",
        "Fibre Installation", "Field Visit", "Partner Settlement", "Usage Record", "Payment Plan", "Dunning Notice",
        "Network Fault", "Capacity Plan", "Contract Renewal", "Loyalty Reward", "Retention Offer", "Appointment",
        "Shipment", "Device Swap", "Roaming Agreement", "Tariff Change", "Complaint", "Refund", "Quote", "Site Survey"};

    private final SplittableRandom rng;
    private final int n;
    private final StreamRDF out;
    private final List<Ref> parents;        // level 3 and 4 of 25.5: parents, and targets of references
    private final List<Ref> leaves;         // level 5+: targets of not-applicable markers
    private final Map<String, Integer> childCount = new HashMap<>();
    private final java.util.Set<String> usedIds = new java.util.HashSet<>();
    private final Map<String, String> lastRefChildLabel = new HashMap<>();
    private final Map<String, Integer> planted = new LinkedHashMap<>();
    private final Map<String, String> plantedRule = new LinkedHashMap<>();
    private long triples;
    private int seq;        // processes made
    private int sets;       // RACI assignment sets made
    private int kpis, measurements;
    private final List<Node> madeSample = new ArrayList<>();   // every 97th process, for flows and applications
    private Node firstParent;
    private String lastId;                                    // the reference parent of process 1

    record Ref(Node iri, String notation, int level) {}

    private GenerateExtension(int n, long seed, List<Ref> parents, List<Ref> leaves, StreamRDF out) {
        this.n = n;
        this.rng = new SplittableRandom(seed);
        this.parents = parents;
        this.leaves = leaves;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateExtension N OUT.nt [--seed S] [--ontology DIR]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0].replace("_", ""));
        Path file = Path.of(args[1]);
        long seed = 20260101L;
        Path ontology = Path.of("ontology");
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--ontology" -> ontology = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Graph release = RDFDataMgr.loadGraph(ontology.resolve("releases/etom-25.5.ttl").toString());
        List<Ref> parents = new ArrayList<>(), leaves = new ArrayList<>();
        Node inScheme = SKOS.inScheme.asNode(), level = NodeFactory.createURI(ETOM + "level");
        Node rel = NodeFactory.createURI(RELEASE);
        release.find(Node.ANY, inScheme, rel).forEachRemaining(t -> {
            Node s = t.getSubject();
            String id = literal(release, s, SKOS.notation.asNode());
            String lv = literal(release, s, level);
            if (id == null || lv == null || !id.matches("1(\\.[0-9]+)+")) return;
            int l = Integer.parseInt(lv);
            if (l == 3 || l == 4) parents.add(new Ref(s, id, l));
            else if (l >= 5) leaves.add(new Ref(s, id, l));
        });
        Comparator<Ref> byId = Comparator.comparing(Ref::notation);
        Map<String, Integer> referenceChildren = new HashMap<>();   // highest child number the reference uses under each process
        release.find(Node.ANY, SKOS.notation.asNode(), Node.ANY).forEachRemaining(t -> {
            String id = t.getObject().getLiteralLexicalForm();
            int dot = id.lastIndexOf('.');
            if (dot > 0 && id.substring(dot + 1).matches("[0-9]+"))
                referenceChildren.merge(id.substring(0, dot), Integer.parseInt(id.substring(dot + 1)), Math::max);
        });
        parents.sort(byId);
        leaves.sort(byId);

        Files.createDirectories(file.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        GenerateExtension g;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StreamRDF stream = StreamRDFLib.writer(os);
            stream.start();
            g = new GenerateExtension(n, seed, parents, leaves, stream);
            g.childCount.putAll(referenceChildren);
            g.generate();
            stream.finish();
        }
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(file + ".planted.tsv")))) {
            pw.println("category\tcount\trule");
            g.planted.forEach((k, v) -> pw.println(k + "\t" + v + "\t" + g.plantedRule.get(k)));
        }
        System.err.printf("generated %d processes, %d assignment sets, %d KPIs, %d measurements, %d triples in %.1f s -> %s%n",
            g.seq, g.sets, g.kpis, g.measurements, g.triples, (System.nanoTime() - t0) / 1e9, file);
    }

    private static String literal(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            Node o = it.hasNext() ? it.next().getObject() : null;
            return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
        } finally { it.close(); }
    }

    // ---- building blocks

    private static Node iri(String s) { return NodeFactory.createURI(s); }
    private static Node etom(String local) { return iri(ETOM + local); }
    private static Node en(String s) { return NodeFactory.createLiteralLang(s, "en"); }
    private static Node str(String s) { return NodeFactory.createLiteralString(s); }
    private static Node integer(long v) { return NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger); }
    private static Node decimal(String v) { return NodeFactory.createLiteralDT(v, XSDDatatype.XSDdecimal); }

    private static final Node TYPE = RDF.type.asNode(), LABEL = RDFS.label.asNode(), NOTATION = SKOS.notation.asNode(),
        DEFINITION = SKOS.definition.asNode(), IN_SCHEME = SKOS.inScheme.asNode(),
        EXT_PROCESS = etom("ExtensionProcess"), PARENT = etom("parent"), LEVEL = etom("level"),
        EXT = iri(NS + "extension");

    private void t(Node s, Node p, Node o) {
        out.triple(Triple.create(s, p, o));
        triples++;
    }

    private void plant(String category, String rule) {
        planted.merge(category, 1, Integer::sum);
        plantedRule.putIfAbsent(category, rule);
    }

    // ---- the extension

    private void generate() {
        header();
        List<Node> units = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            Node u = iri(NS + "unit/" + i);
            t(u, TYPE, iri(ORG + "OrganizationalUnit"));
            t(u, LABEL, en("Unit " + i));
            units.add(u);
        }
        for (int i = 1; i <= 50; i++) {
            Node r = iri(NS + "role/" + i);
            t(r, TYPE, iri(ORG + "Role"));
            t(r, LABEL, en("Role " + i));
            units.add(r);
        }
        for (int i = 1; i <= 50; i++) {
            Node ie = iri(NS + "information/" + i);
            t(ie, TYPE, etom("InformationEntity"));
            t(ie, LABEL, en(OBJECTS[i % OBJECTS.length] + " record " + i));
        }
        while (seq < n) {
            Ref parent = parents.get(rng.nextInt(parents.size()));
            int r = rng.nextInt(10);
            int depth = r < 2 ? 0 : r < 6 ? 1 : 2;
            process(parent.iri(), parent.notation(), parent.level(), depth, null, units);
        }
        cycle();
        flows();
        applications();
        markers();
        localNames();
    }

    private void header() {
        t(EXT, TYPE, etom("Extension"));
        t(EXT, LABEL, en("Synthetic CSP process model"));
        t(EXT, iri(DCT + "publisher"), iri(NS + "csp"));
        t(EXT, iri(OWL + "versionInfo"), str("2026.1"));
        t(EXT, etom("extendsRelease"), iri(RELEASE));
        t(EXT, etom("namespace"), NodeFactory.createLiteralDT(NS, XSDDatatype.XSDanyURI));
        t(iri(NS + "csp"), TYPE, iri(ORG + "Organization"));
        t(iri(NS + "csp"), LABEL, en("Synthetic CSP"));
    }

    /**
     * One process under parent, then (depth > 0) 2 to 6 children each with depth - 1.
     * previousSiblingLabel is the label of the sibling made just before, when the parent is
     * one of ours (for reference parents it is looked up).
     */
    private String process(Node parent, String parentId, int parentLevel, int depth, String previousSiblingLabel, List<Node> units) {
        if (seq >= n) return null;
        int i = ++seq;
        Node p = iri(NS + "process/" + i);
        if (i % 97 == 0) madeSample.add(p);
        // TM Forum's rule alone can give two processes one identifier (our child 1 of 1.5.4.5 has a
        // child 2.5.4.5.1.1, as does our child 1 of the reference's 1.5.4.5.1): numbers under a
        // reference parent start after the reference's own children, and a used number is skipped.
        String stem = "2." + parentId.substring(parentId.indexOf('.') + 1) + ".";
        int k;
        String id;
        do {
            k = childCount.merge(parentId, 1, Integer::sum);
            id = stem + k;
        } while (!usedIds.add(id));
        int level = parentLevel + 1;
        String label = VERBS[rng.nextInt(VERBS.length)] + " " + OBJECTS[rng.nextInt(OBJECTS.length)] + " " + i;
        boolean refParent = parentId.startsWith("1.");
        if (refParent) previousSiblingLabel = lastRefChildLabel.get(parentId);
        if (i == 1) firstParent = parent;

        // Deliberate faults, by sequence number so the counts are exact.
        if (i % 1000 == 500) {               // 0.1%: identifier does not extend the parent's path
            id = "2.99." + i;
            plant("identifier does not extend parent's path", "R03-Numbering");
        } else if (i % 10000 == 1234) {      // 0.01%: identifier not in TM Forum's format (kept a leaf)
            id = id + "a";
            depth = 0;
            plant("identifier not in numbering format", "R03-Numbering");
        }
        if (i % 10000 == 777 && lastId != null) {   // 0.01%: the identifier of the process made before (kept a leaf)
            id = lastId;
            depth = 0;
            plant("identifier used twice (pairs)", "R04-UniqueIdentifier");
        }
        lastId = id;
        if (i % 2000 == 1000) {              // 0.05%: level is not the parent's plus one
            level = parentLevel + 2;
            plant("level is not parent's plus one", "R03-Numbering");
        }
        if (i % 2000 == 1501 && previousSiblingLabel != null) {   // 0.05%: same name as a sibling
            label = previousSiblingLabel.toUpperCase();
            plant("duplicate sibling name (pairs)", "R04-UniqueSiblingName");
        }
        Node parentNode = parent;
        if (i % 10000 == 4321) {             // 0.01%: parent that does not exist (kept a leaf)
            parentNode = iri(NS + "process/missing-" + i);
            depth = 0;
            plant("parent does not exist", "R02-Parent");
        }

        t(p, TYPE, EXT_PROCESS);
        t(p, IN_SCHEME, EXT);
        t(p, NOTATION, str(id));
        t(p, LEVEL, integer(level));
        t(p, LABEL, en(label));
        if (i % 10000 == 2345) {             // 0.01%: a second English name
            t(p, LABEL, en(label + " (old name)"));
            plant("two English names", "R05-EnglishLabel");
        }
        if (i % 100 == 50) plant("no definition (warning)", "R05-Definition");
        else t(p, DEFINITION, en("Makes sure that the " + label.toLowerCase() + " step is done right first time."));
        t(p, PARENT, parentNode);
        if (rng.nextInt(20) == 0) t(p, etom("specialises"), parents.get(rng.nextInt(parents.size())).iri());
        if (rng.nextInt(10) == 0)
            t(p, rng.nextBoolean() ? etom("consumes") : etom("produces"), iri(NS + "information/" + (1 + rng.nextInt(50))));
        if (refParent) lastRefChildLabel.put(parentId, label);

        if (i % 5 == 0) assignments(p, units);
        if (i % 20 == 3) kpi(p);

        String previous = null;
        if (depth > 0) {
            int fan = 2 + rng.nextInt(5);
            for (int c = 0; c < fan && seq < n; c++)
                previous = process(p, id, level, depth - 1, previous, units);
        }
        return label;
    }

    private void assignments(Node process, List<Node> units) {
        int s = ++sets;
        Node ref = null;
        if (s % 50 == 25 && s / 50 < parents.size()) ref = parents.get(s / 50).iri();   // a few sets on reference processes
        for (Node target : ref == null ? List.of(process) : List.of(process, ref)) {
            boolean noAccountable = s % 100 == 37, twoAccountable = s % 200 == 99, badAgent = s % 1000 == 500,
                badRole = s % 1000 == 700;
            if (target != process) noAccountable = twoAccountable = badAgent = badRole = false;
            String base = NS + "assignment/" + s + (target == process ? "" : "r");
            int a = 0;
            if (noAccountable) plant("no Accountable", "R09-OneAccountable");
            else assignment(base + "-" + ++a, target, units.get(rng.nextInt(units.size())), "Accountable");
            if (twoAccountable) {
                assignment(base + "-" + ++a, target, units.get(rng.nextInt(units.size())), "Accountable");
                plant("two Accountables", "R09-OneAccountable");
            }
            Node agent = units.get(rng.nextInt(units.size()));
            if (badAgent) {
                agent = iri(NS + "person/" + s);          // not a unit or role
                plant("agent not a unit or role", "R09-Assignment");
            }
            assignment(base + "-" + ++a, target, agent, badRole ? "Owner" : "Responsible");
            if (badRole) plant("RACI role not R, A, C or I", "R09-Assignment");
            if (rng.nextBoolean())
                assignment(base + "-" + ++a, target, units.get(rng.nextInt(units.size())), rng.nextBoolean() ? "Consulted" : "Informed");
        }
    }

    private void assignment(String iri, Node process, Node agent, String raci) {
        Node a = iri(iri);
        t(a, TYPE, etom("Assignment"));
        t(a, etom("process"), process);
        t(a, etom("agent"), agent);
        t(a, etom("raci"), etom(raci));
    }

    private void kpi(Node process) {
        int k = ++kpis;
        Node kpi = iri(NS + "kpi/" + k);
        t(kpi, TYPE, etom("Kpi"));
        t(kpi, LABEL, en("KPI " + k + " first-time-right rate"));
        t(kpi, etom("measures"), process);
        if (k % 100 == 42) plant("KPI without unit", "R10-Kpi");
        else t(kpi, etom("unit"), str("percent"));
        t(kpi, etom("direction"), etom(rng.nextBoolean() ? "HigherIsBetter" : "LowerIsBetter"));
        if (k % 500 == 77) {
            t(kpi, etom("target"), str("high"));
            plant("KPI target not a number", "R10-Kpi");
        } else t(kpi, etom("target"), decimal("95.0"));
        for (int j = 1; j <= 3; j++) {
            int m = ++measurements;
            Node mm = iri(NS + "kpi/" + k + "/m" + j);
            t(mm, TYPE, etom("Measurement"));
            t(mm, etom("kpi"), kpi);
            if (m % 1000 == 456) {
                t(mm, etom("value"), str("n/a"));
                plant("measurement value not a number", "R10-Measurement");
            } else t(mm, etom("value"), decimal(90 + rng.nextInt(10) + "." + rng.nextInt(10)));
            if (m % 1000 == 123) {
                t(mm, etom("period"), str("March 2026"));
                plant("measurement period unusable", "R10-Measurement");
            } else if (j == 3) t(mm, etom("period"), str("2026-Q1"));
            else t(mm, etom("period"), NodeFactory.createLiteralDT("2026-0" + j, XSDDatatype.XSDgYearMonth));
        }
    }

    /** Two of our processes that are each other's parent: one cycle, whatever the size. */
    private void cycle() {
        Node a = iri(NS + "process/cycle-a"), b = iri(NS + "process/cycle-b");
        for (Node[] x : new Node[][] {{a, b}, {b, a}}) {
            t(x[0], TYPE, EXT_PROCESS);
            t(x[0], IN_SCHEME, EXT);
            t(x[0], NOTATION, str(x[0] == a ? "2.99.0.1" : "2.99.0.1.1"));
            t(x[0], LEVEL, integer(x[0] == a ? 5 : 6));
            t(x[0], LABEL, en(x[0] == a ? "Loop Upper" : "Loop Lower"));
            t(x[0], DEFINITION, en("Part of a deliberate loop."));
            t(x[0], PARENT, x[1]);
        }
        plant("processes in a parent cycle (2)", "R06-NoCycle");
    }

    private Node someProcess() {
        if (!madeSample.isEmpty() && rng.nextBoolean()) return madeSample.get(rng.nextInt(madeSample.size()));
        return parents.get(rng.nextInt(parents.size())).iri();
    }

    private void flows() {
        int flows = Math.max(5, n / 2000);
        for (int f = 1; f <= flows; f++) {
            Node flow = iri(NS + "flow/" + f);
            t(flow, TYPE, etom("EndToEndFlow"));
            t(flow, LABEL, en("Flow " + f));
            int steps = 5 + rng.nextInt(8);
            for (int s = 1; s <= steps; s++) {
                Node step = iri(NS + "flow/" + f + "/step/" + s);
                t(flow, etom("step"), step);
                t(step, TYPE, etom("FlowStep"));
                int pos = (f == 1 && s >= 3) ? s + 1 : s;     // flow 1 skips position 3
                t(step, etom("position"), integer(pos));
                t(step, etom("process"), (f == 2 && s == 2) ? iri(NS + "process/missing-step") : someProcess());
            }
        }
        plant("flow with a gap in its positions", "R11-FlowOrder");
        plant("flow step on a process that does not exist", "R11-FlowStep");
    }

    private void applications() {
        int apps = Math.max(3, n / 1000);
        for (int a = 1; a <= apps; a++) {
            Node app = iri(NS + "application/" + a);
            t(app, TYPE, etom("Application"));
            t(app, LABEL, en("Application " + a));
            int k = 1 + rng.nextInt(5);
            for (int j = 0; j < k; j++) t(app, etom("supports"), someProcess());
            if (a == 1) t(app, etom("supports"), iri(NS + "process/missing-app"));
        }
        plant("application supports a process that does not exist", "R08-ProcessReference");
    }

    private void markers() {
        int m = Math.min(20, leaves.size());
        for (int i = 0; i < m; i++) {
            Node mk = iri(NS + "not-applicable/" + i);
            t(mk, TYPE, etom("NotApplicable"));
            t(mk, etom("process"), leaves.get(i * (leaves.size() / m)).iri());
            if (i == 0) plant("not-applicable marker without reason", "R12-NotApplicable");
            else t(mk, etom("reason"), en("Not offered by this CSP"));
        }
        Node mk = iri(NS + "not-applicable/used");    // on a process the extension builds on
        t(mk, TYPE, etom("NotApplicable"));
        t(mk, etom("process"), firstParent);
        t(mk, etom("reason"), en("Outsourced"));
        plant("not-applicable marker on a process the extension builds on", "R12-NotApplicable");
    }

    private void localNames() {
        for (int i = 0; i < Math.min(parents.size(), Math.max(10, n / 1000)); i++)
            t(parents.get(i).iri(), etom("localName"), NodeFactory.createLiteralLang("Lokaler Name " + i, "de"));
        t(parents.get(0).iri(), LABEL, en("Something else"));    // changes the reference
        plant("extension changes a reference statement", "R07-ReferenceUnchanged");
    }
}
