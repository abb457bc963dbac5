package org.etomkg.frameworks.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.etomkg.frameworks.source.CitedEntry;

/**
 * Resolves {@code identifier|Name|vRELEASE} references against the eTOM releases etom-kg holds.
 * <ul>
 * <li>The cited release names a catalogue (v23.0 names 23.0.1): the identifier is looked up there.
 *   With a matching name it is {@link Status#RESOLVED}; under another name it is
 *   {@link Status#NAME_DIFFERS} and the link still follows the identifier, the source's key;
 *   absent, it is {@link Status#NOT_IN_RELEASE} and nothing is linked.</li>
 * <li>No catalogue of the cited release (v21.5): {@link Status#NO_CATALOGUE}; the earliest release
 *   with the same identifier and name becomes a derived candidate.</li>
 * <li>A resolved process (or candidate) is carried to the same process in every other release: along
 *   the release crosswalk's {@code etom:nextVersion} links where the ontology folder has a crosswalk,
 *   else to the processes with the same identifier and name. A derived link each.</li>
 * </ul>
 */
public final class ProcessResolver {
    public static final String CROSSWALK_RULE = "SameProcessInCrosswalk";
    public static final String NAME_RULE = "SameIdentifierAndName";

    private final EtomCatalogue catalogue;
    private final Crosswalk crosswalk;

    public ProcessResolver(EtomCatalogue catalogue, Crosswalk crosswalk) {
        this.catalogue = catalogue;
        this.crosswalk = crosswalk;
    }

    private String rule() { return crosswalk.isEmpty() ? NAME_RULE : CROSSWALK_RULE; }

    public ProcessResolution resolve(CitedEntry cited) {
        String id = cited.parts().get(0);
        String name = cited.spaced(1);
        List<String> citedNameIn = new ArrayList<>();
        for (String r : catalogue.releases())
            catalogue.process(r, id).filter(p -> Names.anySame(p.names(), name)).ifPresent(p -> citedNameIn.add(r));
        Optional<String> release = catalogue.release(cited.release());
        if (release.isEmpty()) {
            EtomProcess candidate = citedNameIn.isEmpty() ? null : catalogue.process(citedNameIn.get(0), id).orElseThrow();
            return new ProcessResolution(cited, Status.NO_CATALOGUE, null, null, candidate, carried(candidate), rule(), citedNameIn);
        }
        Optional<EtomProcess> target = catalogue.process(release.get(), id);
        if (target.isEmpty())
            return new ProcessResolution(cited, Status.NOT_IN_RELEASE, release.get(), null, null, List.of(), rule(), citedNameIn);
        Status status = Names.anySame(target.get().names(), name) ? Status.RESOLVED : Status.NAME_DIFFERS;
        return new ProcessResolution(cited, status, release.get(), target.get(), null, carried(target.get()), rule(), citedNameIn);
    }

    private List<EtomProcess> carried(EtomProcess from) {
        if (from == null) return List.of();
        List<EtomProcess> out = new ArrayList<>();
        if (!crosswalk.isEmpty()) {
            for (String iri : crosswalk.otherVersions(from.iri())) catalogue.byIri(iri).ifPresent(out::add);
            out.sort(java.util.Comparator.comparing(p -> new org.etomkg.framework.ReleaseVersion(p.release())));
            return out;
        }
        for (String r : catalogue.releases()) {
            if (r.equals(from.release())) continue;
            catalogue.process(r, from.id()).filter(p -> Names.overlap(p.names(), from.names())).ifPresent(out::add);
        }
        return out;
    }

    public EtomCatalogue catalogue() { return catalogue; }
}
