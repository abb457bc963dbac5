package org.etomkg.crosswalk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.etomkg.crosswalk.matching.NameKey;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.framework.ReleaseVersion;

/**
 * Every release in order with the crosswalk between each consecutive pair: follows a process
 * from any release to any other, and composes the crosswalks into a diff between any two.
 */
public final class ReleaseHistory {
    private final List<String> versions = new ArrayList<>();
    private final Map<String, ReleaseProcesses> releases = new LinkedHashMap<>();
    private final List<ReleaseCrosswalk> steps;
    private final NameKey names;

    /**
     * @param steps the crosswalk of each consecutive pair of {@code releases}, in release order
     */
    public ReleaseHistory(Collection<ReleaseProcesses> releases, List<ReleaseCrosswalk> steps, NameKey names) {
        List<ReleaseProcesses> ordered = new ArrayList<>(releases);
        ordered.sort(Comparator.comparing(r -> ReleaseVersion.of(r.version())));
        for (ReleaseProcesses r : ordered) {
            versions.add(r.version());
            this.releases.put(r.version(), r);
        }
        if (steps.size() != Math.max(0, versions.size() - 1))
            throw new IllegalArgumentException("expected " + (versions.size() - 1) + " crosswalks between " + versions + ", got " + steps.size());
        for (int i = 0; i < steps.size(); i++) {
            ReleaseCrosswalk s = steps.get(i);
            if (!s.from().equals(versions.get(i)) || !s.to().equals(versions.get(i + 1)))
                throw new IllegalArgumentException("crosswalk " + s.from() + " to " + s.to() + " where " + versions.get(i) + " to "
                    + versions.get(i + 1) + " was expected");
        }
        this.steps = List.copyOf(steps);
        this.names = names;
    }

    /** The release numbers, oldest first. */
    public List<String> versions() { return List.copyOf(versions); }

    public ReleaseProcesses release(String version) {
        ReleaseProcesses r = releases.get(normalise(version));
        if (r == null) throw new IllegalArgumentException("unknown release '" + version + "': the releases are " + versions);
        return r;
    }

    /** The crosswalks between consecutive releases, oldest first. */
    public List<ReleaseCrosswalk> steps() { return steps; }

    public NameKey names() { return names; }

    /** The release number as this history writes it (25.5 for v25.5 or 25,5). */
    public String normalise(String version) {
        String v = ReleaseVersion.of(version).text();
        if (releases.containsKey(v)) return v;
        for (String known : versions) if (ReleaseVersion.of(known).compareTo(ReleaseVersion.of(v)) == 0) return known;
        throw new IllegalArgumentException("unknown release '" + version + "': the releases are " + versions);
    }

    /**
     * Follows a process from one release to another, forwards or backwards, one crosswalk at a
     * time, until it arrives or a crosswalk does not link it (removed, added or ambiguous).
     */
    public Trace trace(String from, ProcessIdentifier id, String to) {
        String f = normalise(from), t = normalise(to);
        ProcessElement start = release(f).get(id);
        if (start == null) throw new IllegalArgumentException("release " + f + " has no process " + id);
        int i = versions.indexOf(f), j = versions.indexOf(t);
        List<Correspondence> path = new ArrayList<>();
        ProcessElement at = start;
        while (i != j) {
            Correspondence c = i < j ? steps.get(i).forward(at.id()).orElse(null) : steps.get(i - 1).backward(at.id()).orElse(null);
            if (c == null || !c.links()) return new Trace(start, null, path, c, i < j ? versions.get(i + 1) : versions.get(i - 1));
            path.add(c);
            at = i < j ? c.to() : c.from();
            i += i < j ? 1 : -1;
        }
        return new Trace(start, at, path, null, null);
    }

    /**
     * The counterpart in {@code to} of the nearest ancestor of a process that has one, for a
     * process that has none itself; empty when no ancestor survives either.
     */
    public Optional<ProcessElement> nearestSurvivingAncestor(String from, ProcessIdentifier id, String to) {
        ReleaseProcesses r = release(from);
        ProcessElement e = r.get(id);
        for (ProcessElement up = e == null ? null : r.parentOf(e); up != null; up = r.parentOf(up)) {
            Trace t = trace(from, up.id(), to);
            if (t.arrived()) return Optional.of(t.end());
        }
        return Optional.empty();
    }

