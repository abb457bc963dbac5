package org.etomkg.frameworks.rdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.frameworks.resolve.EtomCatalogue;
import org.etomkg.frameworks.resolve.EtomProcess;
import org.etomkg.frameworks.resolve.FrameworkFunction;
import org.etomkg.frameworks.resolve.FunctionIndex;
import org.etomkg.frameworks.resolve.FunctionResolution;
import org.etomkg.frameworks.resolve.ProcessResolution;
import org.etomkg.frameworks.resolve.ResolvedAbeLink;
import org.etomkg.frameworks.resolve.ResolvedComponent;
import org.etomkg.frameworks.resolve.ResolvedFrameworks;
import org.etomkg.frameworks.resolve.SidEntity;
import org.etomkg.frameworks.resolve.SidIndex;
import org.etomkg.frameworks.resolve.SidResolution;
import org.etomkg.frameworks.resolve.Status;
import org.etomkg.frameworks.source.AbeLinkRow;
import org.etomkg.frameworks.source.ApiUse;
import org.etomkg.frameworks.source.CitedEntry;
import org.etomkg.frameworks.source.ComponentSpec;
import org.etomkg.frameworks.source.OpenApiEntry;
import org.etomkg.frameworks.source.SidCatalogue;
import org.etomkg.vocab.ETOM;

/**
 * Builds the graphs of the generated files: one per source (the component specifications, the
 * Open API index, the link table, each SID and Functional Framework release) and the entry
 * ontology that imports them all. Every link is written twice: as a direct statement for
 * queries, and as a qualified {@code etom:FrameworkLink} node with its provenance.
 */
public final class FrameworkGraphs {
    /** Bumped when the shape of the generated files changes. */
    public static final String FORMAT_VERSION = "0.1.0";

    private static final Node ISSUED = GraphBuilder.iri(FrameworkIris.DCTERMS + "issued");

    /** One generated file: its name in the output folder, its ontology IRI and its statements, with the prefixes it uses. */
    public record GeneratedGraph(String fileName, String ontologyIri, Graph graph) {}

    private final EtomCatalogue etom;
    private final SidIndex sid;
    private final FunctionIndex functions;

    private FrameworkGraphs(ResolvedFrameworks m) {
        this.etom = m.etom();
        this.sid = m.sid();
        this.functions = m.functions();
    }

    /** The generated files for a resolved source folder, the entry ontology first. */
    public static List<GeneratedGraph> build(ResolvedFrameworks m) {
        return new FrameworkGraphs(m).graphs(m);
    }

    private List<GeneratedGraph> graphs(ResolvedFrameworks m) {
        List<GeneratedGraph> out = new ArrayList<>();
        out.add(openApis(m.apiIndexFile(), m.apis()));
        out.add(components(m.components(), m.apis()));
        out.add(abeLinks(m.linkTableFile(), m.links(), m.components()));
        sid.releases().forEach((r, c) -> out.add(sidRelease(c)));
        functions.releases().forEach((r, f) -> out.add(functionRelease(r, f)));
        out.add(0, entry(out));
        return out;
    }

    // ---- Open APIs --------------------------------------------------------------------------

    private GeneratedGraph openApis(String file, List<OpenApiEntry> entries) {
        GraphBuilder g = new GraphBuilder();
        g.ontology(FrameworkIris.OPEN_APIS_GRAPH, "TM Forum Open APIs",
            "The Open APIs of TM Forum's index: identifier, name and the versions the index lists. Facts only.",
            List.of(FrameworkIris.VOCABULARY_GRAPH), List.of(file));
        String src = g.sourceFile(file);
        Map<String, List<OpenApiEntry>> byId = new TreeMap<>();
        for (OpenApiEntry e : entries) byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        byId.forEach((id, versions) -> {
            versions.sort(Comparator.comparing(OpenApiEntry::version, FrameworkGraphs::compareVersions).reversed());
            String api = FrameworkIris.openApi(id);
            g.type(api, "OpenApi").label(api, versions.get(0).name()).text(api, GraphBuilder.NOTATION, id);
            versions.stream().map(OpenApiEntry::name).distinct().skip(1).forEach(n -> g.add(api, GraphBuilder.ALT_LABEL, GraphBuilder.en(n)));
            versions.forEach(v -> g.text(api, "publishedVersion", v.version()));
            g.add(api, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(src));
        });
        return generated(FrameworkIris.OPEN_APIS_FILE, FrameworkIris.OPEN_APIS_GRAPH, g.graph,
            prefixes("api", FrameworkIris.BASE + "open-api/"), "TM Forum Open APIs, from " + file);
    }

