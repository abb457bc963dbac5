package org.etomkg.extension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.store.OntologyFiles;
import org.etomkg.vocab.ETOM;

/**
 * Validates a CSP extension against the shapes of {@code shapes/}: the extension's own triples
 * against {@code extension-file.ttl}, and the extension together with its targeted release
 * and the meta-model against {@code extension.ttl}. Reads the reference; changes nothing.
 */
public final class ExtensionValidator {
    public static final String UNION_SHAPES = "extension.ttl";
    public static final String FILE_SHAPES = "extension-file.ttl";

    private final ReferenceFramework reference;
    private final Shapes unionShapes;
    private final Shapes fileShapes;
    /** Per release validated, the release and the meta-model in one graph, copied for each validation (a copy of its arrays, not triple by triple). */
    private record Reference(Graph release, Graph metaModel, GraphMem2Fast graph) {}
    private final Map<String, Reference> references = new ConcurrentHashMap<>();

    public ExtensionValidator(Path shapesDir, ReferenceFramework reference) {
        this.reference = reference;
        this.unionShapes = Shapes.parse(OntologyFiles.parse(shapesDir.resolve(UNION_SHAPES)));
        this.fileShapes = Shapes.parse(OntologyFiles.parse(shapesDir.resolve(FILE_SHAPES)));
    }

    /**
     * Validates the extension against the release its header names, or {@code releaseOverride}.
     * Every input that parses and holds a header gets a report: a header that is doubled, a blank node or
     * names its release other than by the release's IRI is a finding of rule 1 (then, when no
     * release can be read at all, the report holds only the findings on the extension's own
     * triples and {@link ExtensionReport#release()} is null).
     * @throws ExtensionInputException when there is no header at all (and no override), the release named is unknown, or the extension is too
     *         deeply nested or too long to validate
     */
    public ExtensionReport validate(Graph extension, Optional<String> releaseOverride) {
        return validate(extension, releaseOverride, ValidationBudget.unlimited());
    }

    /**
     * As {@link #validate(Graph, Optional)}, within a budget: the server's limit on what one request may cost.
     * @throws ValidationStoppedException when the budget runs out or is stopped
     */
    public ExtensionReport validate(Graph extension, Optional<String> releaseOverride, ValidationBudget budget) {
        try {
            return validateOnce(extension, releaseOverride, budget);
        } catch (StackOverflowError e) {
            throw new ExtensionInputException("the extension is too deeply nested or too long to validate: a value or a chain "
                + "of statements goes deeper than the rules can follow (such as an identifier of thousands of parts, or a parent "
                + "chain thousands of processes deep); shorten it");
        }
    }

    private ExtensionReport validateOnce(Graph extension, Optional<String> releaseOverride, ValidationBudget budget) {
        List<Node> headers = ExtensionHeader.all(extension);
        if (headers.isEmpty() && releaseOverride.isEmpty())
            throw new ExtensionInputException("the extension header is missing: the data holds no etom:Extension, so it names no release "
                + "it extends. Fix: describe the extension once, as one etom:Extension with a name (rdfs:label), a publisher, a version, "
                + "the release it extends (etom:extendsRelease <https://w3id.org/etom-kg/release/25.5>) and its namespace (etom:namespace)");
        ReleaseNamed named = releaseOverride.map(r -> new ReleaseNamed(r, false)).orElseGet(() -> releaseNamed(extension, headers));
        String release = named == null ? null : named.version();
        if (release != null && !reference.releases().contains(release)) {
            if (named.fromText()) release = null;          // rule 1 says how to name it; nothing to validate against
            else throw new ExtensionInputException("unknown release '" + release + "': the store has " + reference.releases());
        }

        ValidationReport own = ShaclValidator.get().validate(fileShapes, new BudgetedGraph(extension, budget));
        List<Finding> findings = new ArrayList<>();
        ValidationReport.Builder merged = ValidationReport.create();
        Graph data = extension;
        if (release != null) {
            data = referenceCopy(release);
            extension.find().forEachRemaining(data::add);
            if (releaseOverride.isPresent() || named.fromText()) {
                Node iri = NodeFactory.createURI(ETOM.release(release));
                for (Node h : headers) {
                    data.remove(h, ETOM.term("extendsRelease"), Node.ANY);
                    data.add(Triple.create(h, ETOM.term("extendsRelease"), iri));
                }
            }
            addOtherVersions(data, extension, release);
            markMentions(extension, data);
        }
        for (ReportEntry e : own.getEntries()) {
            merged.addReportEntry(e);
            findings.add(finding(e, data, fileShapes.getGraph()));
        }
        if (release != null) {
            ValidationReport union = ShaclValidator.get().validate(unionShapes, new BudgetedGraph(data, budget));
            for (ReportEntry e : union.getEntries()) {
                merged.addReportEntry(e);
                findings.add(finding(e, data, unionShapes.getGraph()));
            }
        } else if (own.conforms()) {
            throw new ExtensionInputException("the extension names no release it extends (etom:extendsRelease on its "
                + "etom:Extension header), and no --release was given");
        }
        Model shacl = merged.build().getModel();
        shacl.setNsPrefixes(ModelFactory.createModelForGraph(extension).getNsPrefixMap());
        shacl.setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        shacl.setNsPrefix("rule", "https://w3id.org/etom-kg/shapes#");
        return new ExtensionReport(headerName(headers), release, findings, shacl);
    }

