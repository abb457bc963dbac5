package org.etomkg.archimate;

import java.util.ArrayList;
import java.util.List;

/**
 * A folder of the model's organisation: a label, the identifiers (of elements, relationships or
 * views) it holds, and its sub-folders, in the order they are written.
 */
public final class OrganisationFolder {
    final String label;
    final List<String> items = new ArrayList<>();
    final List<OrganisationFolder> folders = new ArrayList<>();

    OrganisationFolder(String label) { this.label = label; }

    OrganisationFolder folder(String label) {
        for (OrganisationFolder f : folders) if (f.label.equals(label)) return f;
        OrganisationFolder f = new OrganisationFolder(label);
        folders.add(f);
        return f;
    }

    boolean isEmpty() { return items.isEmpty() && folders.stream().allMatch(OrganisationFolder::isEmpty); }
}
