package org.etomkg.frameworks.resolve;

import org.etomkg.frameworks.source.AbeLinkRow;

/**
 * A row of the eTOM-to-SID link table with its references resolved. For a process-to-SID row,
 * {@code processes} has one resolution per eTOM reference (none where the row says NO MATCH);
 * for a SID-to-SID row, {@code from} is the producing entity. {@code from} and {@code sid} are
 * null where the row says NO MATCH.
 */
public record ResolvedAbeLink(AbeLinkRow row, java.util.List<ProcessResolution> processes, SidResolution from, SidResolution sid) {
    public ResolvedAbeLink {
        processes = java.util.List.copyOf(processes);
    }
}
