package org.etomkg.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key with which commands on the same data folder write through a running {@code serve}
 * ({@code load --extension} while the server holds the store). {@code serve} makes a fresh one
 * at each start and leaves it in the data folder, readable by its owner only: whoever can read
 * it could write the store's files directly once the server stopped, so it grants nothing more.
 * It is sent as {@code Authorization: Bearer KEY} and is good for storing and removing
 * extensions, nothing else.
 */
public final class LocalKey {
    private static final LocalKey NONE = new LocalKey(null);
    private final byte[] key;

    private LocalKey(String key) { this.key = key == null ? null : key.getBytes(StandardCharsets.US_ASCII); }

    public static LocalKey none() { return NONE; }

    /** 256 random bits, URL-safe. */
    public static LocalKey generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new LocalKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String value() { return key == null ? null : new String(key, StandardCharsets.US_ASCII); }

    /** Whether the {@code Authorization} header carries this key; compared in constant time. */
    public boolean admits(String authorization) {
        if (key == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(key, authorization.substring(7).strip().getBytes(StandardCharsets.US_ASCII));
    }
}
