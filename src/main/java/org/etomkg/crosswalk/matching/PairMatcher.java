package org.etomkg.crosswalk.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.etomkg.crosswalk.Change;
import org.etomkg.crosswalk.Correspondence;
import org.etomkg.crosswalk.MatchingRule;
import org.etomkg.crosswalk.ProcessElement;
import org.etomkg.crosswalk.ReleaseCrosswalk;
import org.etomkg.crosswalk.ReleaseProcesses;
import org.etomkg.crosswalk.RetiredProcess;
import org.etomkg.framework.ProcessIdentifier;

/**
 * Matches the processes of two consecutive releases. The rules run in the order of
 * {@link MatchingRule}, strongest first; whenever one links a pair, matching starts again
 * from the strongest rule, since a new link can settle a parent or a child for another. A
 * process that no rule links is removed (added, on the later side) when nothing resembles it,
 * and ambiguous, with its candidates reported, when something does.
 */
public final class PairMatcher {
    private final ReleaseProcesses a;
    private final ReleaseProcesses b;
    private final NameKey names;
    private final List<RetiredProcess> deletedSheet;

    private final Map<ProcessIdentifier, ProcessIdentifier> fwd = new HashMap<>();
    private final Map<ProcessIdentifier, ProcessIdentifier> back = new HashMap<>();
    private final Map<ProcessIdentifier, MatchingRule> ruleOf = new HashMap<>();
    private final Map<ProcessIdentifier, String> noteOf = new HashMap<>();
    private final Map<String, List<ProcessElement>> aByKey = new HashMap<>();
    private final Map<String, List<ProcessElement>> bByKey = new HashMap<>();
    private final Map<ProcessIdentifier, Set<String>> aKeys = new HashMap<>();
    private final Map<ProcessIdentifier, Set<String>> bKeys = new HashMap<>();

    /**
     * @param deletedSheet processes some source lists as deleted (the 25.5 workbook's sheet): a
     *                     process that disappears and is listed there is removed for sure
     */
    public PairMatcher(ReleaseProcesses from, ReleaseProcesses to, NameKey names, List<RetiredProcess> deletedSheet) {
        this.a = from;
        this.b = to;
        this.names = names;
        this.deletedSheet = List.copyOf(deletedSheet);
        index(a, aByKey, aKeys);
        index(b, bByKey, bKeys);
    }

    private void index(ReleaseProcesses r, Map<String, List<ProcessElement>> byKey, Map<ProcessIdentifier, Set<String>> keys) {
        for (ProcessElement e : r.all()) {
            Set<String> k = names.keys(e.names());
            keys.put(e.id(), k);
            for (String key : k) byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(e);
        }
    }

    public ReleaseCrosswalk match() {
        // Rule 1 once: the same identifier with the same name.
        for (ProcessElement x : a.all()) {
            ProcessElement y = b.get(x.id());
            if (y != null && shareName(x, y)) link(x, y, MatchingRule.SAME_IDENTIFIER_SAME_NAME, null);
        }
        List<BooleanSupplier> rules = List.of(this::sameName, this::sameNameSameParent, this::sameNameNewLevel,
            () -> sameIdentifierSimilarName(false), this::sameIdentifierChildrenAgree, this::childrenAgree, this::sameParentSimilarName,
            () -> sameIdentifierSimilarName(true), this::sameIdentifierLastLeft);
        boolean linked = true;
        while (linked) {
            linked = false;
            for (BooleanSupplier rule : rules) {
                if (rule.getAsBoolean()) { linked = true; break; }
            }
        }
        return new ReleaseCrosswalk(a.version(), b.version(), correspondences());
    }

    // ---- the rules, strongest first -------------------------------------------------------------

    /** Identifier gone: the one unlinked process on each side with the name, at the same level. */
    private boolean sameName() {
        boolean any = false;
        for (ProcessElement x : unlinkedFrom()) {
            if (linked(x)) continue;
            List<ProcessElement> c = candidatesTo(x);
            if (c.size() != 1) continue;
            ProcessElement y = c.get(0);
            if (y.level() == x.level() && candidatesFrom(y).size() == 1) {
                link(x, y, MatchingRule.SAME_NAME, null);
                any = true;
            }
        }
        return any;
    }

