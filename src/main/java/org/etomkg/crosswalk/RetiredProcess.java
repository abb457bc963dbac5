package org.etomkg.crosswalk;

/**
 * A process a release's source lists as deleted (the workbook's deleted sheet), kept as
 * evidence: a process that disappears and is listed there was removed, not renumbered.
 *
 * @param iri              its IRI ({@code .../release/25.5/retired/UID})
 * @param sourceIdentifier the identifier cell as the source writes it, remarks and all
 * @param name             its name as the source writes it, with the "(Deleted)" mark
 */
public record RetiredProcess(String iri, String sourceIdentifier, String name) {

    /** The identifier at the start of the cell ("1.4.7.7 (This Process ID ...)" gives 1.4.7.7), or "". */
    public String identifier() {
        String s = sourceIdentifier == null ? "" : sourceIdentifier.strip();
        int end = 0;
        while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) end++;
        String id = s.substring(0, end);
        while (id.endsWith(".")) id = id.substring(0, id.length() - 1);
        return id;
    }

    /** The name without the source's "(Deleted)" or "[Deleted]" mark. */
    public String plainName() {
        return name.replaceAll("(?i)\\s*[(\\[]\\s*deleted\\s*[)\\]]\\s*$", "").strip();
    }
}
