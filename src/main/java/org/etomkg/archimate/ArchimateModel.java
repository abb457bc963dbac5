package org.etomkg.archimate;

import java.util.List;

/**
 * A model ready to write: its elements and relationships in a stable order, the folder tree that
 * mirrors the process hierarchy, and its diagrams.
 */
public record ArchimateModel(String id, String name, List<Element> elements, List<Relationship> relationships,
                             OrganisationFolder organisation, List<Diagram> diagrams) {

    /** How many elements of a type the model has. */
    public long count(ElementType type) { return elements.stream().filter(e -> e.type() == type).count(); }

    /** How many relationships of a type the model has. */
    public long count(RelationshipType type) { return relationships.stream().filter(r -> r.type() == type).count(); }
}