    // ---- ODA components ---------------------------------------------------------------------

    private GeneratedGraph components(List<ResolvedComponent> components, List<OpenApiEntry> index) {
        GraphBuilder g = new GraphBuilder();
        List<String> imports = new ArrayList<>(List.of(FrameworkIris.VOCABULARY_GRAPH, FrameworkIris.OPEN_APIS_GRAPH));
        etom.releases().forEach(r -> imports.add(ETOM.releaseGraph(r)));
        sid.releases().keySet().forEach(r -> imports.add(FrameworkIris.sidGraph(r)));
        functions.releases().keySet().forEach(r -> imports.add(FrameworkIris.functionsGraph(r)));
        g.ontology(FrameworkIris.COMPONENTS_GRAPH, "TM Forum ODA components and their links",
            "The ODA components of TM Forum's component specifications: identifier, name, functional block, specification version "
                + "and status; the eTOM processes each supports, resolved against the release the specification cites; the Open APIs "
                + "it exposes and depends on; the SID entities and Functional Framework functions it names. Each link is also a "
                + "qualified etom:FrameworkLink node with its source file, cited release and whether it is stated or derived.",
            imports, components.stream().map(c -> c.spec().file()).toList());
        Set<String> indexed = new LinkedHashSet<>();
        index.forEach(e -> indexed.add(e.id()));
        Map<String, String> unindexed = new TreeMap<>();
        for (ResolvedComponent rc : components) {
            ComponentSpec s = rc.spec();
            String c = FrameworkIris.component(s.id());
            String src = g.sourceFile(s.file());
            g.type(c, "OdaComponent").label(c, s.name()).text(c, GraphBuilder.NOTATION, s.id())
                .text(c, "functionalBlock", s.functionalBlock()).text(c, "specificationVersion", s.version())
                .text(c, "specificationStatus", s.status()).date(c, ISSUED, s.publicationDate())
                .add(c, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(src));
            for (int i = 0; i < rc.processes().size(); i++) processLink(g, s, c, src, i + 1, rc.processes().get(i));
            for (int i = 0; i < rc.functions().size(); i++) functionLink(g, s, c, src, i + 1, rc.functions().get(i));
            for (int i = 0; i < rc.sidEntities().size(); i++) sidLink(g, s, c, src, i + 1, rc.sidEntities().get(i));
            for (int i = 0; i < s.exposedApis().size(); i++) apiLink(g, s, c, src, "exposed-api", "ApiExposure", "exposesApi", i + 1, s.exposedApis().get(i));
            for (int i = 0; i < s.dependentApis().size(); i++) apiLink(g, s, c, src, "dependent-api", "ApiDependency", "dependsOnApi", i + 1, s.dependentApis().get(i));
            for (ApiUse a : concat(s.exposedApis(), s.dependentApis()))
                if (!indexed.contains(a.id())) unindexed.merge(a.id(), a.name() == null ? "" : a.name(), (x, y) -> x.isEmpty() ? y : x);
        }
        // APIs the specifications use but the index does not list: named by what a specification calls them, else their identifier.
        unindexed.forEach((id, name) -> {
            String api = FrameworkIris.openApi(id);
            g.type(api, "OpenApi").label(api, name.isEmpty() ? id : name).text(api, GraphBuilder.NOTATION, id);
        });
        return generated(FrameworkIris.COMPONENTS_FILE, FrameworkIris.COMPONENTS_GRAPH, g.graph, prefixes(
            "c", FrameworkIris.BASE + "oda-component/", "api", FrameworkIris.BASE + "open-api/", "src", FrameworkIris.BASE + "source/"),
            "TM Forum ODA components and their links to eTOM, Open APIs, SID and the Functional Framework");
    }

