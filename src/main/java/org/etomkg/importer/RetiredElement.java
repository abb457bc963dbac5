package org.etomkg.importer;

import java.util.List;

import org.etomkg.framework.VerticalGroup;

/** A retired process of a release, keyed by its TM Forum UID; the rows it merges share that UID. */
public record RetiredElement(String uid, String label, List<String> identifierCells, List<String> parentCells,
                             Integer level, List<String> domainLabels, List<VerticalGroup> verticalGroups,
                             List<String> originalIdentifiers, Integer maturityLevel, String frameworkStatus) {
}
