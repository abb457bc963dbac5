package org.etomkg.crosswalk;

import java.util.Locale;

/**
 * The rule that decided a correspondence, in the order the matcher tries them. Each is an
 * individual of {@code etom:MatchingRule} in {@code ontology/crosswalk/etom-crosswalk-vocabulary.ttl},
 * which defines it in full; {@code crosswalk-report.md} counts how often each one fired.
 */
public enum MatchingRule {
    /** Same identifier, same name once normalised. */
    SAME_IDENTIFIER_SAME_NAME("SameIdentifierSameName", Confidence.HIGH),
    /** Identifier gone; exactly one process on each side has the name, at the same level. */
    SAME_NAME("SameName", Confidence.HIGH),
    /** Several processes share the name; exactly one sits under the counterpart of the parent. */
    SAME_NAME_SAME_PARENT("SameNameSameParent", Confidence.HIGH),
    /** The one process with the name, at another level, where the hierarchy around it agrees. */
    SAME_NAME_NEW_LEVEL("SameNameNewLevel", Confidence.MEDIUM),
    /** Same identifier, a similar name (shared words). */
    SAME_IDENTIFIER_SIMILAR_NAME("SameIdentifierSimilarName", Confidence.MEDIUM),
    /** Same identifier, a different name, but the children stayed with it. */
    SAME_IDENTIFIER_CHILDREN_AGREE("SameIdentifierChildrenAgree", Confidence.MEDIUM),
    /** New identifier and name, but most of the children went to one process together. */
    CHILDREN_AGREE("ChildrenAgree", Confidence.MEDIUM),
    /** Under the counterpart of its parent, the one process with a similar name. */
    SAME_PARENT_SIMILAR_NAME("SameParentSimilarName", Confidence.MEDIUM),
    /** Same identifier under the same parent, each the only unlinked child left there, the names sharing a word. */
    SAME_IDENTIFIER_LAST_LEFT("SameIdentifierLastLeft", Confidence.MEDIUM),
    /** No rule found a counterpart, and the workbook's deleted sheet lists the process. */
    LISTED_AS_DELETED("ListedAsDeleted", Confidence.HIGH),
    /** No rule found a counterpart (removed) or an antecedent (added). */
    NO_COUNTERPART("NoCounterpart", Confidence.MEDIUM),
    /** Candidates exist but no rule picks one: reported, not linked. */
    UNRESOLVED("Unresolved", Confidence.NONE);

    /** How far a user may trust the rule: high, medium, or none (the case is reported for a person to decide). */
    public enum Confidence { HIGH, MEDIUM, NONE; public String word() { return name().toLowerCase(Locale.ROOT); } }

    private final String localName;
    private final Confidence confidence;

    MatchingRule(String localName, Confidence confidence) {
        this.localName = localName;
        this.confidence = confidence;
    }

    /** The local name of the rule's individual, such as {@code etom:SameName}. */
    public String localName() { return localName; }

    public Confidence confidence() { return confidence; }

    /** The rule as the command line prints it: same-identifier-same-name, ... */
    public String word() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public static MatchingRule ofLocalName(String local) {
        for (MatchingRule r : values()) if (r.localName.equals(local)) return r;
        throw new IllegalArgumentException("unknown matching rule etom:" + local);
    }
}
