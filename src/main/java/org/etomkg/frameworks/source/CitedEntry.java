package org.etomkg.frameworks.source;

import java.util.List;

/**
 * A reference as a source writes it: {@code 1.5.8|Resource_Trouble_Management|v25.0} has the parts
 * {@code [1.5.8, Resource_Trouble_Management]} and cites release {@code 25.0}.
 *
 * @param raw      the entry exactly as written
 * @param parts    the parts before the release
 * @param release  the cited release without its leading v
 * @param location where the entry sits in its file: a path or a line
 */
public record CitedEntry(String raw, List<String> parts, String release, String location) {
    public CitedEntry {
        parts = List.copyOf(parts);
    }

    /** A part with underscores read as spaces: {@code Resource Trouble Management}. */
    public String spaced(int i) { return parts.get(i).replace('_', ' ').trim(); }
}
