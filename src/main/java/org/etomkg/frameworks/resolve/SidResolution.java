package org.etomkg.frameworks.resolve;

import org.etomkg.frameworks.source.CitedEntry;

/**
 * What a SID reference resolved to.
 *
 * @param cited          the reference as written
 * @param status         how it resolved
 * @param release        the SID release the citation names, where etom-kg has it
 * @param target         the entity linked: the one named, or for {@link Status#ENCLOSING} the deepest that exists
 * @param unresolvedPart for {@link Status#ENCLOSING}: the parts of the path that named nothing
 */
public record SidResolution(CitedEntry cited, Status status, String release, SidEntity target, String unresolvedPart) {}
