package org.etomkg.frameworks.source;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a cited release finds its catalogue. A citation names the catalogue with the same number,
 * or else the one catalogue whose first two numbers are the same: {@code v23.0} names the eTOM
 * catalogue 23.0.1, {@code v23.5.0.1} the SID catalogue 23.5.
 */
public final class Catalogues {
    private static final Pattern VERSION = Pattern.compile("[vV]?([0-9]{1,3})\\.([0-9]{1,3})(\\.[0-9]{1,3}){0,2}");

    private Catalogues() {}

    /** {@code v23.5.0.1} as {@code 23.5}; empty when the text is not a release number. */
    public static Optional<String> majorMinor(String version) {
        Matcher m = VERSION.matcher(version == null ? "" : version.trim());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2))) : Optional.empty();
    }

    /** The catalogue release a citation names, among those available. */
    public static Optional<String> match(String cited, Collection<String> available) {
        String c = cited.startsWith("v") || cited.startsWith("V") ? cited.substring(1) : cited;
        if (available.contains(c)) return Optional.of(c);
        Optional<String> key = majorMinor(c);
        if (key.isEmpty()) return Optional.empty();
        List<String> same = available.stream().filter(a -> majorMinor(a).equals(key)).toList();
        return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
    }
}
