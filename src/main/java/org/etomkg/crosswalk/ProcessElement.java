package org.etomkg.crosswalk;

import java.util.ArrayList;
import java.util.List;

import org.etomkg.framework.ProcessIdentifier;

/**
 * One process of one release as the crosswalk sees it: identifier, names, level, parent and
 * the vertical groups the release's source states for it.
 *
 * @param release        the release number, such as 25.5
 * @param id             its identifier in that release
 * @param iri            its IRI, which names it in that release only
 * @param label          its name (the first the source gives)
 * @param otherNames     further names the source gives the same identifier
 * @param level          its level, 1 for a domain
 * @param parent         its parent's identifier, or null for a domain or an orphan
 * @param verticalGroups the IRIs of the vertical groups the source states, sorted
 */
public record ProcessElement(String release, ProcessIdentifier id, String iri, String label, List<String> otherNames,
                             int level, ProcessIdentifier parent, List<String> verticalGroups) {

    public ProcessElement {
        otherNames = List.copyOf(otherNames);
        verticalGroups = List.copyOf(verticalGroups);
    }

    /** The label first, then the other names. */
    public List<String> names() {
        List<String> all = new ArrayList<>(1 + otherNames.size());
        all.add(label);
        all.addAll(otherNames);
        return all;
    }

    @Override public String toString() { return id + " " + label + " (" + release + ")"; }
}
