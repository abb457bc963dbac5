package org.etomkg.extension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
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

    public ExtensionValidator(Path shapesDir, ReferenceFramework reference) {
        this.reference = reference;
        this.unionShapes = Shapes.parse(OntologyFiles.parse(shapesDir.resolve(UNION_SHAPES)));
        this.fileShapes = Shapes.parse(OntologyFiles.parse(shapesDir.resolve(FILE_SHAPES)));
    }

    /**
     * Validates the extension against the release its header names, or {@code releaseOverride}.
     * @throws ExtensionInputException when no release is named or the release is unknown
     */
    public ExtensionReport validate(Graph extension, Optional<String> releaseOverride) {
        return validate(extension, releaseOverride, ValidationBudget.unlimited());
    }

    /**
     * As {@link #validate(Graph, Optional)}, within a budget: the server's limit on what one request may cost.
     * @throws ValidationStoppedException when the budget runs out or is stopped
     */
    public ExtensionReport validate(Graph extension, Optional<String> releaseOverride, ValidationBudget budget) {
        Optional<Node> header = ExtensionHeader.find(extension);
        String release = releaseOverride.or(() -> header.flatMap(h -> ExtensionHeader.release(extension, h)))
            .orElseThrow(() -> new ExtensionInputException("the extension names no release it extends "
                + "(etom:extendsRelease on its etom:Extension header), and no --release was given"));
        if (!reference.releases().contains(release))
            throw new ExtensionInputException("unknown release '" + release + "': the store has " + reference.releases());

        Graph data = GraphFactory.createDefaultGraph();
        extension.find().forEachRemaining(data::add);
        if (releaseOverride.isPresent() && header.isPresent()) {
            data.remove(header.get(), ETOM.term("extendsRelease"), Node.ANY);
            data.add(Triple.create(header.get(), ETOM.term("extendsRelease"), NodeFactory.createURI(ETOM.release(release))));
        }
        referenceData(extension, release).find().forEachRemaining(data::add);

        ValidationReport own = ShaclValidator.get().validate(fileShapes, new BudgetedGraph(extension, budget));
        ValidationReport union = ShaclValidator.get().validate(unionShapes, new BudgetedGraph(data, budget));

        List<Finding> findings = new ArrayList<>();
        ValidationReport.Builder merged = ValidationReport.create();
        for (ReportEntry e : own.getEntries()) {
            merged.addReportEntry(e);
            findings.add(finding(e, data, fileShapes.getGraph()));
        }
        for (ReportEntry e : union.getEntries()) {
            merged.addReportEntry(e);
            findings.add(finding(e, data, unionShapes.getGraph()));
        }
        Model shacl = merged.build().getModel();
        shacl.setNsPrefixes(ModelFactory.createModelForGraph(extension).getNsPrefixMap());
        shacl.setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        shacl.setNsPrefix("rule", "https://w3id.org/etom-kg/shapes#");
        String name = header.map(Node::getURI).orElse("(no header)");
        return new ExtensionReport(name, release, findings, shacl);
    }

    /**
     * What the extension is validated together with: the targeted release, the meta-model, and
     * the names and identifiers of other releases' processes it points at, so the report can say
     * which release they are from and what the counterpart is. The benchmark builds its floor on this too.
     */
    public Graph referenceData(Graph extension, String target) {
        Graph data = GraphFactory.createDefaultGraph();
        reference.release(target).find().forEachRemaining(data::add);
        reference.metaModel().find().forEachRemaining(data::add);
        String prefix = ETOM.BASE + "release/";
        Set<Node> seen = new HashSet<>();
        extension.find().forEachRemaining(t -> {
            Node o = t.getObject();
            if (!o.isURI() || !o.getURI().startsWith(prefix) || !seen.add(o)) return;
            String rest = o.getURI().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) return;
            String version = rest.substring(0, slash);
            if (version.equals(target) || !reference.releases().contains(version)) return;
            Graph other = reference.release(version);
            for (Node p : List.of(RDF.type.asNode(), RDFS.label.asNode(), SKOS.notation.asNode(), SKOS.inScheme.asNode()))
                other.find(o, p, Node.ANY).forEachRemaining(data::add);
            Node rel = NodeFactory.createURI(ETOM.release(version));
            other.find(rel, Node.ANY, Node.ANY).forEachRemaining(data::add);
        });
        return data;
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
