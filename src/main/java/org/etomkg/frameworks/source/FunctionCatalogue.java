package org.etomkg.frameworks.source;

import java.util.List;

/**
 * One release of the Functional Framework catalogue: its entries in source order. An entry is
 * one placement of a function; the same number may come several times.
 */
public record FunctionCatalogue(String file, String sourceVersion, String release, List<Entry> entries, int nonTextValues) {
    public FunctionCatalogue {
        entries = List.copyOf(entries);
    }

    /** One row of the export: the function's number and name, and one place it is given. */
    public record Entry(String id, String name, String domain, String verticalGroups, String aggregateLevel1,
                        String aggregateLevel2, String location) {}
}
