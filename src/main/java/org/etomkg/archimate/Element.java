package org.etomkg.archimate;

import java.util.SortedMap;

/**
 * One ArchiMate element of the model: its exchange identifier, type, name, documentation (an extension
 * process's own definition, else null) and properties. Equal when the identifiers are.
 */
public record Element(String id, ElementType type, String name, String documentation, SortedMap<PropertyKey, String> properties) {
    @Override public boolean equals(Object o) { return o instanceof Element e && e.id.equals(id); }

    @Override public int hashCode() { return id.hashCode(); }
}
