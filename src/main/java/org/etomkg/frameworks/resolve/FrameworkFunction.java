package org.etomkg.frameworks.resolve;

import java.util.List;

/**
 * A function of one Functional Framework release, gathered from the export's rows with its
 * number: the first row's name is its label, the other names rows give are kept as other names,
 * and each distinct place a row gives is a placement.
 */
public record FrameworkFunction(String release, String id, String label, List<String> otherNames, List<Placement> placements,
                                int rows) {
    public FrameworkFunction {
        otherNames = List.copyOf(otherNames);
        placements = List.copyOf(placements);
    }

    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(label), otherNames.stream()).toList();
    }

    /** One place the export gives the function; any part may be absent. */
    public record Placement(String domain, String verticalGroups, String aggregateLevel1, String aggregateLevel2) {}
}