    private void processLink(GraphBuilder g, ComponentSpec s, String c, String src, int n, ProcessResolution r) {
        String link = FrameworkIris.componentLink(s.id(), "process", n);
        g.type(link, "ProcessSupport").label(link, s.id() + " process reference " + n + ": " + r.cited().parts().get(0) + " (v" + r.cited().release() + ")");
        // A resolved entry is the identifier, the release and the name the release gives the process (the target's
        // rdfs:label): the link keeps the identifier and release, and does not repeat the name.
        boolean resolved = r.status() == Status.RESOLVED;
        stated(g, link, c, src, r.cited(), r.status(), !resolved).text(link, "citedIdentifier", r.cited().parts().get(0));
        if (!resolved) g.text(link, "citedName", r.cited().spaced(1));
        if (r.target() != null) target(g, link, c, "supportsProcess", r.target().iri());
        if (r.candidate() != null) derivedProcess(g, link, c, src, s.id() + " process reference " + n, r, r.candidate(), "EarliestCatalogueMatch");
        for (EtomProcess q : r.carried()) derivedProcess(g, link, c, src, s.id() + " process reference " + n, r, q, r.carryRule());
    }

    private void derivedProcess(GraphBuilder g, String link, String c, String src, String label, ProcessResolution r, EtomProcess q, String rule) {
        String d = FrameworkIris.derivedLink(link, q.release());
        g.type(d, "ProcessSupport").label(d, label + " in " + q.release());
        derived(g, d, c, src, link, rule).text(d, "citedRelease", r.cited().release());
        target(g, d, c, "supportsProcess", q.iri());
    }

    private void functionLink(GraphBuilder g, ComponentSpec s, String c, String src, int n, FunctionResolution r) {
        String link = FrameworkIris.componentLink(s.id(), "function", n);
        g.type(link, "FunctionImplementation").label(link, s.id() + " function reference " + n + ": " + r.cited().parts().get(0) + " (v" + r.cited().release() + ")");
        stated(g, link, c, src, r.cited(), r.status()).text(link, "citedIdentifier", r.cited().parts().get(0)).text(link, "citedName", r.cited().spaced(1));
        if (r.target() != null) target(g, link, c, "implementsFunction", FrameworkIris.function(r.release(), r.target().id()));
    }

    private void sidLink(GraphBuilder g, ComponentSpec s, String c, String src, int n, SidResolution r) {
        String link = FrameworkIris.componentLink(s.id(), "sid", n);
        g.type(link, "SidEntityUse").label(link, s.id() + " SID reference " + n + " (v" + r.cited().release() + ")");
        CitedEntry e = r.cited();
        if (r.status() == Status.ENCLOSING) {
            derived(g, link, c, src, null, "EnclosingSidEntity").link(link, "resolution", ETOM.NS + r.status().term())
                .text(link, "citedRelease", e.release()).text(link, "sourceEntry", e.raw()).text(link, "sourceLocation", e.location())
                .text(link, "unresolvedPart", r.unresolvedPart());
        } else {
            stated(g, link, c, src, e, r.status());
        }
        g.text(link, "citedIdentifier", String.join("|", e.parts())).text(link, "citedName", e.spaced(e.parts().size() - 1));
        if (r.target() != null) target(g, link, c, "usesSidEntity", FrameworkIris.sidEntity(r.target()));
    }

