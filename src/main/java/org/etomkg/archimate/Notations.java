package org.etomkg.archimate;

import java.util.Comparator;

/** Orders identifiers such as 1.3.3.10 the way the framework does: 1.3.3.9 before 1.3.3.10. */
final class Notations {
    private Notations() {}

    static final Comparator<String> ORDER = (a, b) -> {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    };
}
