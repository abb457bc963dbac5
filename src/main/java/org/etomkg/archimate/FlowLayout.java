package org.etomkg.archimate;

import java.util.ArrayList;
import java.util.List;

/**
 * One view per end-to-end flow: its steps left to right in step order, each triggering the next; the
 * view carries the flow's IRI and its steps' IRIs in order (properties "IRI" and "Flow steps").
 */
final class FlowLayout {
    private static final int PAD = 20, STEP_W = 150, STEP_H = 64, GAP = 50;

    private FlowLayout() {}

    static List<Diagram> flows(ModelContent content) {
        List<Diagram> out = new ArrayList<>();
        for (ModelContent.Flow flow : content.flows()) {
            Diagram d = new Diagram(ExchangeIds.of("view", flow.iri()), flow.name());
            // the flow's and its steps' IRIs, so that an import gives back the same flow
            d.documentation = flow.definition();
            d.properties.put(PropertyKey.IRI, flow.iri());
            d.properties.put(PropertyKey.FLOW_STEPS, String.join(" ", flow.steps().stream().map(ModelContent.Step::iri).toList()));
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