    private void apiLink(GraphBuilder g, ComponentSpec s, String c, String src, String kind, String type, String property, int n, ApiUse a) {
        String link = FrameworkIris.componentLink(s.id(), kind, n);
        g.type(link, type).label(link, s.id() + " " + kind + " " + n + ": " + a.id());
        g.link(link, "linkFrom", c).bool(link, "statedBySource", true).text(link, "citedIdentifier", a.id())
            .text(link, "sourceEntry", a.entry()).text(link, "sourceLocation", a.location())
            .add(link, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(src));
        a.majorVersions().forEach(v -> g.integer(link, "apiMajorVersion", v));
        if (a.required() != null) g.bool(link, "required", a.required());
        target(g, link, c, property, FrameworkIris.openApi(a.id()));
    }

    /** The provenance of a link the source states. */
    private static GraphBuilder stated(GraphBuilder g, String link, String from, String src, CitedEntry e, Status status) {
        return stated(g, link, from, src, e, status, true);
    }

    private static GraphBuilder stated(GraphBuilder g, String link, String from, String src, CitedEntry e, Status status, boolean entry) {
        if (from != null) g.link(link, "linkFrom", from);
        if (entry) g.text(link, "sourceEntry", e.raw());
        return g.bool(link, "statedBySource", true).link(link, "resolution", ETOM.NS + status.term())
            .text(link, "citedRelease", e.release()).text(link, "sourceLocation", e.location())
            .add(link, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(src));
    }

    /** The provenance of a link etom-kg derived, from the stated link {@code from} (if any) by a rule. */
    private static GraphBuilder derived(GraphBuilder g, String link, String subject, String src, String from, String rule) {
        if (subject != null) g.link(link, "linkFrom", subject);
        g.bool(link, "statedBySource", false).link(link, "derivation", ETOM.NS + rule).add(link, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(src));
        if (from != null) g.add(link, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(from));
        return g;
    }

    private static void target(GraphBuilder g, String link, String subject, String property, String object) {
        g.link(link, "linkTo", object);
        if (subject != null) g.link(subject, property, object);
    }

    // ---- eTOM level 2 to SID ABE links -------------------------------------------------------

