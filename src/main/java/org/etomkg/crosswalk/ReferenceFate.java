package org.etomkg.crosswalk;

import java.util.List;

/**
 * What happens in the target release to one reference process an extension names.
 *
 * @param reference  the IRI the extension uses
 * @param before     that process, in the release it belongs to (null when no release has it)
 * @param change     "unchanged", "renamed", "renumbered+moved", ..., "removed", "ambiguous" or "unknown"
 * @param after      its counterpart in the target release (null when removed, ambiguous or unknown)
 * @param ancestor   for a removed or ambiguous process, the counterpart in the target release of its
 *                   nearest ancestor that has one; the extension's statements move there
 * @param properties how the extension uses it: the properties, such as etom:parent or etom:localName
 * @param note       in words, for a person
 */
public record ReferenceFate(String reference, ProcessElement before, String change, ProcessElement after, ProcessElement ancestor,
                            List<String> properties, String note) {

    public ReferenceFate {
        properties = List.copyOf(properties);
        note = note == null ? "" : note;
    }

    /** The IRI the migrated extension uses instead, or null when there is none. */
    public String replacement() {
        if (after != null) return after.iri();
        return ancestor != null ? ancestor.iri() : null;
    }

    /** True when the same process lives on in the target release. */
    public boolean survives() { return after != null; }
}
