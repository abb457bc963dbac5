package org.etomkg.archimate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link ExchangeReader} found in an exchange file, every reference in it checked: the
 * elements in file order, the relationships and the diagrams. Properties are keyed by the name of
 * their property definition ("IRI", "eTOM identifier"), since tools renumber the definitions.
 */
record ExchangeFile(Path file, Map<String, Concept> elements, Map<String, Link> relationships, List<View> views) {

    /** An element: its identifier, {@code xsi:type}, name, documentation, properties and the line it starts on. */
    record Concept(String id, String type, String name, String documentation, Map<String, String> properties, int line) {
        String property(PropertyKey key) { return properties.get(key.label); }
    }

    /** A relationship; {@code access} is the access direction an Access states, else null. */
    record Link(String id, String type, String source, String target, String access, Map<String, String> properties, int line) {
        String property(PropertyKey key) { return properties.get(key.label); }
    }

    /** A diagram: its name, documentation, properties, nodes (node identifier to the element shown) and its connections between nodes. */
    record View(String id, String name, String documentation, Map<String, String> properties, Map<String, String> nodes, List<Shown> connections, int line) {
        String property(PropertyKey key) { return properties.get(key.label); }
    }

    /** A connection of a view: the relationship it shows (null for a plain line) from one node to another. */
    record Shown(String relationship, String source, String target) {}
}