    private GeneratedGraph abeLinks(String file, List<ResolvedAbeLink> rows, List<ResolvedComponent> components) {
        GraphBuilder g = new GraphBuilder();
        g.ontology(FrameworkIris.ABE_LINKS_GRAPH, "eTOM processes to SID ABEs",
            "The links between eTOM processes and the SID entities they produce, consume or both, transcribed from the process-to-ABE "
                + "diagrams of TM Forum's component specifications, one qualified etom:ProcessInformationLink per row, resolved against "
                + "the releases the rows cite.",
            List.of(FrameworkIris.VOCABULARY_GRAPH, FrameworkIris.COMPONENTS_GRAPH), List.of(file));
        String src = g.sourceFile(file);
        Set<String> known = new LinkedHashSet<>();
        components.forEach(c -> known.add(c.spec().id()));
        for (ResolvedAbeLink l : rows) {
            AbeLinkRow row = l.row();
            if (row.kind() == AbeLinkRow.Kind.SECTION_HEADER) continue;   // not a link; the report lists it
            String via = known.contains(row.component()) ? FrameworkIris.component(row.component()) : null;
            String label = "eTOM-SID link table row " + row.ordinal() + " (" + row.component() + ")";
            if (row.kind() == AbeLinkRow.Kind.SID_TO_SID) {
                String link = FrameworkIris.abeLink(row.ordinal(), 1);
                rowProvenance(g, link, row, via, src).type(link, "InformationEntityLink").label(link, label);
                boolean stated = l.from() != null && l.from().status() == Status.RESOLVED && l.sid() != null && l.sid().status() == Status.RESOLVED;
                g.bool(link, "statedBySource", stated);
                if (!stated) g.link(link, "derivation", ETOM.NS + "EnclosingSidEntity");
                g.link(link, "resolution", ETOM.NS + (l.sid() == null ? Status.NOT_MATCHED : l.sid().status()).term());
                if (l.from() != null && l.from().target() != null) g.link(link, "linkFrom", FrameworkIris.sidEntity(l.from().target()));
                if (l.sid() != null && l.sid().target() != null) g.link(link, "linkTo", FrameworkIris.sidEntity(l.sid().target()));
                continue;
            }
            SidResolution s = l.sid();
            String entity = s != null && s.target() != null ? FrameworkIris.sidEntity(s.target()) : null;
            String direction = row.produces() && row.consumes() ? "ProducedAndConsumedByProcess" : row.produces() ? "ProducedByProcess" : "ConsumedByProcess";
            List<ProcessResolution> processes = l.processes().isEmpty() ? java.util.Collections.singletonList(null) : l.processes();
            for (int k = 0; k < processes.size(); k++) {
                ProcessResolution p = processes.get(k);
                String link = FrameworkIris.abeLink(row.ordinal(), k + 1);
                rowProvenance(g, link, row, via, src).type(link, "ProcessInformationLink").label(link, label + (processes.size() > 1 ? ", reference " + (k + 1) : ""))
                    .link(link, "informationDirection", ETOM.NS + direction)
                    .link(link, "resolution", ETOM.NS + (p == null ? Status.NOT_MATCHED : p.status()).term())
                    .link(link, "sidResolution", ETOM.NS + (s == null ? Status.NOT_MATCHED : s.status()).term())
                    .text(link, "citedName", p == null ? row.activity() : p.cited().spaced(1)).text(link, "citedSidEntity", row.sidEntity());
                boolean enclosing = s != null && s.status() == Status.ENCLOSING;
                g.bool(link, "statedBySource", !enclosing);
                if (enclosing) g.link(link, "derivation", ETOM.NS + "EnclosingSidEntity").text(link, "unresolvedPart", s.unresolvedPart());
                if (p != null) g.text(link, "citedIdentifier", p.cited().parts().get(0)).text(link, "citedRelease", p.cited().release());
                if (s != null) g.text(link, "citedSidRelease", s.cited().release());
                if (entity != null) g.link(link, "linkTo", entity);
                if (p != null && p.target() != null) {
                    g.link(link, "linkFrom", p.target().iri());
                    if (entity != null) information(g, p.target().iri(), entity, row);
                }
                if (p == null || entity == null) continue;
                List<EtomProcess> derived = new ArrayList<>();
                if (p.candidate() != null) derived.add(p.candidate());
                derived.addAll(p.carried());
                for (EtomProcess q : derived) {
                    String d = FrameworkIris.derivedLink(link, q.release());
                    g.type(d, "ProcessInformationLink").label(d, label + (processes.size() > 1 ? ", reference " + (k + 1) : "") + " in " + q.release());
                    derived(g, d, q.iri(), src, link, q == p.candidate() ? "EarliestCatalogueMatch" : p.carryRule())
                        .link(d, "informationDirection", ETOM.NS + direction).link(d, "linkTo", entity).text(d, "citedRelease", p.cited().release());
                    if (via != null) g.link(d, "viaComponent", via);
                    information(g, q.iri(), entity, row);
                }
            }
        }
        return generated(FrameworkIris.ABE_LINKS_FILE, FrameworkIris.ABE_LINKS_GRAPH, g.graph,
            prefixes("c", FrameworkIris.BASE + "oda-component/", "src", FrameworkIris.BASE + "source/", "row", FrameworkIris.BASE + "etom-sid-link/row/"),
            "eTOM processes to the SID entities they produce or consume, from " + file);
    }

    private static GraphBuilder rowProvenance(GraphBuilder g, String link, AbeLinkRow row, String via, String src) {
        if (via != null) g.link(link, "viaComponent", via);
        return g.text(link, "sourceEntry", row.text()).text(link, "sourceLocation", "line " + row.line())
            .add(link, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(src));
    }

    private static void information(GraphBuilder g, String process, String entity, AbeLinkRow row) {
        if (row.produces()) g.link(process, "producesAbe", entity);
        if (row.consumes()) g.link(process, "consumesAbe", entity);
    }

    // ---- SID -------------------------------------------------------------------------------