    /** The release the header names, and whether it was named by text instead of the release's IRI. */
    private record ReleaseNamed(String version, boolean fromText) {}

    private static ReleaseNamed releaseNamed(Graph extension, List<Node> headers) {
        String prefix = ETOM.release("");
        Set<String> byIri = new java.util.TreeSet<>(), byText = new java.util.TreeSet<>();
        for (Node h : headers)
            extension.find(h, ETOM.term("extendsRelease"), Node.ANY).forEachRemaining(t -> {
                Node o = t.getObject();
                if (o.isURI() && o.getURI().startsWith(prefix) && !o.getURI().substring(prefix.length()).contains("/")
                        && o.getURI().length() > prefix.length())
                    byIri.add(o.getURI().substring(prefix.length()));
                else if (o.isLiteral()) byText.add(o.getLiteralLexicalForm().strip());
            });
        Set<String> all = new java.util.TreeSet<>(byIri);
        all.addAll(byText);
        if (all.size() != 1) return null;
        String version = all.iterator().next();
        return new ReleaseNamed(version, byIri.isEmpty());
    }

    /** How a report names the extension: its header's IRI, or what is wrong with the header. */
    private static String headerName(List<Node> headers) {
        if (headers.isEmpty()) return "(no header)";
        if (headers.size() > 1) return "(" + headers.size() + " headers)";
        Node h = headers.get(0);
        return h.isURI() ? h.getURI() : "(a header without an IRI)";
    }

