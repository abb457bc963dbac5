package org.etomkg.crosswalk;

/**
 * One row of a diff between two releases: a process of the earlier release ({@code before}),
 * what it is in the later one ({@code after}), and the change. An added process has no
 * {@code before}, a removed one no {@code after}; an ambiguous one names its candidates in the note.
 *
 * @param change "unchanged", "renamed", "renumbered+moved", "added", "removed", "ambiguous", ...
 * @param rule   the matching rules the answer rests on, joined by '+'
 */
public record DiffRow(String change, ProcessElement before, ProcessElement after, String rule, String note) {

    /** The identifier the row sorts by: the earlier one, or the later one for an added process. */
    public String sortKey() { return (before != null ? before : after).id().text(); }
}
