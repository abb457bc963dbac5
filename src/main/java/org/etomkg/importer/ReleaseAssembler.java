package org.etomkg.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.etomkg.framework.Domain;
import org.etomkg.framework.MetaModel;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.framework.VerticalGroup;

/**
 * Turns the rows of a source into the elements of a release. Rows sharing an identifier are
 * one element. Nothing is dropped: every quirk of the source becomes a flag on the element
 * or a note in the quality report, never a silent repair.
 */
public final class ReleaseAssembler {
    /** An identifier cell with a remark after it: "1.3.3.3 (This Process ID has been deliberately unused!)". */
    private static final Pattern REMARK = Pattern.compile("\\s*([0-9.]+?)\\s*\\((.+)\\)\\s*");
    /** A retired element's UID becomes the local name of its IRI ({@code retired:1896}), so it must be safe there. */
    private static final Pattern SAFE_UID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");
    private final MetaModel metaModel;

    public ReleaseAssembler(MetaModel metaModel) { this.metaModel = metaModel; }

    public ReleaseContent assemble(ReleaseSource source) {
        Map<String, Integer> notes = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        Map<ProcessIdentifier, List<SourceRow>> byId = new TreeMap<>();
        for (SourceRow row : source.rows()) {
            ProcessIdentifier id = identifier(source, row);
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
        }
        List<Domain> domains = metaModel.domainsOf(source.version());
        List<ReleaseElement> elements = new ArrayList<>();
        Map<String, String> uidOwner = new TreeMap<>();
        for (var entry : byId.entrySet()) {
            elements.add(element(source, entry.getKey(), entry.getValue(), byId, notes, details, uidOwner));
        }
        return new ReleaseContent(source.version(), source.sourceName(), source.sourceKind(), domains, elements,
            retired(source, notes), source.rows().size(), notes, details);
    }

    /** The identifier an identifier cell names, ignoring a remark after it ("1.3.3.3 (...)" is 1.3.3.3). */
    static ProcessIdentifier identifierIn(String cell) {
        Matcher remark = REMARK.matcher(cell);
        return ProcessIdentifier.parse(remark.matches() ? remark.group(1) : cell);
    }

    private ProcessIdentifier identifier(ReleaseSource source, SourceRow row) {
        try {
            ProcessIdentifier id = identifierIn(row.identifier());
            if (id.parts()[0] != 1 || id.level() < 2)
                throw new IllegalArgumentException("'" + row.identifier()
                    + "' is not a TM Forum process below a domain (expected 1.x.y or deeper)");
            return id;
        } catch (IllegalArgumentException e) {
            throw new SourceException(source.sourceName() + ": " + row.where() + ": " + e.getMessage());
        }
    }

    private ReleaseElement element(ReleaseSource source, ProcessIdentifier id, List<SourceRow> rows,
                                   Map<ProcessIdentifier, List<SourceRow>> all, Map<String, Integer> notes,
                                   List<String> details, Map<String, String> uidOwner) {
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        if (rows.size() > 1) count(notes, "rows that repeat an identifier already seen (one element each)", rows.size() - 1);

        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.add(r.name().strip()));
        List<String> nameList = new ArrayList<>(names);
        if (nameList.size() > 1) flags.add(QualityFlag.ConflictingNames);

        List<Integer> sourceLevels = rows.stream().map(SourceRow::level).distinct()
            .filter(l -> l != id.level()).toList();
        if (!sourceLevels.isEmpty()) flags.add(QualityFlag.LevelMismatch);

        Optional<Domain> domain = metaModel.domainFor(id, source.version());
        if (domain.isEmpty()) flags.add(QualityFlag.StrayIdentifier);
        List<String> contradicting = new ArrayList<>();
        for (SourceRow r : rows) {
            String label = r.domainLabel();
            if (label == null || label.isBlank()) { count(notes, "rows with an empty domain label", 1); continue; }
            if (domain.isPresent() && !domain.get().answersTo(label) && !contradicting.contains(label.strip()))
                contradicting.add(label.strip());
        }
        if (!contradicting.isEmpty()) flags.add(QualityFlag.DomainLabelMismatch);

        List<String> remarked = rows.stream().map(SourceRow::identifier).filter(c -> !c.equals(id.text())).distinct().toList();
        if (!remarked.isEmpty()) flags.add(QualityFlag.AnnotatedIdentifier);

        ProcessIdentifier parent = id.parent().orElseThrow();   // level 2 and deeper: never empty
        boolean parentPresent = parent.level() == 1 ? domain.isPresent() : all.containsKey(parent);
        String missingParent = null;
        if (!parentPresent) {
            flags.add(QualityFlag.Orphan);
            missingParent = parent.text();
        }

