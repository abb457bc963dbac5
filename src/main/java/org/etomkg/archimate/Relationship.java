package org.etomkg.archimate;

import java.util.SortedMap;

/**
 * One ArchiMate relationship; {@code access} is the access direction (Read, Write, ReadWrite) of an
 * Access, else null. Equal when the identifiers are.
 */
public record Relationship(String id, RelationshipType type, Element source, Element target, String access,
                           SortedMap<PropertyKey, String> properties) {
    @Override public boolean equals(Object o) { return o instanceof Relationship r && r.id.equals(id); }

    @Override public int hashCode() { return id.hashCode(); }
}