    /**
     * Marks each etom-kg IRI that the extension's own triples mention, in any position, with
     * {@code rule:mentioned true}: in the union with the release, a mention by the extension
     * could not be told from the release's own, and rule 8 checks that every mention resolves.
     * Meta-model terms and the extension's own namespace are left out.
     */
    private static void markMentions(Graph extension, Graph data) {
        List<String> own = ownNamespaces(extension);
        Set<Node> seen = new HashSet<>();
        extension.find().forEachRemaining(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()})
                if (isReference(n, own) && seen.add(n)) data.add(Triple.create(n, MENTIONED, TRUE));
        });
    }

    static final Node MENTIONED = NodeFactory.createURI("https://w3id.org/etom-kg/shapes#mentioned");
    private static final Node TRUE = NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean);

    private static List<String> ownNamespaces(Graph extension) {
        List<String> out = new ArrayList<>();
        extension.find(Node.ANY, ETOM.term("namespace"), Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            String ns = o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? o.getURI() : "";
            if (!ns.isEmpty() && !ns.startsWith(ETOM.BASE) && !ETOM.BASE.startsWith(ns)) out.add(ns);
        });
        return out;
    }

    /** An IRI of etom-kg's that is not a meta-model term nor under the extension's own namespace. */
    private static boolean isReference(Node n, List<String> own) {
        if (!n.isURI() || !n.getURI().startsWith(ETOM.BASE) || n.getURI().startsWith(ETOM.META_MODEL)) return false;
        for (String ns : own) if (n.getURI().startsWith(ns)) return false;
        return true;
    }

    /**
     * What the extension is validated together with: the targeted release, the meta-model, and
     * for each reference IRI the extension mentions that is no process of the targeted release,
     * what can be known of it: a process of another release (its names, identifier and release),
     * the processes of other releases with the identifier it names, and the crosswalk's links from
     * them to the targeted release, so the report can say which release it is from and what the
     * counterpart is. The benchmark builds its floor on this too.
     */
    public Graph referenceData(Graph extension, String target) {
        Graph data = referenceCopy(target);
        addOtherVersions(data, extension, target);
        return data;
    }

    /**
     * A graph of its own holding the release and the meta-model: a copy of one kept per release, taken again
     * when the reference hands out other graphs (a store loaded anew).
     */
    private Graph referenceCopy(String target) {
        Graph release = reference.release(target), metaModel = reference.metaModel();
        Reference kept = references.get(target);
        if (kept == null || kept.release() != release || kept.metaModel() != metaModel) {
            GraphMem2Fast both = new GraphMem2Fast();
            release.find().forEachRemaining(both::add);
            metaModel.find().forEachRemaining(both::add);
            kept = new Reference(release, metaModel, both);
            references.put(target, kept);
        }
        return kept.graph().copy();
    }

    /** The processes of other releases the extension mentions, with their versions along the crosswalk up to the target. */
    private void addOtherVersions(Graph data, Graph extension, String target) {
        Graph targetGraph = reference.release(target);
        String prefix = ETOM.BASE + "release/";
        Node targetRelease = NodeFactory.createURI(ETOM.release(target));
        List<String> own = ownNamespaces(extension);
        Set<Node> seen = new HashSet<>();
        Graph[] links = {null};
        extension.find().forEachRemaining(t -> {
            for (Node o : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
                if (!isReference(o, own) || !o.getURI().startsWith(prefix) || !seen.add(o)) continue;
                if (targetGraph.contains(o, SKOS.inScheme.asNode(), targetRelease)) continue;
                String rest = o.getURI().substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0 || !rest.startsWith("/process/", slash)) continue;
                String version = rest.substring(0, slash), id = rest.substring(slash + "/process/".length());
                if (links[0] == null) links[0] = reference.versionLinks();
                if (!version.equals(target)) {
                    if (reference.releases().contains(version)) addVersions(data, o, version, target, links[0]);
                } else {
                    // the nearest release that has the identifier: the latest before the target, else the first after it
                    List<String> before = new ArrayList<>(), after = new ArrayList<>();
                    for (String other : reference.releases())
                        if (!other.equals(target)) (ReleaseOrder.COMPARATOR.compare(other, target) < 0 ? before : after).add(other);
                    before.sort(ReleaseOrder.COMPARATOR.reversed());
                    after.sort(ReleaseOrder.COMPARATOR);
                    before.addAll(after);
                    for (String other : before) {
                        Node same = NodeFactory.createURI(ETOM.processNamespace(other) + id);
                        if (reference.release(other).contains(same, SKOS.inScheme.asNode(), Node.ANY)) {
                            addVersions(data, same, other, target, links[0]);
                            break;
                        }
                    }
                }
            }
        });
    }

    /** A process of another release, its release, and its versions along the crosswalk up to the targeted release. */
    private void addVersions(Graph data, Node process, String version, String target, Graph links) {
        addProcess(data, process, version);
        Node nextVersion = ETOM.term("nextVersion");
        boolean forward = ReleaseOrder.COMPARATOR.compare(version, target) < 0;   // walk towards the targeted release only
        {
            Node at = process;
            for (int step = 0; step < 20; step++) {
                var it = forward ? links.find(at, nextVersion, Node.ANY) : links.find(Node.ANY, nextVersion, at);
                if (!it.hasNext()) break;
                Triple link = it.next();
                data.add(link);
                at = forward ? link.getObject() : link.getSubject();
                String v = versionOf(at);
                if (v == null || v.equals(target)) break;
                if (reference.releases().contains(v)) addProcess(data, at, v);
            }
        }
    }

    private void addProcess(Graph data, Node process, String version) {
        Graph other = reference.release(version);
        for (Node p : List.of(RDF.type.asNode(), RDFS.label.asNode(), SKOS.notation.asNode(), SKOS.inScheme.asNode()))
            other.find(process, p, Node.ANY).forEachRemaining(data::add);
        Node rel = NodeFactory.createURI(ETOM.release(version));
        other.find(rel, Node.ANY, Node.ANY).forEachRemaining(data::add);
    }

    /** Release numbers in the order TM Forum published them (23.0.1 before 23.5 before 24.0). */
    private static final class ReleaseOrder {
        static final java.util.Comparator<String> COMPARATOR = (a, b) -> {
            String[] x = a.split("\\."), y = b.split("\\.");
            for (int i = 0; i < Math.max(x.length, y.length); i++) {
                int c = Integer.compare(i < x.length ? parse(x[i]) : 0, i < y.length ? parse(y[i]) : 0);
                if (c != 0) return c;
            }
            return 0;
        };
        private static int parse(String s) { try { return Integer.parseInt(s); } catch (NumberFormatException e) { return 0; } }
    }

    private static String versionOf(Node process) {
        String prefix = ETOM.BASE + "release/";
        if (!process.isURI() || !process.getURI().startsWith(prefix)) return null;
        String rest = process.getURI().substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(0, slash);
    }

    /** The named shape a result comes from: a blank property shape stands for the node shape that holds it. */
    private static String rule(Node source, Graph shapes) {
        if (source == null) return "(unknown rule)";
        if (source.isURI()) return source.getURI();
        var holders = shapes.find(Node.ANY, SHACL.property, source);
        try {
            return holders.hasNext() ? rule(holders.next().getSubject(), shapes) : source.toString();
        } finally {
            holders.close();
        }
    }

    private static Finding finding(ReportEntry e, Graph data, Graph shapes) {
        Finding.Severity severity = switch (e.severity().level().getLocalName()) {
            case "Warning" -> Finding.Severity.Warning;
            case "Info" -> Finding.Severity.Info;
            default -> Finding.Severity.Violation;
        };
        Node path = e.resultPath() == null ? null : org.apache.jena.shacl.engine.ShaclPaths.pathNode(e.resultPath());
        String rule = rule(e.source(), shapes);
        return new Finding(ProcessOf.label(e.focusNode(), data), e.focusNode(), path, e.value(), severity, rule, e.message());
    }
}
