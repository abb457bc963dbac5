package org.etomkg.archimate;

import java.util.List;
import java.util.Map;

/**
 * What the builder found, in the shape the views and the organisation need: the process tree
 * (children in identifier order), the vertical groups of each level-2 process (by column) and the
 * end-to-end flows.
 */
record ModelContent(List<Element> elements, List<Relationship> relationships, List<Element> roots,
                    Map<Element, List<Element>> children, Map<Element, List<Element>> groupsOf,
                    List<Flow> flows) {

    /**
     * An end-to-end flow: its definition (null if none) and its steps in order, each with the
     * triggering relationship to the next step (null for the last).
     */
    record Flow(String iri, String name, String definition, List<Step> steps) {}

    record Step(String iri, int position, Element process, Relationship triggersNext) {}

    List<Element> childrenOf(Element e) { return children.getOrDefault(e, List.of()); }
}
