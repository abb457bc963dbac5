package org.etomkg.frameworks.resolve;

/** How a cited reference resolved against the catalogue of the release it cites. */
public enum Status {
    /** The identifier (or path) is in the cited release and the cited name is one of its names. */
    RESOLVED("Resolved"),
    /** The identifier is in the cited release under another name; the link follows the identifier. */
    NAME_DIFFERS("ResolvedNameDiffers"),
    /** etom-kg holds no catalogue of the cited release. */
    NO_CATALOGUE("NoCatalogueForRelease"),
    /** The cited release's catalogue has no such identifier or path. */
    NOT_IN_RELEASE("NotInCitedRelease"),
    /** A SID path resolves only up to an enclosing entity. */
    ENCLOSING("ResolvedToEnclosingEntity"),
    /** The source itself marks the reference as unmatched. */
    NOT_MATCHED("NotMatchedInSource");

    private final String term;

    Status(String term) { this.term = term; }

    /** The local name of the matching {@code etom:ResolutionStatus} individual. */
    public String term() { return term; }

    public boolean resolved() { return this == RESOLVED || this == NAME_DIFFERS; }
}
