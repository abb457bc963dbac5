package org.etomkg.frameworks.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.etomkg.framework.ReleaseVersion;
import org.etomkg.frameworks.source.Catalogues;
import org.etomkg.frameworks.source.CitedEntry;
import org.etomkg.frameworks.source.SidCatalogue;

/**
 * Resolves {@code Domain|ABE[|entity...]|vRELEASE} references against the SID releases read.
 * The domain and ABE match the export's tokens (or names, underscores read as spaces); each
 * further part is an entity listed under that ABE: an ABE by name, a BE by its name before
 * {@code _BE}. The export lists nested entities flat under the top-level ABE, so the parts
 * after the ABE are looked up there: the path resolves when its last part is listed (the parts
 * between, nested ABEs the export may not list, are not required). When the domain or ABE is
 * missing nothing is linked ({@link Status#NOT_IN_RELEASE}); when the last part is missing the
 * link goes to the deepest listed part of the path, else the ABE ({@link Status#ENCLOSING}).
 */
public final class SidIndex {
    private final TreeMap<String, SidCatalogue> releases = new TreeMap<>(Comparator.comparing(ReleaseVersion::new));

    public SidIndex(List<SidCatalogue> catalogues) {
        for (SidCatalogue c : catalogues) releases.put(c.release(), c);
    }

    public Map<String, SidCatalogue> releases() { return releases; }

    public SidResolution resolve(CitedEntry cited) {
        Optional<String> release = Catalogues.match(cited.release(), releases.keySet());
        if (release.isEmpty()) return new SidResolution(cited, Status.NO_CATALOGUE, null, null, null);
        SidCatalogue c = releases.get(release.get());
        List<String> parts = cited.parts();
        Optional<SidCatalogue.Domain> domain = c.domains().stream().filter(d -> matches(parts.get(0), d.token(), d.name())).findFirst();
        if (domain.isEmpty()) return new SidResolution(cited, Status.NOT_IN_RELEASE, release.get(), null, null);
        Optional<SidCatalogue.Abe> abe = domain.get().abes().stream().filter(a -> matches(parts.get(1), a.token(), a.name())).findFirst();
        if (abe.isEmpty()) return new SidResolution(cited, Status.NOT_IN_RELEASE, release.get(), null, null);
        SidEntity top = SidEntity.abe(release.get(), domain.get().name(), abe.get().name());
        if (parts.size() == 2) return new SidResolution(cited, Status.RESOLVED, release.get(), top, null);
        Optional<SidCatalogue.Member> last = member(abe.get(), parts.get(parts.size() - 1));
        if (last.isPresent())
            return new SidResolution(cited, Status.RESOLVED, release.get(), entity(release.get(), domain.get(), abe.get(), last.get()), null);
        SidEntity deepest = top;
        int resolvedUpTo = 2;
        for (int i = 2; i < parts.size() - 1; i++) {
            Optional<SidCatalogue.Member> m = member(abe.get(), parts.get(i));
            if (m.isPresent()) {
                deepest = entity(release.get(), domain.get(), abe.get(), m.get());
                resolvedUpTo = i + 1;
            }
        }
        return new SidResolution(cited, Status.ENCLOSING, release.get(), deepest, String.join("|", parts.subList(resolvedUpTo, parts.size())));
    }

    private static SidEntity entity(String release, SidCatalogue.Domain d, SidCatalogue.Abe a, SidCatalogue.Member m) {
        return SidEntity.member(release, d.name(), a.name(), m.abe(), m.name());
    }

    private static Optional<SidCatalogue.Member> member(SidCatalogue.Abe abe, String part) {
        String p = part.trim();
        if (p.toUpperCase(Locale.ROOT).endsWith("_BE")) {
            String be = p.substring(0, p.length() - 3);
            return abe.members().stream().filter(m -> !m.abe() && Names.same(m.name(), be)).findFirst();
        }
        List<SidCatalogue.Member> byName = new ArrayList<>(abe.members().stream().filter(m -> Names.same(m.name(), p)).toList());
        byName.sort(Comparator.comparing(m -> !m.abe()));   // an ABE before a BE of the same name
        return byName.stream().findFirst();
    }

    private static boolean matches(String part, String token, String name) {
        return Names.same(part, token) || Names.same(part, name);
    }
}
