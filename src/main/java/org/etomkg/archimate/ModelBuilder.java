package org.etomkg.archimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;

/**
 * Reads the release (and an extension, and the frameworks when asked) from a graph through the
 * queries of {@code queries/archimate/} and maps it to ArchiMate elements and relationships. The
 * mapping is the one the README's "To ArchiMate" section describes.
 */
final class ModelBuilder {
    private record Process(String iri, String identifier, String name, int level, String parent, int row) {}

    private final ModelQueries queries;
    private final ExportScope scope;
    private final Graph data;
    private final Map<String, Element> byIri = new HashMap<>();
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, Integer> rowOf = new HashMap<>();
    private final Map<String, Relationship> relationships = new LinkedHashMap<>();
    private final Map<Element, List<Element>> groupsOf = new HashMap<>();
    private final List<ModelContent.Flow> flows = new ArrayList<>();

    ModelBuilder(ModelQueries queries, ExportScope scope, Graph data) {
        this.queries = queries;
        this.scope = scope;
        this.data = data;
    }

    ModelContent build() {
        Map<String, Process> reference = new HashMap<>();
        for (QuerySolution s : queries.select(data, "reference-processes", scope.release())) {
            String iri = s.getResource("process").getURI();
            reference.put(iri, new Process(iri, str(s, "identifier"), str(s, "name"), s.getLiteral("level").getInt(),
                s.contains("parent") ? s.getResource("parent").getURI() : null, s.contains("row") ? s.getLiteral("row").getInt() : 9));
        }
        if (reference.isEmpty()) throw new IllegalArgumentException("no release " + scope.release() + " in the data");

        List<QuerySolution> extension = queries.select(data, "extension-processes", null);
        Set<String> wanted = new HashSet<>();
        for (Process p : reference.values()) if (scope.covers(p.level)) wanted.add(p.iri);
        for (String iri : referencedByExtension(extension)) {
            // up to the domain, so that a pulled-in process is never left without its ancestors
            for (String at = iri; at != null && reference.containsKey(at); at = reference.get(at).parent) wanted.add(at);
        }
        for (String iri : wanted) {
            Process p = reference.get(iri);
            Element e = element(iri, p.level <= 2 ? ElementType.BusinessFunction : ElementType.BusinessProcess, p.name,
                props(PropertyKey.IDENTIFIER, p.identifier, PropertyKey.LEVEL, String.valueOf(p.level), PropertyKey.RELEASE, scope.release()));
            if (p.parent != null) parentOf.put(iri, p.parent);
            rowOf.put(e.id(), p.row);
        }
        Map<String, String> specialises = new TreeMap<>();
        for (QuerySolution s : extension) {
            String iri = s.getResource("process").getURI();
            if (byIri.containsKey(iri)) continue;
            SortedMap<PropertyKey, String> props = props(PropertyKey.IDENTIFIER, str(s, "identifier"));
            if (s.contains("level")) props.put(PropertyKey.LEVEL, str(s, "level"));
            element(iri, ElementType.BusinessProcess, str(s, "name"), s.contains("definition") ? str(s, "definition") : null, props);
            if (s.contains("parent")) parentOf.put(iri, s.getResource("parent").getURI());
            if (s.contains("specialises")) specialises.put(iri, s.getResource("specialises").getURI());
        }
        Map<Element, List<Element>> children = new HashMap<>();
        List<Element> roots = new ArrayList<>();
        for (Element e : List.copyOf(byIri.values())) {
            Element parent = byIri.get(parentOf.get(iriOf(e)));
            if (parent == null) roots.add(e);
            else {
                relate(RelationshipType.Composition, parent, e, null);
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(e);
            }
        }
        specialises.forEach((child, general) -> {
            Element c = byIri.get(child), g = byIri.get(general);
            if (g != null && g.type() == c.type()) relate(RelationshipType.Specialization, c, g, null);
        });
        verticalGroups();
        organisation(queries.select(data, "agents", null));
        applications();
        information();
        kpis();
        flows();
        if (scope.frameworks()) frameworks();

        Map<Element, String> key = new HashMap<>();
        for (Element e : byIri.values()) key.put(e, sortKey(e));
        Comparator<Element> order = Comparator.comparing((Element e) -> e.type().ordinal()).thenComparing(key::get, ModelBuilder::compareKeys);
        Comparator<Element> byTree = Comparator.comparing(key::get, ModelBuilder::compareKeys);
        children.values().forEach(l -> l.sort(byTree));
        roots.sort(Comparator.comparing((Element e) -> rowOf.getOrDefault(e.id(), 10)).thenComparing(byTree));
        List<Element> elements = new ArrayList<>(byIri.values());
        elements.sort(order);
        Map<Element, Integer> index = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) index.put(elements.get(i), i);
        List<Relationship> rels = new ArrayList<>(relationships.values());
        rels.sort(Comparator.comparing((Relationship r) -> r.type().ordinal()).thenComparing(r -> index.get(r.source()))
            .thenComparing(r -> index.get(r.target())).thenComparing(Relationship::id));
        return new ModelContent(elements, rels, roots, children, groupsOf, flows);
    }

    /** The reference processes the extension's statements name, which come along whatever the levels. */
    private Set<String> referencedByExtension(List<QuerySolution> extension) {
        Set<String> out = new HashSet<>();
        for (QuerySolution s : extension) {
            if (s.contains("parent")) out.add(s.getResource("parent").getURI());
            if (s.contains("specialises")) out.add(s.getResource("specialises").getURI());
        }
        for (String q : List.of("assignments", "applications", "information", "kpis", "flows"))
            for (QuerySolution s : queries.select(data, q, null))
                if (s.contains("process")) out.add(s.getResource("process").getURI());
        return out;
    }

    private void verticalGroups() {
        for (QuerySolution s : queries.select(data, "vertical-groups", scope.release())) {
            Element process = byIri.get(s.getResource("process").getURI());
            if (process == null) continue;
            String groupIri = s.getResource("group").getURI();
            Element group = byIri.get(groupIri);
            if (group == null) group = element(groupIri, ElementType.Grouping, str(s, "groupName"), new TreeMap<>());
            groupColumn.put(group, s.getLiteral("column").getInt());
            Relationship r = relate(RelationshipType.Aggregation, group, process, null);
            r.properties().put(PropertyKey.GROUP_BASIS, mergeBasis(r.properties().get(PropertyKey.GROUP_BASIS), str(s, "basis")));
            List<Element> groups = groupsOf.computeIfAbsent(process, k -> new ArrayList<>());
            if (!groups.contains(group)) groups.add(group);
        }
        groupsOf.values().forEach(l -> l.sort(Comparator.comparing(groupColumn::get)));
    }

    private final Map<Element, Integer> groupColumn = new HashMap<>();

    private static String mergeBasis(String was, String now) {
        return was == null || was.equals(now) ? now : "stated";
    }

    private void organisation(List<QuerySolution> agents) {
        for (QuerySolution s : agents)
            element(s.getResource("agent").getURI(), "role".equals(str(s, "kind")) ? ElementType.BusinessRole : ElementType.BusinessActor,
                str(s, "name"), new TreeMap<>());
        // a unit is part of its organisation (org:unitOf): the whole composes the part, as ArchiMate nests actors
        for (QuerySolution s : agents) {
            if (!s.contains("whole")) continue;
            Element whole = byIri.get(s.getResource("whole").getURI()), part = byIri.get(s.getResource("agent").getURI());
            if (whole != null && whole.type() == ElementType.BusinessActor && part.type() == ElementType.BusinessActor)
                relate(RelationshipType.Composition, whole, part, null);
        }
        for (QuerySolution s : queries.select(data, "assignments", null)) {
            Element agent = byIri.get(s.getResource("agent").getURI()), process = byIri.get(s.getResource("process").getURI());
            if (agent == null || process == null) continue;
            String raci = str(s, "raci");
            Relationship r = relate(RelationshipType.Assignment, agent, process, raci);
            r.properties().put(PropertyKey.RACI, raci);
            r.properties().put(PropertyKey.IRI, s.getResource("assignment").getURI());
        }
    }

    private void applications() {
        for (QuerySolution s : queries.select(data, "applications", null)) {
            String iri = s.getResource("application").getURI();
            Element app = byIri.containsKey(iri) ? byIri.get(iri) : element(iri, ElementType.ApplicationComponent, str(s, "name"), new TreeMap<>());
            Element process = s.contains("process") ? byIri.get(s.getResource("process").getURI()) : null;
            if (process != null) relate(RelationshipType.Serving, app, process, null);
        }
    }

    private void information() {
        Map<String, Set<String>> directions = new TreeMap<>();
        for (QuerySolution s : queries.select(data, "information", null)) {
            String iri = s.getResource("entity").getURI();
            Element entity = byIri.containsKey(iri) ? byIri.get(iri) : element(iri, ElementType.BusinessObject, str(s, "name"), new TreeMap<>());
            Element process = s.contains("process") ? byIri.get(s.getResource("process").getURI()) : null;
            if (process == null) continue;
            Relationship r = relate(RelationshipType.Access, process, entity, null);
            directions.computeIfAbsent(r.id(), k -> new java.util.TreeSet<>()).add(str(s, "direction"));
        }
        directions.forEach((id, d) -> {
            Relationship r = relationships.get(id);
            relationships.put(id, new Relationship(r.id(), r.type(), r.source(), r.target(), d.size() > 1 ? "ReadWrite" : d.iterator().next(), r.properties()));
        });
    }

    private void kpis() {
        for (QuerySolution s : queries.select(data, "kpis", null)) {
            String iri = s.getResource("kpi").getURI();
            Element kpi = byIri.get(iri);
            if (kpi == null) {
                SortedMap<PropertyKey, String> props = new TreeMap<>();
                if (s.contains("target")) props.put(PropertyKey.KPI_TARGET, str(s, "target"));
                if (s.contains("unit")) props.put(PropertyKey.KPI_UNIT, str(s, "unit"));
                if (s.contains("direction")) props.put(PropertyKey.KPI_DIRECTION, str(s, "direction"));
                kpi = element(iri, ElementType.Assessment, str(s, "name"), props);
            }
            Element process = s.contains("process") ? byIri.get(s.getResource("process").getURI()) : null;
            if (process != null) relate(RelationshipType.Association, kpi, process, null);
        }
    }

    private void flows() {
        Map<String, List<QuerySolution>> byFlow = new TreeMap<>();
        for (QuerySolution s : queries.select(data, "flows", null))
            byFlow.computeIfAbsent(s.getResource("flow").getURI(), k -> new ArrayList<>()).add(s);
        byFlow.forEach((flow, rows) -> {
            rows.sort(Comparator.comparing((QuerySolution s) -> s.getLiteral("position").getInt()).thenComparing(s -> s.getResource("step").getURI()));
            List<QuerySolution> placed = rows.stream().filter(s -> byIri.containsKey(s.getResource("process").getURI())).toList();
            List<ModelContent.Step> steps = new ArrayList<>();
            for (int i = 0; i < placed.size(); i++) {
                QuerySolution s = placed.get(i);
                Element process = byIri.get(s.getResource("process").getURI());
                Relationship next = null;
                if (i + 1 < placed.size()) {
                    Element to = byIri.get(placed.get(i + 1).getResource("process").getURI());
                    next = add(new Relationship(ExchangeIds.of("id", "Triggering", flow, s.getResource("step").getURI()),
                        RelationshipType.Triggering, process, to, null, new TreeMap<>()));
                }
                steps.add(new ModelContent.Step(s.getResource("step").getURI(), s.getLiteral("position").getInt(), process, next));
            }
            flows.add(new ModelContent.Flow(flow, str(rows.get(0), "name"), rows.get(0).contains("definition") ? str(rows.get(0), "definition") : null, steps));
        });
    }

    private void frameworks() {
        for (QuerySolution s : queries.select(data, "frameworks", scope.release())) {
            Element process = byIri.get(s.getResource("process").getURI());
            if (process == null) continue;
            String iri = s.getResource("component").getURI();
            Element component = byIri.containsKey(iri) ? byIri.get(iri)
                : element(iri, ElementType.ApplicationComponent, str(s, "componentName"), props(PropertyKey.IDENTIFIER, str(s, "componentId")));
            relate(RelationshipType.Serving, component, process, null);
            if (!s.contains("api")) continue;
            String apiIri = s.getResource("api").getURI();
            Element api = byIri.containsKey(apiIri) ? byIri.get(apiIri)
                : element(apiIri, ElementType.ApplicationInterface, str(s, "apiName"), props(PropertyKey.IDENTIFIER, str(s, "apiId")));
            relate(RelationshipType.Aggregation, component, api, null);
            relate(RelationshipType.Serving, api, process, null);
        }
    }

    private Element element(String iri, ElementType type, String name, SortedMap<PropertyKey, String> props) {
        return element(iri, type, name, null, props);
    }

    private Element element(String iri, ElementType type, String name, String documentation, SortedMap<PropertyKey, String> props) {
        props.put(PropertyKey.IRI, iri);
        Element e = new Element(ExchangeIds.of("id", iri), type, name, documentation, props);
        byIri.put(iri, e);
        iris.put(e, iri);
        return e;
    }

    private final Map<Element, String> iris = new HashMap<>();

    private String iriOf(Element e) { return iris.get(e); }

    /** The relationship of this type between the two, made once; {@code qualifier} tells apart two of the same type, such as R and A. */
    private Relationship relate(RelationshipType type, Element source, Element target, String qualifier) {
        String id = qualifier == null ? ExchangeIds.of("id", type.name(), iriOf(source), iriOf(target))
            : ExchangeIds.of("id", type.name(), iriOf(source), iriOf(target), qualifier);
        return relationships.computeIfAbsent(id, k -> new Relationship(k, type, source, target, null, new TreeMap<>()));
    }

    private Relationship add(Relationship r) {
        relationships.putIfAbsent(r.id(), r);
        return relationships.get(r.id());
    }

    private static SortedMap<PropertyKey, String> props(Object... pairs) {
        SortedMap<PropertyKey, String> out = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.put((PropertyKey) pairs[i], (String) pairs[i + 1]);
        return out;
    }

    private String sortKey(Element e) {
        String id = e.properties().get(PropertyKey.IDENTIFIER);
        if (e.type() == ElementType.Grouping) return String.format("%02d", groupColumn.getOrDefault(e, 99));
        return (id != null ? id : "~") + "\u0000" + e.name() + "\u0000" + iriOf(e);
    }

    private static int compareKeys(String a, String b) {
        String[] x = a.split("\u0000", 2), y = b.split("\u0000", 2);
        int c = x[0].matches("[0-9.]+") && y[0].matches("[0-9.]+") ? Notations.ORDER.compare(x[0], y[0]) : x[0].compareTo(y[0]);
        return c != 0 ? c : (x.length > 1 && y.length > 1 ? x[1].compareTo(y[1]) : a.compareTo(b));
    }

    private static String str(QuerySolution s, String var) {
        return s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.getResource(var).getURI();
    }
}