    /** Several unlinked processes share the name: the one under the counterpart of the parent, both ways. */
    private boolean sameNameSameParent() {
        boolean any = false;
        for (ProcessElement x : unlinkedFrom()) {
            if (linked(x)) continue;
            List<ProcessElement> c = candidatesTo(x).stream().filter(y -> parentAgrees(x, y)).toList();
            if (c.size() != 1) continue;
            ProcessElement y = c.get(0);
            List<ProcessElement> r = candidatesFrom(y).stream().filter(z -> parentAgrees(z, y)).toList();
            if (r.size() == 1 && r.get(0) == x) {
                link(x, y, MatchingRule.SAME_NAME_SAME_PARENT, null);
                any = true;
            }
        }
        return any;
    }

    /**
     * The same identifier on both sides, unlinked, with similar names. A contested pair (another
     * unlinked process carries exactly one of the names) waits until no other rule can link
     * anything, so that the exact name has every chance to win.
     */
    private boolean sameIdentifierSimilarName(boolean contestedToo) {
        boolean any = false;
        for (ProcessElement x : unlinkedFrom()) {
            ProcessElement y = b.get(x.id());
            if (y == null || linked(y)) continue;
            double s = names.similarity(x.names(), y.names());
            if (s < NameKey.SIMILAR) continue;
            String note = "names " + percent(s) + " alike";
            List<ProcessElement> rivalsTo = candidatesTo(x), rivalsFrom = candidatesFrom(y);
            if (!rivalsTo.isEmpty() || !rivalsFrom.isEmpty()) {
                if (!contestedToo) continue;
                List<String> rivals = new ArrayList<>();
                rivalsTo.forEach(r -> rivals.add(r.id() + " of " + b.version() + " (\"" + r.label() + "\")"));
                rivalsFrom.forEach(r -> rivals.add(r.id() + " of " + a.version() + " (\"" + r.label() + "\")"));
                note += "; contested: the same name is also carried by " + String.join(", ", rivals);
            }
            link(x, y, MatchingRule.SAME_IDENTIFIER_SIMILAR_NAME, note);
            any = true;
        }
        return any;
    }

    /** The same identifier on both sides, unlinked, names unalike, but the linked children stayed under it. */
    private boolean sameIdentifierChildrenAgree() {
        boolean any = false;
        for (ProcessElement x : unlinkedFrom()) {
            ProcessElement y = b.get(x.id());
            if (y == null || linked(y)) continue;
            int linkedChildren = 0, agreeing = 0;
            for (ProcessElement child : a.children(x.id())) {
                ProcessIdentifier to = fwd.get(child.id());
                if (to == null) continue;
                linkedChildren++;
                if (x.id().equals(b.get(to).parent())) agreeing++;
            }
            if (agreeing >= 1 && 2 * agreeing >= linkedChildren) {
                link(x, y, MatchingRule.SAME_IDENTIFIER_CHILDREN_AGREE, agreeing + " of " + linkedChildren + " linked children stay under it");
                any = true;
            }
        }
        return any;
    }

    /**
     * The one unlinked process with the name on each side, at another level, where the
     * hierarchy agrees: the counterpart of an ancestor is its parent (moved up or down), or
     * the parents or some children carry the same names (a subtree moved whole).
     */
    private boolean sameNameNewLevel() {
        boolean any = false;
        for (ProcessElement x : unlinkedFrom()) {
            if (linked(x)) continue;
            List<ProcessElement> c = candidatesTo(x);
            if (c.size() != 1) continue;
            ProcessElement y = c.get(0);
            if (y.level() == x.level() || candidatesFrom(y).size() != 1) continue;
            String why = positionAgrees(x, y) ? "its place in the hierarchy agrees"
                : namesAround(x, y) ? "its parent or children carry the same names"
                : siblingsAgree(x, y) ? "siblings moved with it under the same new parent" : null;
            if (why == null) continue;
            link(x, y, MatchingRule.SAME_NAME_NEW_LEVEL, "level " + x.level() + " to " + y.level() + "; " + why);
            any = true;
        }
        return any;
    }

