package org.etomkg.frameworks.source;

/**
 * One data row of the transcribed "eTOM L2 - SID ABEs links" table.
 *
 * @param ordinal     the row's number among the data rows, from 1
 * @param line        the row's line in the file
 * @param kind        what the row says
 * @param component   the component whose specification shows the link
 * @param activity    the process as the diagram names it (for a SID-to-SID row: the source entity)
 * @param sidEntity   the SID entity as the diagram names it (for a SID-to-SID row: the target entity)
 * @param direction   the direction column as written
 * @param etomRefs    the matched eTOM references (a row may give several, separated by ";"), none where the row says NO MATCH
 * @param fromRef     for a SID-to-SID row: the producing entity's path, or null where the row says NO MATCH
 * @param sidRef      the matched SID reference, or null where the row says NO MATCH
 * @param text        the row as written, for provenance
 */
public record AbeLinkRow(int ordinal, int line, Kind kind, String component, String activity, String sidEntity,
                         String direction, java.util.List<CitedEntry> etomRefs, CitedEntry fromRef, CitedEntry sidRef, String text) {

    public AbeLinkRow {
        etomRefs = java.util.List.copyOf(etomRefs);
    }

    public enum Kind {
        /** A process produces, consumes or both a SID entity. */
        PROCESS_TO_SID,
        /** A repeated header row that starts a table of SID-to-SID links. */
        SECTION_HEADER,
        /** A SID entity produces another. */
        SID_TO_SID
    }

    public boolean produces() { return direction.equalsIgnoreCase("bidirectional") || direction.equalsIgnoreCase("activity produces"); }

    public boolean consumes() { return direction.equalsIgnoreCase("bidirectional") || direction.equalsIgnoreCase("activity consumes"); }
}
