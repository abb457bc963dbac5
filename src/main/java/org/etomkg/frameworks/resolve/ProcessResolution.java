package org.etomkg.frameworks.resolve;

import java.util.List;

import org.etomkg.frameworks.source.CitedEntry;

/**
 * What an eTOM reference resolved to.
 *
 * @param cited             the reference as the source writes it
 * @param status            how it resolved
 * @param catalogueRelease  the release the citation names, where etom-kg has it (23.0.1 for v23.0)
 * @param target            the process in that release, where the identifier is there
 * @param candidate         where etom-kg has no catalogue of the cited release: the process with the
 *                          cited identifier and name in the earliest release that has one
 * @param carried           the same process as the target (or candidate) in other releases, oldest release first
 * @param carryRule         how {@code carried} was found: {@code SameProcessInCrosswalk} (the release crosswalk's
 *                          links) or {@code SameIdentifierAndName} (without a crosswalk)
 * @param citedNameIn       the releases where the cited identifier carries the cited name
 */
public record ProcessResolution(CitedEntry cited, Status status, String catalogueRelease, EtomProcess target,
                                EtomProcess candidate, List<EtomProcess> carried, String carryRule, List<String> citedNameIn) {
    public ProcessResolution {
        carried = List.copyOf(carried);
        citedNameIn = List.copyOf(citedNameIn);
    }

    /** The process the reference stands for in its own release: the target, else the candidate. */
    public EtomProcess anchor() { return target != null ? target : candidate; }
}
