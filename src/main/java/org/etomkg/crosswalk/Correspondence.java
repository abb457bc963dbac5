package org.etomkg.crosswalk;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the crosswalk says about one process between two consecutive releases: the process
 * in the earlier release ({@code from}), its counterpart in the later one ({@code to}), the
 * changes, and the rule that decided. A removed process has no {@code to}, an added one no
 * {@code from}; an ambiguous one has one side and the {@code candidates} on the other.
 *
 * @param deletedSheetEntry the IRI of the entry of a source's list of deleted processes that
 *                          confirms a removal, or null
 * @param note              what a person should know about the case, in words, or ""
 */
public record Correspondence(String fromRelease, String toRelease, ProcessElement from, ProcessElement to,
                             Set<Change> changes, MatchingRule rule, List<ProcessElement> candidates, String deletedSheetEntry,
                             String note) {

    public Correspondence {
        changes = java.util.Collections.unmodifiableSet(EnumSet.copyOf(changes));   // in a fixed order
        candidates = List.copyOf(candidates);
        note = note == null ? "" : note;
    }

    /** True when the two sides are the same process (unchanged, renamed, renumbered or moved). */
    public boolean links() { return from != null && to != null; }

    public boolean is(Change c) { return changes.contains(c); }

    /** "renumbered+moved", "added", ... */
    public String kind() { return Change.describe(changes); }

    /** The side that is present: from, or to for an added process or an ambiguous one of the later release. */
    public ProcessElement subject() { return from != null ? from : to; }
}
