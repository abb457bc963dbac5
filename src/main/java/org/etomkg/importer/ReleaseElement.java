package org.etomkg.importer;

import java.util.List;
import java.util.Set;

import org.etomkg.framework.Domain;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.framework.VerticalGroup;

/**
 * A process element of a release as it will be written: the identifier, the first name as
 * label and any others as alternatives, the level from the identifier, and every flag raised.
 * Nullable fields are absent from the source.
 */
public record ReleaseElement(ProcessIdentifier id, String label, List<String> otherNames, ProcessIdentifier parent,
                             Domain domain, List<VerticalGroup> verticalGroups, List<String> uids,
                             List<String> originalIdentifiers, String addedIn, Set<QualityFlag> flags,
                             List<Integer> sourceLevels, List<String> sourceDomainLabels, String missingParent,
                             List<String> sourceIdentifiers) {

    public int level() { return id.level(); }
}
