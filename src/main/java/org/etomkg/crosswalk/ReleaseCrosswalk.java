package org.etomkg.crosswalk;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.etomkg.framework.ProcessIdentifier;

/**
 * The crosswalk between two consecutive releases: one correspondence for every process of the
 * earlier release, and one for every process of the later release that no process of the
 * earlier one becomes.
 */
public final class ReleaseCrosswalk {
    private final String from;
    private final String to;
    private final List<Correspondence> correspondences;
    private final Map<ProcessIdentifier, Correspondence> byFrom = new HashMap<>();
    private final Map<ProcessIdentifier, Correspondence> byTo = new HashMap<>();

    public ReleaseCrosswalk(String from, String to, List<Correspondence> correspondences) {
        this.from = from;
        this.to = to;
        this.correspondences = List.copyOf(correspondences);
        for (Correspondence c : this.correspondences) {
            if (c.from() != null && byFrom.put(c.from().id(), c) != null)
                throw new IllegalArgumentException(from + " to " + to + ": two correspondences for " + c.from().id() + " of " + from);
            if (c.to() != null && byTo.put(c.to().id(), c) != null)
                throw new IllegalArgumentException(from + " to " + to + ": two correspondences for " + c.to().id() + " of " + to);
        }
    }

    public String from() { return from; }
    public String to() { return to; }
    public List<Correspondence> correspondences() { return correspondences; }

    /** What became of a process of the earlier release. */
    public Optional<Correspondence> forward(ProcessIdentifier idInFrom) { return Optional.ofNullable(byFrom.get(idInFrom)); }

    /** Where a process of the later release came from (or that it was added, or is ambiguous). */
    public Optional<Correspondence> backward(ProcessIdentifier idInTo) { return Optional.ofNullable(byTo.get(idInTo)); }

    /** How many correspondences of each kind, such as "renumbered+moved". */
    public Map<String, Integer> countsByKind() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Correspondence c : correspondences) counts.merge(c.kind(), 1, Integer::sum);
        return counts;
    }

    /** How many correspondences each rule decided. */
    public Map<MatchingRule, Integer> countsByRule() {
        Map<MatchingRule, Integer> counts = new EnumMap<>(MatchingRule.class);
        for (Correspondence c : correspondences) counts.merge(c.rule(), 1, Integer::sum);
        return Collections.unmodifiableMap(counts);
    }

    /** The correspondences that carry a change, such as {@link Change#RENAMED}. */
    public List<Correspondence> with(Change change) {
        return correspondences.stream().filter(c -> c.is(change)).toList();
    }

    @Override public String toString() { return "crosswalk " + from + " to " + to + " (" + correspondences.size() + " correspondences)"; }
}
