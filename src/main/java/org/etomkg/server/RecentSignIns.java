package org.etomkg.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords verified lately, so that each write of a signed-in user does not pay PBKDF2's tenth of
 * a second or more again (as Apache httpd's mod_authn_socache does). A password is remembered
 * only once PBKDF2 has accepted it, as an HMAC-SHA-256 under a key made at start and never
 * written anywhere, for {@link #FOR} after its last full check; a wrong password is never
 * remembered, so every guess pays the full cost. One entry per user name in the users file.
 */
final class RecentSignIns {
    /** How long a verified password is taken without PBKDF2. */
    static final long FOR = TimeUnit.MINUTES.toNanos(5);

    private record Entry(byte[] mac, long until) {}

    private final byte[] key = new byte[32];
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    RecentSignIns() { new SecureRandom().nextBytes(key); }

    /** Whether this name's password was verified lately and is this one. */
    boolean knows(String name, String password) {
        Entry e = byName.get(name);
        return e != null && System.nanoTime() - e.until() < 0 && MessageDigest.isEqual(e.mac(), mac(name, password));
    }

    /** After PBKDF2 accepted the password. */
    void remember(String name, String password) {
        byName.put(name, new Entry(mac(name, password), System.nanoTime() + FOR));
    }

    private byte[] mac(String name, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(name.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);   // name and password apart: "ab"+"c" is not "a"+"bc"
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
