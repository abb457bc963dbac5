package org.etomkg.framework;

import java.util.Arrays;
import java.util.regex.Pattern;

/** A release number such as {@code 23.0.1} or {@code 25.5}, ordered as numbers. */
public record ReleaseVersion(String text) implements Comparable<ReleaseVersion> {
    private static final Pattern FORM = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){1,3}");

    public ReleaseVersion {
        if (text == null || !FORM.matcher(text).matches())
            throw new IllegalArgumentException("'" + text + "' is not a release number (expected such as 25.5 or 23.0.1)");
    }

    /** Reads forms TM Forum uses: {@code v25.5}, {@code 25.5}, {@code 25,5}, {@code 25.5.0} stays as written. */
    public static ReleaseVersion of(String raw) {
        String t = raw == null ? null : raw.trim();
        if (t != null && (t.startsWith("v") || t.startsWith("V"))) t = t.substring(1);
        if (t != null) t = t.replace(',', '.');
        return new ReleaseVersion(t);
    }

    private int[] parts() { return Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray(); }

    @Override public int compareTo(ReleaseVersion o) { return Arrays.compare(parts(), o.parts()); }
    @Override public String toString() { return text; }
}
