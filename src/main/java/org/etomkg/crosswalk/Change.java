package org.etomkg.crosswalk;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happened to a process from one release to another. A process that is the same in
 * both may be renamed, renumbered and moved at once; one that is in neither relation is
 * unchanged. Added, removed and ambiguous stand alone.
 */
public enum Change {
    UNCHANGED("Unchanged"), RENAMED("Renamed"), RENUMBERED("Renumbered"), MOVED("Moved"),
    ADDED("Added"), REMOVED("Removed"), AMBIGUOUS("Ambiguous");

    private final String localName;

    Change(String localName) { this.localName = localName; }

    /** The local name of the individual in the crosswalk vocabulary, such as {@code etom:Renumbered}. */
    public String localName() { return localName; }

    /** The word a user reads: renamed, renumbered, ... */
    public String word() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Change ofLocalName(String local) {
        for (Change c : values()) if (c.localName.equals(local)) return c;
        throw new IllegalArgumentException("unknown change kind etom:" + local);
    }

    /** True for the kinds that keep a process: unchanged, renamed, renumbered, moved. */
    public boolean keepsTheProcess() { return this != ADDED && this != REMOVED && this != AMBIGUOUS; }

    /** The changes of a process that stays: renamed, renumbered, moved, or unchanged when none. */
    public static Set<Change> of(boolean renamed, boolean renumbered, boolean moved) {
        EnumSet<Change> s = EnumSet.noneOf(Change.class);
        if (renamed) s.add(RENAMED);
        if (renumbered) s.add(RENUMBERED);
        if (moved) s.add(MOVED);
        if (s.isEmpty()) s.add(UNCHANGED);
        return s;
    }

    /** "renumbered+moved": the words in a fixed order, joined by '+'. */
    public static String describe(Collection<Change> changes) {
        return EnumSet.copyOf(changes).stream().map(Change::word).collect(Collectors.joining("+"));
    }
}
