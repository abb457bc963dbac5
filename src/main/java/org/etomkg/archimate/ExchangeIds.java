package org.etomkg.archimate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Exchange identifiers derived from our IRIs, so that exporting the same data twice gives the same
 * identifiers and a tool can merge a second import into the first. An IRI holds characters an
 * {@code xs:ID} may not, so the identifier is a prefix and a digest of the IRI (or of the IRIs a
 * relationship or a diagram node is made of), always a valid NCName.
 */
final class ExchangeIds {
    private ExchangeIds() {}

    /** The identifier of what these parts name, such as an element's IRI or a relationship's type, source and target. */
    static String of(String prefix, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return prefix + "-" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
