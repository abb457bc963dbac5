package org.etomkg.archimate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an end-to-end flow is made of in a view: the nodes that one chain of triggering connections
 * runs through, first to last, and the triggering relationships drawn. A view draws a flow when it
 * shows a triggering relationship, or when it says it is one ("Flow steps", as an exported flow of a
 * single step does). {@code problem} says why a view that draws triggering is no chain (it branches,
 * or has no single first step); then there are no nodes.
 */
record FlowChain(List<String> nodes, List<String> triggerings, String problem) {

    /** The view's chain, or null when the view draws no flow. */
    static FlowChain of(ExchangeFile model, ExchangeFile.View v) {
        Map<String, String> next = new LinkedHashMap<>();
        Set<String> targets = new HashSet<>();
        List<String> shown = new ArrayList<>();
        for (ExchangeFile.Shown c : v.connections()) {
            if (c.relationship() == null || !"Triggering".equals(model.relationships().get(c.relationship()).type())) continue;
            shown.add(c.relationship());
            if (next.putIfAbsent(c.source(), c.target()) != null)
                return new FlowChain(List.of(), shown, "it branches at node " + c.source() + "; an end-to-end flow is one chain of steps");
            targets.add(c.target());
        }
        if (next.isEmpty()) {
            boolean single = v.property(PropertyKey.FLOW_STEPS) != null && v.nodes().size() == 1;
            return single ? new FlowChain(List.copyOf(v.nodes().keySet()), shown, null) : null;
        }
        List<String> starts = next.keySet().stream().filter(n -> !targets.contains(n)).toList();
        if (starts.size() != 1) return new FlowChain(List.of(), shown, "its triggering relationships do not make one chain from a first step");
        List<String> chain = new ArrayList<>();
        for (String at = starts.get(0); at != null && chain.size() <= next.size(); at = next.get(at)) chain.add(at);
        if (chain.size() != next.size() + 1) return new FlowChain(List.of(), shown, "its triggering relationships do not make one chain");
        return new FlowChain(chain, shown, null);
    }
}
