package org.etomkg.crosswalk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Vertical groups for the releases whose source states none, carried through the crosswalk
 * from the releases whose source does (only 25.5 today): a process gets the groups TM Forum
 * states for the same process, as the crosswalk traces it, in the nearest such release. These
 * are derived, not stated by TM Forum, and are written as {@code etom:derivedVerticalGroup}.
 * Every process that ends up with no group is listed with the reason.
 */
public final class DerivedVerticalGroups {

    /** Groups derived for {@code process} from {@code source}, the same process in a release that states groups. */
    public record Derivation(ProcessElement process, ProcessElement source, List<String> groups) {}

    /** A process with no vertical group, stated or derived, and why. */
    public record Unplaced(ProcessElement process, Reason reason, ProcessElement counterpart, String detail) {}

    public enum Reason {
        /** The release states groups, but none for this process. */
        SOURCE_STATES_NONE("the source states no vertical group for it"),
        /** The same process in the stating release has no group either. */
        COUNTERPART_HAS_NONE("its counterpart in the release that states groups has none"),
        /** The crosswalk does not reach a release that states groups. */
        NO_COUNTERPART("the crosswalk finds no counterpart in a release that states groups");

        private final String words;
        Reason(String words) { this.words = words; }
        public String words() { return words; }
    }

    private final List<String> sources;
    private final Map<String, List<Derivation>> derived = new LinkedHashMap<>();
    private final Map<String, List<Unplaced>> unplaced = new LinkedHashMap<>();

    private DerivedVerticalGroups(List<String> sources) { this.sources = List.copyOf(sources); }

    public static DerivedVerticalGroups compute(ReleaseHistory history) {
        List<String> sources = history.versions().stream().filter(v -> history.release(v).statesVerticalGroups()).toList();
        DerivedVerticalGroups out = new DerivedVerticalGroups(sources);
        for (String v : history.versions()) {
            List<Derivation> d = new ArrayList<>();
            List<Unplaced> u = new ArrayList<>();
            boolean states = sources.contains(v);
            for (ProcessElement p : history.release(v).all()) {
                if (states) {
                    if (p.verticalGroups().isEmpty()) u.add(new Unplaced(p, Reason.SOURCE_STATES_NONE, null, ""));
                    continue;
                }
                ProcessElement counterpart = null;
                String broken = "";
                for (String s : nearestFirst(sources, v, history.versions())) {
                    ReleaseHistory.Trace t = history.trace(v, p.id(), s);
                    if (t.arrived()) { counterpart = t.end(); break; }
                    if (broken.isEmpty() && t.broken() != null)
                        broken = t.broken().kind() + " between " + t.broken().fromRelease() + " and " + t.broken().toRelease();
                }
                if (counterpart == null) u.add(new Unplaced(p, Reason.NO_COUNTERPART, null, broken));
                else if (counterpart.verticalGroups().isEmpty()) u.add(new Unplaced(p, Reason.COUNTERPART_HAS_NONE, counterpart, ""));
                else d.add(new Derivation(p, counterpart, counterpart.verticalGroups()));
            }
            out.derived.put(v, List.copyOf(d));
            out.unplaced.put(v, List.copyOf(u));
        }
        return out;
    }

    /** The stating releases, nearest to {@code v} first (the later one first when two are as near). */
    private static List<String> nearestFirst(List<String> sources, String v, List<String> versions) {
        int at = versions.indexOf(v);
        List<String> s = new ArrayList<>(sources);
        s.sort(java.util.Comparator.comparingInt((String x) -> Math.abs(versions.indexOf(x) - at))
            .thenComparing(x -> -versions.indexOf(x)));
        return s;
    }

    /** The releases whose source states vertical groups. */
    public List<String> sources() { return sources; }

    /** The derivations for one release (empty for a release that states its own groups). */
    public List<Derivation> derived(String version) { return derived.getOrDefault(version, List.of()); }

    /** The processes of one release with no vertical group, stated or derived. */
    public List<Unplaced> unplaced(String version) { return unplaced.getOrDefault(version, List.of()); }
}
