package org.etomkg.archimate;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A view of the model: nodes placed on a canvas (nested nodes sit inside their parent) and connections drawn between nodes. */
public final class Diagram {
    /** A box showing an element; x and y are absolute, as the exchange format has them. */
    public record Node(String id, Element element, int x, int y, int w, int h, List<Node> children) {}

    /** A line showing a relationship between two nodes. */
    public record Connection(String id, Relationship relationship, Node source, Node target) {}

    final String id;
    final String name;
    final List<Node> nodes = new ArrayList<>();
    final List<Connection> connections = new ArrayList<>();
    /** What a view stands for, such as the IRI of the end-to-end flow it draws and the IRIs of its steps. */
    final SortedMap<PropertyKey, String> properties = new TreeMap<>();
    /** What the view shows, in the CSP's words (an end-to-end flow's definition), else null. */
    String documentation;

    Diagram(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String name() { return name; }

    public List<Node> nodes() { return nodes; }

    public List<Connection> connections() { return connections; }

    public SortedMap<PropertyKey, String> properties() { return properties; }
}
