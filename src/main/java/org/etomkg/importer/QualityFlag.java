package org.etomkg.importer;

/** The quirks of a source that are kept, flagged in the data and listed in the quality report. */
public enum QualityFlag {
    Orphan("the parent the identifier implies is not in the source"),
    StrayIdentifier("the identifier prefix names no domain of this release"),
    LevelMismatch("the source's level disagrees with the identifier's depth"),
    ConflictingNames("the source gives this identifier more than one name"),
    DomainLabelMismatch("the source's domain label contradicts the identifier prefix"),
    AnnotatedIdentifier("the identifier cell carries a remark after the identifier");

    private final String meaning;

    QualityFlag(String meaning) { this.meaning = meaning; }

    public String meaning() { return meaning; }

    /** The individual of {@code etom:QualityFlag} in the meta-model. */
    public String localName() { return name(); }
}