    /**
     * New identifier and a new name: the unlinked process whose children the children's
     * counterparts sit under, at least two of them, or one and a similar name.
     */
    private boolean childrenAgree() {
        boolean any = false;
        for (ProcessElement x : unlinkedFrom()) {
            if (linked(x)) continue;
            Map<ProcessIdentifier, Integer> votes = new TreeMap<>();
            int linkedChildren = 0;
            for (ProcessElement child : a.children(x.id())) {
                ProcessIdentifier to = fwd.get(child.id());
                if (to == null) continue;
                linkedChildren++;
                ProcessIdentifier p = b.get(to).parent();
                if (p != null) votes.merge(p, 1, Integer::sum);
            }
            if (votes.isEmpty()) continue;
            int top = votes.values().stream().max(Integer::compare).orElse(0);
            List<ProcessIdentifier> best = votes.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList();
            if (best.size() != 1 || 2 * top <= linkedChildren) continue;
            ProcessElement y = b.get(best.get(0));
            if (y == null || linked(y)) continue;
            double s = names.similarity(x.names(), y.names());
            int all = a.children(x.id()).size();
            if (s < NameKey.SIMILAR && (top < 2 || 2 * top <= all)) continue;
            link(x, y, MatchingRule.CHILDREN_AGREE, top + " of its " + all + " children (" + linkedChildren + " linked) moved under it together; names "
                + percent(s) + " alike");
            any = true;
        }
        return any;
    }

    /** Under the counterpart of its parent, the one unlinked child with a similar name, and the same seen from there. */
    private boolean sameParentSimilarName() {
        boolean any = false;
        for (ProcessElement x : unlinkedFrom()) {
            if (linked(x) || x.parent() == null || !fwd.containsKey(x.parent())) continue;
            ProcessElement y = mostSimilar(x, b.children(fwd.get(x.parent())));
            if (y == null || y.parent() == null || !back.containsKey(y.parent())) continue;
            if (mostSimilar(y, a.children(back.get(y.parent()))) != x) continue;
            link(x, y, MatchingRule.SAME_PARENT_SIMILAR_NAME, "names " + percent(names.similarity(x.names(), y.names())) + " alike");
            any = true;
        }
        return any;
    }

    /**
     * The same identifier on both sides under parents that are the same process, each the only
     * unlinked child left under its parent, the names sharing a word.
     */
    private boolean sameIdentifierLastLeft() {
        boolean any = false;
        for (ProcessElement x : unlinkedFrom()) {
            ProcessElement y = b.get(x.id());
            if (y == null || linked(y) || x.parent() == null || !parentAgrees(x, y)) continue;
            if (a.children(x.parent()).stream().filter(c -> !linked(c)).count() != 1) continue;
            if (b.children(y.parent()).stream().filter(c -> !linked(c)).count() != 1) continue;
            if (!names.shareAWord(x.names(), y.names())) continue;
            link(x, y, MatchingRule.SAME_IDENTIFIER_LAST_LEFT, "the only unlinked child left under " + x.parent() + " in both; names "
                + percent(names.similarity(x.names(), y.names())) + " alike");
            any = true;
        }
        return any;
    }

    /** The unlinked process among {@code options} most like {@code x} by name, if similar enough and alone at the top. */
    private ProcessElement mostSimilar(ProcessElement x, List<ProcessElement> options) {
        ProcessElement best = null;
        double top = 0;
        boolean tie = false;
        for (ProcessElement o : options) {
            if (linked(o)) continue;
            double s = names.similarity(x.names(), o.names());
            if (s > top) { best = o; top = s; tie = false; }
            else if (s == top && s > 0) tie = true;
        }
        return best != null && !tie && top >= NameKey.SIMILAR ? best : null;
    }

    // ---- the hierarchy -------------------------------------------------------------------------

    /** True when y's parent is the counterpart of x's parent (or both are domains). */
    private boolean parentAgrees(ProcessElement x, ProcessElement y) {
        if (x.parent() == null || y.parent() == null) return x.parent() == null && y.parent() == null && x.level() == 1 && y.level() == 1;
        return y.parent().equals(fwd.get(x.parent()));
    }

