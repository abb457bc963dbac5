package org.etomkg.frameworks.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.etomkg.framework.ReleaseVersion;
import org.etomkg.frameworks.source.Catalogues;
import org.etomkg.frameworks.source.CitedEntry;
import org.etomkg.frameworks.source.FunctionCatalogue;

/**
 * The functions of each Functional Framework release, and the resolution of
 * {@code number|Name|vRELEASE} references against them (by number; the name is compared and a
 * difference reported, as for eTOM references).
 */
public final class FunctionIndex {
    private final TreeMap<String, Map<String, FrameworkFunction>> releases = new TreeMap<>(Comparator.comparing(ReleaseVersion::new));
    private final Map<String, FunctionCatalogue> catalogues = new TreeMap<>(Comparator.comparing(ReleaseVersion::new));

    public FunctionIndex(List<FunctionCatalogue> sources) {
        for (FunctionCatalogue c : sources) {
            catalogues.put(c.release(), c);
            Map<String, List<FunctionCatalogue.Entry>> byId = new LinkedHashMap<>();
            for (FunctionCatalogue.Entry e : c.entries()) byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
            Map<String, FrameworkFunction> functions = new TreeMap<>(Comparator.comparing(Integer::valueOf));
            byId.forEach((id, rows) -> {
                String label = rows.get(0).name();
                Set<String> others = new LinkedHashSet<>();
                Set<FrameworkFunction.Placement> places = new LinkedHashSet<>();
                for (FunctionCatalogue.Entry e : rows) {
                    if (!e.name().equals(label)) others.add(e.name());
                    FrameworkFunction.Placement p = new FrameworkFunction.Placement(e.domain(), e.verticalGroups(), e.aggregateLevel1(), e.aggregateLevel2());
                    if (p.domain() != null || p.verticalGroups() != null || p.aggregateLevel1() != null || p.aggregateLevel2() != null) places.add(p);
                }
                List<FrameworkFunction.Placement> sorted = new ArrayList<>(places);
                sorted.sort(Comparator.comparing((FrameworkFunction.Placement p) -> Objects.toString(p.domain(), ""))
                    .thenComparing(p -> Objects.toString(p.verticalGroups(), ""))
                    .thenComparing(p -> Objects.toString(p.aggregateLevel1(), ""))
                    .thenComparing(p -> Objects.toString(p.aggregateLevel2(), "")));
                functions.put(id, new FrameworkFunction(c.release(), id, label, new ArrayList<>(others), sorted, rows.size()));
            });
            releases.put(c.release(), functions);
        }
    }

    /** Each release's functions by number. */
    public Map<String, Map<String, FrameworkFunction>> releases() { return releases; }

    public Map<String, FunctionCatalogue> catalogues() { return catalogues; }

    public FunctionResolution resolve(CitedEntry cited) {
        Optional<String> release = Catalogues.match(cited.release(), releases.keySet());
        if (release.isEmpty()) return new FunctionResolution(cited, Status.NO_CATALOGUE, null, null);
        FrameworkFunction f = releases.get(release.get()).get(cited.parts().get(0));
        if (f == null) return new FunctionResolution(cited, Status.NOT_IN_RELEASE, release.get(), null);
        return new FunctionResolution(cited, Names.anySame(f.names(), cited.spaced(1)) ? Status.RESOLVED : Status.NAME_DIFFERS, release.get(), f);
    }
}