        Set<VerticalGroup> groups = new LinkedHashSet<>();
        Set<String> uids = new LinkedHashSet<>();
        Set<String> originals = new LinkedHashSet<>();
        String addedIn = null;
        for (SourceRow r : rows) {
            if (r.verticalGroup() != null && !r.verticalGroup().isBlank()) {
                VerticalGroup g = metaModel.verticalGroup(r.verticalGroup()).orElseThrow(() -> new SourceException(
                    source.sourceName() + ": " + r.where() + ": '" + r.verticalGroup()
                        + "' is not a vertical group (expected one of " + metaModel.verticalGroups().stream()
                        .map(VerticalGroup::label).toList() + ")"));
                if (!g.label().equals(r.verticalGroup().strip()))
                    count(notes, "rows that spell a vertical group in another case (read as the group)", 1);
                groups.add(g);
            }
            if (r.uid() != null) {
                uids.add(r.uid());
                String owner = uidOwner.putIfAbsent(r.uid(), id.text());
                if (owner != null && !owner.equals(id.text())) {
                    count(notes, "UIDs given to more than one identifier", 1);
                    details.add("UID " + r.uid() + " is given to both " + owner + " and " + id + " (" + r.where() + ")");
                }
            }
            if (r.originalIdentifier() != null) {
                if (ProcessIdentifier.isValid(r.originalIdentifier())) originals.add(r.originalIdentifier());
                else if (!originals.contains("!" + r.originalIdentifier())) {
                    originals.add("!" + r.originalIdentifier());
                    count(notes, "original identifiers that are not identifiers (not imported)", 1);
                    details.add(id + ": original identifier cell reads '" + r.originalIdentifier() + "' (" + r.where() + ")");
                }
            }
            if (r.addedIn() != null) addedIn = r.addedIn();
        }
        originals.removeIf(o -> o.startsWith("!"));
        return new ReleaseElement(id, nameList.get(0), nameList.subList(1, nameList.size()), parentPresent ? parent : null,
            domain.orElse(null), List.copyOf(groups), List.copyOf(uids), List.copyOf(originals), addedIn, flags,
            sourceLevels, contradicting, missingParent, remarked);
    }

    private List<RetiredElement> retired(ReleaseSource source, Map<String, Integer> notes) {
        Map<String, List<RetiredRow>> byUid = new TreeMap<>(ReleaseAssembler::compareUids);
        for (RetiredRow r : source.retired()) {
            if (!SAFE_UID.matcher(r.uid()).matches())
                throw new SourceException(source.sourceName() + ": " + r.where() + ", column 'UID': '" + r.uid()
                    + "' is not a UID (expected letters, digits, '-' or '_', such as 1896)");
            byUid.computeIfAbsent(r.uid(), k -> new ArrayList<>()).add(r);
        }
        List<RetiredElement> out = new ArrayList<>();
        for (var e : byUid.entrySet()) {
            List<RetiredRow> rows = e.getValue();
            RetiredRow first = rows.get(0);
            if (rows.size() > 1) count(notes, "retired rows that repeat a UID already seen (one retired element each)", rows.size() - 1);
            Set<VerticalGroup> groups = new LinkedHashSet<>();
            for (RetiredRow r : rows) {
                if (r.verticalGroup() == null || r.verticalGroup().isBlank()) continue;
                groups.add(metaModel.verticalGroup(r.verticalGroup()).orElseThrow(() -> new SourceException(
                    source.sourceName() + ": " + r.where() + ": '" + r.verticalGroup() + "' is not a vertical group")));
            }
            out.add(new RetiredElement(e.getKey(), first.name().strip(),
                distinct(rows.stream().map(RetiredRow::identifierCell).toList()),
                distinct(rows.stream().map(RetiredRow::parentCell).toList()), first.level(),
                distinct(rows.stream().map(RetiredRow::domainLabel).toList()), List.copyOf(groups),
                distinct(rows.stream().map(RetiredRow::originalIdentifier).filter(ProcessIdentifier::isValid).toList()),
                first.maturityLevel(), first.frameworkStatus()));
        }
        return out;
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    /** UIDs are numbers in the workbook; order them as numbers when they are. */
    private static int compareUids(String a, String b) {
        boolean na = a.matches("[0-9]{1,18}"), nb = b.matches("[0-9]{1,18}");
        if (na && nb) {
            int byNumber = Long.compare(Long.parseLong(a), Long.parseLong(b));
            return byNumber != 0 ? byNumber : a.compareTo(b);   // "0777" and "777" are two UIDs, not one
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    private static void count(Map<String, Integer> notes, String what, int n) {
        notes.merge(what, n, Integer::sum);
    }
}