    /** What changes from the start of a trace to its end: renamed, renumbered, moved, or unchanged. */
    public Set<Change> changes(Trace t) {
        if (!t.arrived()) throw new IllegalArgumentException("the trace did not arrive");
        if (t.path().size() == 1) return t.path().get(0).changes();
        ProcessElement x = t.start(), y = t.end();
        boolean renamed = !intersects(names.keys(x.names()), names.keys(y.names()));
        boolean renumbered = !x.id().equals(y.id());
        boolean moved;
        if (x.parent() == null || y.parent() == null) moved = x.parent() != y.parent();
        else {
            String endRelease = y.release();
            Trace p = trace(x.release(), x.parent(), endRelease);
            moved = !p.arrived() || !p.end().id().equals(y.parent());
        }
        return Change.of(renamed, renumbered, moved);
    }

    /** One row per process of both releases: what each process of {@code from} is in {@code to}, and what {@code to} added. */
    public ReleaseDiff diff(String from, String to) {
        String f = normalise(from), t = normalise(to);
        List<DiffRow> rows = new ArrayList<>();
        Set<ProcessIdentifier> reached = new HashSet<>();
        for (ProcessElement x : release(f).all()) {
            Trace tr = trace(f, x.id(), t);
            if (tr.arrived()) {
                reached.add(tr.end().id());
                rows.add(new DiffRow(f.equals(t) ? "unchanged" : Change.describe(changes(tr)), x, tr.end(), rules(tr.path()), notes(tr.path())));
            } else {
                Correspondence c = tr.broken();
                boolean ambiguous = c != null && c.is(Change.AMBIGUOUS);
                String where = tr.brokenAt();
                String note = (ambiguous ? "ambiguous in " + where + ": candidates " + candidates(c)
                    : (forward(f, t) ? "removed in " + where : "not yet in " + where));
                Optional<ProcessElement> up = nearestSurvivingAncestor(f, x.id(), t);
                note += up.map(u -> "; nearest surviving ancestor in " + t + ": " + u.id() + " " + u.label()).orElse("");
                rows.add(new DiffRow(ambiguous ? "ambiguous" : "removed", x, null, c == null ? "" : c.rule().word(), note));
            }
        }
        for (ProcessElement y : release(t).all()) {
            if (reached.contains(y.id())) continue;
            Trace back = trace(t, y.id(), f);
            Correspondence c = back.broken();
            boolean ambiguous = c != null && c.is(Change.AMBIGUOUS);
            String note = ambiguous ? "ambiguous in " + (forward(f, t) ? c.fromRelease() + " to " + c.toRelease() : c.toRelease())
                + ": candidates " + candidates(c)
                : (forward(f, t) ? "added in " + (c == null ? t : c.toRelease()) : "removed after " + t);
            rows.add(new DiffRow(ambiguous ? "ambiguous" : "added", null, y, c == null ? "" : c.rule().word(), note));
        }
        rows.sort(Comparator.comparing((DiffRow r) -> ProcessIdentifier.parse(r.sortKey())).thenComparing(r -> r.before() == null ? 1 : 0));
        return new ReleaseDiff(f, t, rows);
    }

    private boolean forward(String f, String t) { return versions.indexOf(f) <= versions.indexOf(t); }

    private static String candidates(Correspondence c) {
        return c.candidates().stream().map(p -> p.id() + " " + p.label() + " (" + p.release() + ")").collect(Collectors.joining(", "));
    }

    private static String rules(List<Correspondence> path) {
        Set<String> rules = new LinkedHashSet<>();
        for (Correspondence c : path) if (c.rule() != MatchingRule.SAME_IDENTIFIER_SAME_NAME) rules.add(c.rule().word());
        if (rules.isEmpty() && !path.isEmpty()) rules.add(MatchingRule.SAME_IDENTIFIER_SAME_NAME.word());
        return String.join("+", rules);
    }

    private static String notes(List<Correspondence> path) {
        if (path.size() == 1) return path.get(0).note();
        List<String> out = new ArrayList<>();
        for (Correspondence c : path)
            if (!c.changes().equals(Set.of(Change.UNCHANGED)))
                out.add(c.fromRelease() + " to " + c.toRelease() + ": " + c.kind() + " " + c.from().id() + " to " + c.to().id());
        return String.join("; ", out);
    }

    private static boolean intersects(Set<String> s, Set<String> t) {
        for (String k : s) if (t.contains(k)) return true;
        return false;
    }

    /**
     * A process followed from one release towards another.
     *
     * @param start     the process where the trace began
     * @param end       the process it arrived at, or null when a crosswalk did not link it
     * @param path      the correspondences followed, in the order of the trace
     * @param broken    the correspondence that did not link it (removed, added, ambiguous), or null
     * @param brokenAt  the release where the trace stopped being able to follow it, or null
     */
    public record Trace(ProcessElement start, ProcessElement end, List<Correspondence> path, Correspondence broken, String brokenAt) {
        public boolean arrived() { return end != null; }
    }
}
