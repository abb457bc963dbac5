package org.etomkg.framework;

import java.util.Optional;

/**
 * A level 1 domain of the framework as the meta-model declares it: the identifier prefix it
 * owns and the releases in which it owns it (1.1 is Market & Sales before 25.5, Market after).
 */
public record Domain(String iri, String label, String prefix,
                     Optional<ReleaseVersion> firstRelease, Optional<ReleaseVersion> lastRelease) {

    public boolean activeIn(ReleaseVersion release) {
        return firstRelease.map(f -> release.compareTo(f) >= 0).orElse(true)
            && lastRelease.map(l -> release.compareTo(l) <= 0).orElse(true);
    }

    /** True when a source's domain column ("Market Domain", "market") names this domain. */
    public boolean answersTo(String sourceLabel) {
        String s = sourceLabel.trim().replaceAll("(?i)\\s+domain$", "");
        return s.equalsIgnoreCase(label);
    }
}
