package org.etomkg.crosswalk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.etomkg.crosswalk.matching.NameKey;
import org.etomkg.crosswalk.matching.PairMatcher;
import org.etomkg.framework.ReleaseVersion;

/**
 * Computes the crosswalk between releases from their process elements: for each pair of
 * consecutive releases, which process became which (unchanged, renamed, renumbered, moved),
 * which were added or removed, and which are ambiguous. The matching rules are those of
 * {@link MatchingRule}, tried strongest first; {@code ontology/crosswalk/crosswalk-report.md}
 * says how often each fired.
 */
public final class Crosswalk {
    private Crosswalk() {}

    /** The crosswalk from one release to the next. */
    public static ReleaseCrosswalk between(ReleaseProcesses from, ReleaseProcesses to, NameKey names, List<RetiredProcess> deletedSheet) {
        return new PairMatcher(from, to, names, deletedSheet).match();
    }

    /**
     * The history of all the releases given: each consecutive pair matched. The deleted
     * sheets of every release that has one serve as evidence for every pair.
     */
    public static ReleaseHistory compute(Collection<ReleaseProcesses> releases, NameKey names) {
        List<ReleaseProcesses> ordered = new ArrayList<>(releases);
        ordered.sort(Comparator.comparing(r -> ReleaseVersion.of(r.version())));
        List<RetiredProcess> deleted = new ArrayList<>();
        for (ReleaseProcesses r : ordered) deleted.addAll(r.retired());
        List<ReleaseCrosswalk> steps = new ArrayList<>();
        for (int i = 0; i + 1 < ordered.size(); i++) steps.add(between(ordered.get(i), ordered.get(i + 1), names, deleted));
        return new ReleaseHistory(ordered, steps, names);
    }
}
