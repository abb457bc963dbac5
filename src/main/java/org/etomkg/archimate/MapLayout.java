package org.etomkg.archimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One view per domain laid out like the eTOM map (as the web page's map chart draws it): the
 * domain as a frame, its vertical groups as columns left to right in the chart's order, each
 * holding the domain's level-2 processes in that group with their direct sub-processes inside.
 * A level-2 process in two groups appears in both columns; one in none gets a last column of its own.
 */
final class MapLayout {
    private static final int PAD = 20, HEAD = 40, COLUMN_W = 220, GAP = 12, PROCESS_HEAD = 36, CHILD_H = 26;

    private MapLayout() {}

    static List<Diagram> domains(ModelContent content) {
        List<Diagram> out = new ArrayList<>();
        for (Element domain : content.roots()) {
            if (!"1".equals(domain.properties().get(PropertyKey.LEVEL)) || domain.type() != ElementType.BusinessFunction) continue;
            out.add(domain(content, domain));
        }
        return out;
    }

    private static Diagram domain(ModelContent content, Element domain) {
        String iri = domain.properties().get(PropertyKey.IRI);
        Diagram d = new Diagram(ExchangeIds.of("view", iri), domain.properties().get(PropertyKey.IDENTIFIER) + " " + domain.name());
        // The columns: each group in chart order, then the processes in no group (key null).
        Map<Element, List<Element>> columns = new LinkedHashMap<>();
        List<Element> ungrouped = new ArrayList<>();
        List<Element> groups = content.elements().stream().filter(e -> e.type() == ElementType.Grouping).toList();
        for (Element g : groups) columns.put(g, new ArrayList<>());
        for (Element l2 : content.childrenOf(domain)) {
            List<Element> in = content.groupsOf().getOrDefault(l2, List.of());
            if (in.isEmpty()) ungrouped.add(l2);
            for (Element g : in) columns.get(g).add(l2);
        }
        columns.values().removeIf(List::isEmpty);
        int x = 2 * PAD, top = PAD + HEAD, bottom = top;
        List<Diagram.Node> frameChildren = new ArrayList<>();
        for (Map.Entry<Element, List<Element>> column : columns.entrySet()) {
            String key = column.getKey().id();
            List<Diagram.Node> processes = stack(content, d, key, column.getValue(), x + 10, top + PROCESS_HEAD);
            int h = height(processes, top + PROCESS_HEAD) - top + 10;
            frameChildren.add(new Diagram.Node(ExchangeIds.of("node", d.id, key), column.getKey(), x, top, COLUMN_W, h, processes));
            bottom = Math.max(bottom, top + h);
            x += COLUMN_W + GAP;
        }
        if (!ungrouped.isEmpty()) {
            List<Diagram.Node> processes = stack(content, d, "none", ungrouped, x + 10, top + PROCESS_HEAD);
            frameChildren.addAll(processes);
            bottom = Math.max(bottom, height(processes, top));
            x += COLUMN_W + GAP;
        }
        d.nodes.add(new Diagram.Node(ExchangeIds.of("node", d.id, "frame"), domain, PAD, PAD, Math.max(x - PAD, 2 * COLUMN_W), bottom, frameChildren));
        return d;
    }

    /** The processes stacked down a column, each with its direct sub-processes inside. */
    private static List<Diagram.Node> stack(ModelContent content, Diagram d, String column, List<Element> processes, int x, int y) {
        List<Diagram.Node> out = new ArrayList<>();
        int w = COLUMN_W - 20;
        for (Element p : processes) {
            List<Diagram.Node> inner = new ArrayList<>();
            int cy = y + PROCESS_HEAD;
            for (Element c : content.childrenOf(p)) {
                inner.add(new Diagram.Node(ExchangeIds.of("node", d.id, column, c.id()), c, x + 8, cy, w - 16, CHILD_H - 4, List.of()));
                cy += CHILD_H;
            }
            int h = cy - y + 6;
            out.add(new Diagram.Node(ExchangeIds.of("node", d.id, column, p.id()), p, x, y, w, h, inner));
            y += h + 8;
        }
        return out;
    }

    private static int height(List<Diagram.Node> stacked, int top) {
        return stacked.isEmpty() ? top : stacked.get(stacked.size() - 1).y() + stacked.get(stacked.size() - 1).h();
    }
}