    /** Moved up (y's parent is the counterpart of an ancestor of x) or down (the counterpart of x's parent is an ancestor of y). */
    private boolean positionAgrees(ProcessElement x, ProcessElement y) {
        if (parentAgrees(x, y)) return true;
        if (y.parent() == null) return false;
        for (ProcessElement up = a.parentOf(x); up != null; up = a.parentOf(up))
            if (y.parent().equals(fwd.get(up.id()))) return true;
        ProcessIdentifier px = x.parent() == null ? null : fwd.get(x.parent());
        if (px == null) return false;
        for (ProcessElement up = b.parentOf(y); up != null; up = b.parentOf(up))
            if (up.id().equals(px)) return true;
        return false;
    }

    /** The parents share a name, or some child of x shares a name with some child of y. */
    private boolean namesAround(ProcessElement x, ProcessElement y) {
        ProcessElement px = a.parentOf(x), py = b.parentOf(y);
        if (px != null && py != null && intersects(aKeys.get(px.id()), bKeys.get(py.id()))) return true;
        for (ProcessElement cx : a.children(x.id()))
            for (ProcessElement cy : b.children(y.id()))
                if (intersects(aKeys.get(cx.id()), bKeys.get(cy.id()))) return true;
        return false;
    }

    /**
     * Another child of x's parent has y's parent as its parent's counterpart too: it was linked
     * there, or its name points there as the only unlinked candidate.
     */
    private boolean siblingsAgree(ProcessElement x, ProcessElement y) {
        if (x.parent() == null || y.parent() == null) return false;
        for (ProcessElement sibling : a.children(x.parent())) {
            if (sibling == x) continue;
            ProcessIdentifier to = fwd.get(sibling.id());
            ProcessElement target = to != null ? b.get(to) : null;
            if (target == null) {
                List<ProcessElement> c = candidatesTo(sibling);
                if (c.size() == 1 && candidatesFrom(c.get(0)).size() == 1) target = c.get(0);
            }
            if (target != null && y.parent().equals(target.parent())) return true;
        }
        return false;
    }

    // ---- bookkeeping ---------------------------------------------------------------------------

    private boolean shareName(ProcessElement x, ProcessElement y) { return intersects(aKeys.get(x.id()), bKeys.get(y.id())); }

    private static boolean intersects(Set<String> s, Set<String> t) {
        for (String k : s) if (t.contains(k)) return true;
        return false;
    }

    private boolean linked(ProcessElement e) {
        return e.release().equals(a.version()) ? fwd.containsKey(e.id()) : back.containsKey(e.id());
    }

    private List<ProcessElement> unlinkedFrom() {
        return a.all().stream().filter(x -> !fwd.containsKey(x.id())).sorted(BY_LEVEL).toList();
    }

    /** Unlinked processes of the later release that carry one of x's names. */
    private List<ProcessElement> candidatesTo(ProcessElement x) { return candidates(aKeys.get(x.id()), bByKey, back); }

    /** Unlinked processes of the earlier release that carry one of y's names. */
    private List<ProcessElement> candidatesFrom(ProcessElement y) { return candidates(bKeys.get(y.id()), aByKey, fwd); }

    private static List<ProcessElement> candidates(Set<String> keys, Map<String, List<ProcessElement>> byKey,
                                                   Map<ProcessIdentifier, ProcessIdentifier> taken) {
        Map<ProcessIdentifier, ProcessElement> out = new TreeMap<>();
        for (String k : keys)
            for (ProcessElement e : byKey.getOrDefault(k, List.of()))
                if (!taken.containsKey(e.id())) out.put(e.id(), e);
        return new ArrayList<>(out.values());
    }

    private void link(ProcessElement x, ProcessElement y, MatchingRule rule, String note) {
        fwd.put(x.id(), y.id());
        back.put(y.id(), x.id());
        ruleOf.put(x.id(), rule);
        if (note != null) noteOf.put(x.id(), note);
    }

    private static final Comparator<ProcessElement> BY_LEVEL = Comparator.comparingInt(ProcessElement::level).thenComparing(ProcessElement::id);

    private static String percent(double s) { return String.format(Locale.ROOT, "%.0f%%", 100 * s); }

    // ---- the result ----------------------------------------------------------------------------

