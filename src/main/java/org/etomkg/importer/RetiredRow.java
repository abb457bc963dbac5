package org.etomkg.importer;

/**
 * A row of the workbook's deleted-processes sheet. Its identifier cells are kept as written
 * (many read "(This Process ID has been deliberately unused!)"), so the UID is the key.
 */
public record RetiredRow(String where, String uid, String name, String identifierCell, String parentCell,
                         Integer level, String domainLabel, String verticalGroup, String originalIdentifier,
                         Integer maturityLevel, String frameworkStatus) {
}
