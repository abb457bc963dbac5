package org.etomkg.frameworks.resolve;

import java.util.Collection;
import java.util.Locale;

/**
 * When two names are the same name: compared without case, with underscores read as spaces,
 * {@code &} read as {@code and}, and runs of spaces as one. Spelling variants ("Fulfilment",
 * "Fulfillment") and other words are different names.
 */
public final class Names {
    private Names() {}

    public static String normal(String name) {
        return name.replace('_', ' ').replace("&", " and ").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    public static boolean same(String a, String b) { return normal(a).equals(normal(b)); }

    public static boolean anySame(Collection<String> names, String name) {
        String n = normal(name);
        return names.stream().anyMatch(x -> normal(x).equals(n));
    }

    public static boolean overlap(Collection<String> a, Collection<String> b) {
        return a.stream().anyMatch(x -> anySame(b, x));
    }
}
