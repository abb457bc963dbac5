package org.etomkg.frameworks.source;

import java.util.List;

/**
 * An Open API a component specification exposes or depends on.
 *
 * @param id            the API identifier, such as TMF642
 * @param name          the name the specification gives, if any
 * @param required      whether the specification marks it required, if it says
 * @param majorVersions the major versions of its {@code specification} entries, in source order
 * @param entry         the identifier and versions as one text, for provenance
 * @param location      the path of the entry in the file
 */
public record ApiUse(String id, String name, Boolean required, List<Integer> majorVersions, String entry, String location) {
    public ApiUse {
        majorVersions = List.copyOf(majorVersions);
    }
}
