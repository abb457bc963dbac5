package org.etomkg.importer;

/**
 * One row of a release source as read, before any checking of what it means. Optional cells
 * are null. {@code where} names the row for messages: "sheet 'eTOM25,5' row 12" or
 * "$.entries[11]".
 */
public record SourceRow(String where, String identifier, String name, Integer level, String domainLabel,
                        String verticalGroup, String originalIdentifier, String uid, String addedIn,
                        String description) {

    /** A row of a JSON catalogue, which has no workbook-only columns. */
    public static SourceRow ofCatalog(String where, String identifier, String name, Integer level, String domainLabel) {
        return new SourceRow(where, identifier, name, level, domainLabel, null, null, null, null, null);
    }
}
