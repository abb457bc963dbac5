package org.etomkg.archimate;

import java.util.ArrayList;
import java.util.List;

/** One view per end-to-end flow: its steps left to right in step order, each triggering the next. */
final class FlowLayout {
    private static final int PAD = 20, STEP_W = 150, STEP_H = 64, GAP = 50;

    private FlowLayout() {}

    static List<Diagram> flows(ModelContent content) {
        List<Diagram> out = new ArrayList<>();
        for (ModelContent.Flow flow : content.flows()) {
            Diagram d = new Diagram(ExchangeIds.of("view", flow.iri()), flow.name());
            List<Diagram.Node> nodes = new ArrayList<>();
            int x = PAD;
            for (ModelContent.Step step : flow.steps()) {
                nodes.add(new Diagram.Node(ExchangeIds.of("node", flow.iri(), step.iri()), step.process(), x, PAD + 20, STEP_W, STEP_H, List.of()));
                x += STEP_W + GAP;
            }
            d.nodes.addAll(nodes);
            for (int i = 0; i + 1 < nodes.size(); i++) {
                ModelContent.Step step = flow.steps().get(i);
                d.connections.add(new Diagram.Connection(ExchangeIds.of("conn", flow.iri(), step.iri()), step.triggersNext(), nodes.get(i), nodes.get(i + 1)));
            }
            out.add(d);
        }
        return out;
    }
}
