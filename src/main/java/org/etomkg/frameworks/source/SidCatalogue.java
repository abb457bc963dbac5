package org.etomkg.frameworks.source;

import java.util.List;

/**
 * One release of the SID catalogue as its export has it: domains, the aggregate business
 * entities (ABEs) of each domain, and the members (nested ABEs and BEs) the export lists
 * under each ABE.
 *
 * @param file          the file it was read from
 * @param sourceVersion the version as the file writes it, such as v23.5.0
 * @param release       the release as major.minor, such as 23.5
 */
public record SidCatalogue(String file, String sourceVersion, String release, List<Domain> domains, int duplicatesDropped) {
    public SidCatalogue {
        domains = List.copyOf(domains);
    }

    /** A SID domain; {@code token} is the export's own key for it (Resource_Domain). */
    public record Domain(String name, String token, List<Abe> abes) {
        public Domain { abes = List.copyOf(abes); }
    }

    /** A top-level ABE of a domain; {@code token} is the export's key (Resource_Trouble_ABE). */
    public record Abe(String name, String token, List<Member> members) {
        public Abe { members = List.copyOf(members); }
    }

    /** A nested ABE or a BE listed under a top-level ABE. */
    public record Member(boolean abe, String name) {}
}
