package org.etomkg.bpmn.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the nodes of a flow in the order of its steps. Loops are cut where they turn back (an edge to
 * a node still being walked), so every node comes once, at its first place. The rest is a
 * topological order that finishes one branch before starting the next: after a parallel or an
 * exclusive gateway, the first outgoing branch (in the model's order) up to where the branches
 * meet, then the second, and so on; a node where branches meet comes after all of them. Nodes
 * no edge reaches start the order, in the model's order.
 */
public final class FlowOrder {
    private FlowOrder() {}

    /**
     * @param nodes the nodes in the model's order
     * @param edges each node's successors in the model's order; edges to nodes not listed are ignored
     */
    public static List<String> order(List<String> nodes, Map<String, List<String>> edges) {
        Set<String> known = new HashSet<>(nodes);
        Map<String, List<String>> next = new HashMap<>();
        Map<String, Integer> incoming = new HashMap<>();
        for (String n : nodes) {
            List<String> targets = edges.getOrDefault(n, List.of()).stream().filter(known::contains).distinct().toList();
            next.put(n, targets);
            for (String t : targets) incoming.merge(t, 1, Integer::sum);
        }
        List<String> roots = nodes.stream().filter(n -> !incoming.containsKey(n)).toList();
        Set<String> backEdges = backEdges(nodes, roots, next);

        Map<String, Integer> waiting = new HashMap<>();
        for (String n : nodes)
            for (String t : next.get(n)) if (!backEdges.contains(n + "\u0000" + t)) waiting.merge(t, 1, Integer::sum);
        Deque<String> ready = new ArrayDeque<>();
        List<String> order = new ArrayList<>(nodes.size());
        Set<String> placed = new HashSet<>();
        // A stack, filled in reverse, so the first branch is walked to its end before the second starts.
        for (int i = nodes.size() - 1; i >= 0; i--) if (!waiting.containsKey(nodes.get(i))) ready.push(nodes.get(i));
        while (!ready.isEmpty()) {
            String n = ready.pop();
            if (!placed.add(n)) continue;
            order.add(n);
            List<String> targets = next.get(n);
            for (int i = targets.size() - 1; i >= 0; i--) {
                String t = targets.get(i);
                if (backEdges.contains(n + "\u0000" + t)) continue;
                if (waiting.merge(t, -1, Integer::sum) == 0) ready.push(t);
            }
        }
        return order;
    }

    /** Edges that close a loop, found by walking depth first from the roots, then from any node not yet reached. */
    private static Set<String> backEdges(List<String> nodes, List<String> roots, Map<String, List<String>> next) {
        Set<String> back = new HashSet<>();
        Map<String, Integer> state = new HashMap<>();   // 1: being walked, 2: done
        List<String> starts = new ArrayList<>(roots);
        starts.addAll(nodes);
        for (String start : starts) {
            if (state.containsKey(start)) continue;
            // Iterative, so a model of many thousand steps cannot overflow the stack.
            Deque<Object[]> stack = new ArrayDeque<>();
            stack.push(new Object[] { start, 0 });
            state.put(start, 1);
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                String n = (String) top[0];
                int i = (Integer) top[1];
                List<String> targets = next.get(n);
                if (i == targets.size()) {
                    state.put(n, 2);
                    stack.pop();
                    continue;
                }
                top[1] = i + 1;
                String t = targets.get(i);
                Integer s = state.get(t);
                if (s == null) {
                    state.put(t, 1);
                    stack.push(new Object[] { t, 0 });
                } else if (s == 1) {
                    back.add(n + "\u0000" + t);
                }
            }
        }
        return back;
    }
}
