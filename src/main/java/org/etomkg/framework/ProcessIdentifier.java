package org.etomkg.framework;

import java.util.Arrays;
import java.util.Optional;

/**
 * An eTOM process identifier such as {@code 1.3.3.10}: dot-separated numbers, the first
 * being 1 for TM Forum's processes and 2 for a company's own. The level is the number of
 * parts minus one, so {@code 1.3} is a level 1 domain and {@code 1.3.3} a level 2 process.
 */
public record ProcessIdentifier(String text, int[] parts) implements Comparable<ProcessIdentifier> {
    /**
     * True for {@code 1} or {@code 2} followed by one or more dot-separated numbers of at most four
     * digits without a leading zero. Checked character by character: a regular expression with a
     * repeated group recurses once per part, and an identifier of thousands of parts overflowed the stack.
     */
    public static boolean isValid(String text) {
        if (text == null || text.length() < 3 || (text.charAt(0) != '1' && text.charAt(0) != '2')) return false;
        int i = 1, n = text.length();
        while (i < n) {
            if (text.charAt(i++) != '.' || i == n) return false;
            int start = i;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
            int digits = i - start;
            if (digits == 0 || digits > 4 || (digits > 1 && text.charAt(start) == '0')) return false;
        }
        return true;
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