    private GeneratedGraph sidRelease(SidCatalogue c) {
        String r = c.release();
        GraphBuilder g = new GraphBuilder();
        g.ontology(FrameworkIris.sidGraph(r), "SID " + r,
            "The domains, aggregate business entities (ABEs) and business entities (BEs) of TM Forum's Information Framework (SID) "
                + "release " + r + " (" + c.sourceVersion() + "), as the catalogue export lists them. Names only; no TM Forum description text.",
            List.of(FrameworkIris.VOCABULARY_GRAPH), List.of(c.file()));
        String src = g.sourceFile(c.file());
        String scheme = FrameworkIris.sidRelease(r);
        g.type(scheme, "SidRelease").type(scheme, GraphBuilder.CONCEPT_SCHEME).label(scheme, "SID " + r)
            .text(scheme, "catalogueVersion", r).text(scheme, "sourceVersion", c.sourceVersion()).add(scheme, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(src));
        for (SidCatalogue.Domain d : c.domains()) {
            String domain = FrameworkIris.sidEntity(SidEntity.domain(r, d.name()));
            concept(g, domain, "SidDomain", d.name(), scheme).text(domain, GraphBuilder.NOTATION, d.token())
                .add(domain, SKOS.topConceptOf.asNode(), GraphBuilder.iri(scheme));
            for (SidCatalogue.Abe a : d.abes()) {
                String abe = FrameworkIris.sidEntity(SidEntity.abe(r, d.name(), a.name()));
                concept(g, abe, "SidAbe", a.name(), scheme).text(abe, GraphBuilder.NOTATION, a.token())
                    .add(abe, GraphBuilder.BROADER, GraphBuilder.iri(domain)).link(abe, "sidDomain", domain);
                for (SidCatalogue.Member m : a.members()) {
                    String member = FrameworkIris.sidEntity(SidEntity.member(r, d.name(), a.name(), m.abe(), m.name()));
                    concept(g, member, m.abe() ? "SidAbe" : "SidBe", m.name(), scheme)
                        .add(member, GraphBuilder.BROADER, GraphBuilder.iri(abe)).link(member, "sidDomain", domain);
                }
            }
        }
        return generated(FrameworkIris.sidFile(r), FrameworkIris.sidGraph(r), g.graph,
            prefixes("domain", FrameworkIris.sidRelease(r) + "/domain/", "abe", FrameworkIris.sidRelease(r) + "/abe/",
                "be", FrameworkIris.sidRelease(r) + "/be/", "src", FrameworkIris.BASE + "source/"),
            "SID release " + r + ", from " + c.file());
    }

    private static GraphBuilder concept(GraphBuilder g, String iri, String type, String label, String scheme) {
        return g.type(iri, type).type(iri, GraphBuilder.CONCEPT).label(iri, label).add(iri, GraphBuilder.IN_SCHEME, GraphBuilder.iri(scheme));
    }

    // ---- Functional Framework -------------------------------------------------------------