    private List<Correspondence> correspondences() {
        String va = a.version(), vb = b.version();
        List<Correspondence> out = new ArrayList<>();
        Map<ProcessIdentifier, List<ProcessElement>> ambiguousTo = new LinkedHashMap<>();
        for (ProcessElement x : a.all()) {
            ProcessIdentifier to = fwd.get(x.id());
            if (to != null) {
                ProcessElement y = b.get(to);
                boolean renamed = !shareName(x, y);
                boolean renumbered = !x.id().equals(y.id());
                boolean moved = !parentAgrees(x, y);
                out.add(new Correspondence(va, vb, x, y, Change.of(renamed, renumbered, moved), ruleOf.get(x.id()), List.of(),
                    null, noteOf.get(x.id())));
                continue;
            }
            List<ProcessElement> candidates = new ArrayList<>(candidatesTo(x));
            ProcessElement same = b.get(x.id());
            if (same != null && !back.containsKey(same.id()) && !candidates.contains(same)) candidates.add(same);
            candidates.sort(Comparator.comparing(ProcessElement::id));
            if (!candidates.isEmpty()) {
                for (ProcessElement c : candidates) ambiguousTo.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(x);
                out.add(new Correspondence(va, vb, x, null, EnumSet.of(Change.AMBIGUOUS), MatchingRule.UNRESOLVED, candidates,
                    null, ambiguity(x, candidates)));
                continue;
            }
            RetiredProcess listed = listedAsDeleted(x);
            List<String> notes = new ArrayList<>();
            if (listed != null) notes.add("the deleted sheet of " + listedIn(listed) + " lists it (\"" + listed.name() + "\")");
            if (same != null && back.containsKey(same.id())) {
                double s = names.similarity(x.names(), same.names());
                notes.add((s >= NameKey.SIMILAR ? "contested: " : "") + "its identifier names \"" + same.label() + "\" in " + vb
                    + " (names " + percent(s) + " alike), the counterpart of " + back.get(same.id()) + " of " + va);
            }
            out.add(new Correspondence(va, vb, x, null, EnumSet.of(Change.REMOVED),
                listed != null ? MatchingRule.LISTED_AS_DELETED : MatchingRule.NO_COUNTERPART, List.of(),
                listed != null ? listed.iri() : null, notes.isEmpty() ? null : String.join("; ", notes)));
        }
        for (ProcessElement y : b.all()) {
            if (back.containsKey(y.id())) continue;
            List<ProcessElement> from = ambiguousTo.get(y.id());
            if (from != null) {
                out.add(new Correspondence(va, vb, null, y, EnumSet.of(Change.AMBIGUOUS), MatchingRule.UNRESOLVED, from,
                    null, "a candidate for " + String.join(", ", from.stream().map(f -> f.id() + " of " + va).toList())));
            } else {
                out.add(new Correspondence(va, vb, null, y, EnumSet.of(Change.ADDED), MatchingRule.NO_COUNTERPART, List.of(), null, null));
            }
        }
        return out;
    }

    private String ambiguity(ProcessElement x, List<ProcessElement> candidates) {
        List<String> why = new ArrayList<>();
        for (ProcessElement c : candidates) {
            String s;
            if (c.id().equals(x.id()) && !shareName(x, c))
                s = c.id() + " keeps the identifier but is named \"" + c.label() + "\" (names "
                    + percent(names.similarity(x.names(), c.names())) + " alike)";
            else if (c.level() != x.level())
                s = c.id() + " has the name at level " + c.level() + " and nothing around it agrees";
            else
                s = c.id() + " has the name";
            why.add(s);
        }
        return String.join("; ", why);
    }

    /** The release a retired element's IRI names (.../release/25.5/retired/7 gives 25.5). */
    private static String listedIn(RetiredProcess r) {
        String rest = r.iri().substring(r.iri().indexOf("/release/") + "/release/".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private RetiredProcess listedAsDeleted(ProcessElement x) {
        Set<String> keys = aKeys.get(x.id());
        for (RetiredProcess r : deletedSheet)
            if (r.identifier().equals(x.id().text()) && keys.contains(names.key(r.plainName()))) return r;
        return null;
    }
}
