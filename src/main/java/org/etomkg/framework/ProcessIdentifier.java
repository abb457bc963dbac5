package org.etomkg.framework;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An eTOM process identifier such as {@code 1.3.3.10}: dot-separated numbers, the first
 * being 1 for TM Forum's processes and 2 for a company's own. The level is the number of
 * parts minus one, so {@code 1.3} is a level 1 domain and {@code 1.3.3} a level 2 process.
 */
public record ProcessIdentifier(String text, int[] parts) implements Comparable<ProcessIdentifier> {
    private static final Pattern FORM = Pattern.compile("[12](\\.(0|[1-9][0-9]{0,3}))+");

    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** Parses an identifier, or says why the text is not one. */
    public static ProcessIdentifier parse(String text) {
        if (!isValid(text))
            throw new IllegalArgumentException("'" + text + "' is not an eTOM process identifier (expected numbers joined by dots, such as 1.3.3.10)");
        return new ProcessIdentifier(text, Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    public int level() { return parts.length - 1; }

    /** The first two parts, which name the domain: {@code 1.12} for {@code 1.12.9.1}. */
    public String domainPrefix() { return parts[0] + "." + parts[1]; }

    public Optional<ProcessIdentifier> parent() {
        if (parts.length <= 2) return Optional.empty();   // a domain (1.3) has no parent
        return Optional.of(parse(text.substring(0, text.lastIndexOf('.'))));
    }

    /** Orders identifiers part by part as numbers, so 1.1.2 comes before 1.1.10. */
    @Override public int compareTo(ProcessIdentifier o) { return Arrays.compare(parts, o.parts); }
    @Override public boolean equals(Object o) { return o instanceof ProcessIdentifier p && p.text.equals(text); }
    @Override public int hashCode() { return text.hashCode(); }
    @Override public String toString() { return text; }
}
