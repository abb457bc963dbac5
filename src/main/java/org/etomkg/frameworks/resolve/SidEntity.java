package org.etomkg.frameworks.resolve;

/**
 * An entity of one SID release: a domain, an ABE (top-level, or nested under {@code abe}) or a
 * BE (listed under {@code abe}). SID gives its entities no identifiers, so an entity is known by
 * its place: release, domain, the top-level ABE it is listed under, and its name.
 */
public record SidEntity(String release, Kind kind, String domain, String abe, String name) {

    public enum Kind { DOMAIN, ABE, BE }

    public static SidEntity domain(String release, String domain) { return new SidEntity(release, Kind.DOMAIN, domain, null, domain); }

    public static SidEntity abe(String release, String domain, String abe) { return new SidEntity(release, Kind.ABE, domain, null, abe); }

    public static SidEntity member(String release, String domain, String abe, boolean isAbe, String name) {
        return new SidEntity(release, isAbe ? Kind.ABE : Kind.BE, domain, abe, name);
    }

    /** The entity's place as one text, the same in every release: what its IRI is minted from. */
    public String key() {
        return switch (kind) {
            case DOMAIN -> "domain||" + domain;
            case ABE -> "abe||" + domain + (abe == null ? "" : "||" + abe) + "||" + name;
            case BE -> "be||" + domain + "||" + abe + "||" + name;
        };
    }

    /** The top-level ABE this entity is or sits under; null for a domain. */
    public SidEntity topAbe() {
        if (kind == Kind.DOMAIN) return null;
        return abe == null ? this : abe(release, domain, abe);
    }
}