    private GeneratedGraph functionRelease(String r, Map<String, FrameworkFunction> fs) {
        var c = functions.catalogues().get(r);
        GraphBuilder g = new GraphBuilder();
        g.ontology(FrameworkIris.functionsGraph(r), "Functional Framework " + r,
            "The functions of TM Forum's Functional Framework release " + r + " (" + c.sourceVersion() + "): number, name and each place "
                + "the catalogue export gives them (domain, vertical groups, aggregate functions). Names only; no TM Forum description text.",
            List.of(FrameworkIris.VOCABULARY_GRAPH), List.of(c.file()));
        String src = g.sourceFile(c.file());
        String scheme = FrameworkIris.functionsRelease(r);
        g.type(scheme, "FunctionalFrameworkRelease").type(scheme, GraphBuilder.CONCEPT_SCHEME).label(scheme, "Functional Framework " + r)
            .text(scheme, "catalogueVersion", r).text(scheme, "sourceVersion", c.sourceVersion()).add(scheme, GraphBuilder.WAS_DERIVED_FROM, GraphBuilder.iri(src));
        for (FrameworkFunction f : fs.values()) {
            String fn = FrameworkIris.function(r, f.id());
            concept(g, fn, "Function", f.label(), scheme).text(fn, GraphBuilder.NOTATION, f.id());
            f.otherNames().forEach(n -> g.add(fn, GraphBuilder.ALT_LABEL, GraphBuilder.en(n)));
            if (!f.otherNames().isEmpty()) g.link(fn, "qualityFlag", ETOM.NS + "ConflictingNames");
            for (FrameworkFunction.Placement p : f.placements()) {
                // A placement has no identity of its own: a blank node, written inline under its function.
                Node pl = NodeFactory.createBlankNode();
                g.add(GraphBuilder.iri(fn), GraphBuilder.etom("placement"), pl).add(pl, GraphBuilder.TYPE, GraphBuilder.etom("FunctionPlacement"));
                placementValue(g, pl, "frameworkDomainName", p.domain());
                placementValue(g, pl, "verticalGroupNames", p.verticalGroups());
                placementValue(g, pl, "aggregateFunctionLevel1", p.aggregateLevel1());
                placementValue(g, pl, "aggregateFunctionLevel2", p.aggregateLevel2());
            }
        }
        return generated(FrameworkIris.functionsFile(r), FrameworkIris.functionsGraph(r), g.graph,
            prefixes("fn", FrameworkIris.functionsRelease(r) + "/function/", "src", FrameworkIris.BASE + "source/"),
            "Functional Framework release " + r + ", from " + c.file());
    }

    private static void placementValue(GraphBuilder g, Node placement, String property, String value) {
        if (value != null) g.add(placement, GraphBuilder.etom(property), NodeFactory.createLiteralString(value));
    }

    // ---- entry -----------------------------------------------------------------------------

    private GeneratedGraph entry(List<GeneratedGraph> parts) {
        GraphBuilder g = new GraphBuilder();
        List<String> imports = new ArrayList<>(List.of(ETOM.META_MODEL));
        etom.releases().forEach(r -> imports.add(ETOM.releaseGraph(r)));
        imports.add(FrameworkIris.VOCABULARY_GRAPH);
        parts.forEach(p -> imports.add(p.ontologyIri()));
        g.ontology(FrameworkIris.ENTRY_GRAPH, "etom-kg: eTOM with ODA components, Open APIs, SID and the Functional Framework",
            "Imports the etom-kg meta-model, the eTOM releases, the vocabulary for the other frameworks and every generated file of "
                + "ontology/frameworks/. Open this file in Protégé; catalog-v001.xml beside it resolves every import offline.",
            imports, List.of());
        return generated(FrameworkIris.ENTRY_FILE, FrameworkIris.ENTRY_GRAPH, g.graph, prefixes(),
            "Entry point for TM Forum's other frameworks linked to eTOM");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** A generated file; what it holds and how to regenerate it is an rdfs:comment on its header. */
    private static GeneratedGraph generated(String fileName, String ontologyIri, Graph g, Map<String, String> prefixes, String about) {
        g.getPrefixMapping().setNsPrefixes(prefixes);
        g.add(org.apache.jena.graph.Triple.create(GraphBuilder.iri(ontologyIri), org.apache.jena.vocabulary.RDFS.comment.asNode(), GraphBuilder.en(about
            + ".\nGenerated by etom-kg; do not edit by hand: regenerate with ./etom-kg import frameworks DIR (see frameworks-report.md).")));
        return new GeneratedGraph(fileName, ontologyIri, org.etomkg.rdf.Terms.declareNamedIndividuals(g));
    }

    private static Map<String, String> prefixes(String... extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("etom", ETOM.NS);
        p.put("owl", "http://www.w3.org/2002/07/owl#");
        p.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.put("skos", "http://www.w3.org/2004/02/skos/core#");
        p.put("dcterms", FrameworkIris.DCTERMS);
        p.put("prov", FrameworkIris.PROV);
        p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        for (int i = 0; i + 1 < extra.length; i += 2) p.put(extra[i], extra[i + 1]);
        return p;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Compares version numbers part by part as numbers (4.0.0 before 10.0.0). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }
}
