package org.etomkg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The users who may write, from a file of lines {@code name:pbkdf2-sha256:ITERATIONS:SALT:HASH}
 * (salt and hash in Base64). Passwords are never stored, only their salted PBKDF2 hashes.
 */
public final class Users {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;

    private final Map<String, String> entries;
    private final RecentSignIns recent = new RecentSignIns();

    private Users(Map<String, String> entries) { this.entries = entries; }

    public static Users none() { return new Users(Map.of()); }

    public static Users load(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split(":");
            if (parts.length != 5 || !parts[1].equals(SCHEME) || !parts[2].matches("[0-9]{1,9}"))
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected NAME:" + SCHEME + ":ITERATIONS:SALT:HASH "
                    + "(add users with ./etom-kg user add)");
            entries.put(parts[0], line);
        }
        return new Users(entries);
    }

    public boolean isEmpty() { return entries.isEmpty(); }

    /** A salt for the work done on an unknown name, so that it takes as long as a known one. */
    private static final byte[] DECOY_SALT = new byte[16];

    /**
     * Checks a name and password. An unknown name costs the same hashing as a known one, and
     * the hashes are compared in constant time, so the answer's timing tells no one which
     * names exist. A password PBKDF2 accepted in the last five minutes is taken again without it
     * ({@link RecentSignIns}); a wrong one always pays the full cost.
     */
    public boolean verify(String name, String password) {
        if (entries.isEmpty()) return false;   // no names to tell apart
        // PBKDF2 pads its HMAC key with zeros, so "secret" and "secret\0" would hash alike: no control characters, ever.
        if (hasControl(password)) return false;
        String line = entries.get(name);
        if (line == null) {
            hash(password, DECOY_SALT, ITERATIONS);
            return false;
        }
        if (recent.knows(name, password)) return true;   // verified lately: a user's writes do not each pay PBKDF2
        String[] p = line.split(":");
        byte[] salt = Base64.getDecoder().decode(p[3]);
        byte[] expected = Base64.getDecoder().decode(p[4]);
        boolean right = MessageDigest.isEqual(expected, hash(password, salt, Integer.parseInt(p[2])));
        if (right) recent.remember(name, password);
        return right;
    }

    /** Adds or replaces a user in the file, keeping the other lines. */
    public static void add(Path file, String name, String password) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("a user name is 1 to 64 letters, digits, . _ or -");
        if (password.length() < 8) throw new IllegalArgumentException("a password needs at least 8 characters");
        if (hasControl(password)) throw new IllegalArgumentException("a password may not contain control characters (such as NUL, tab or newline)");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String line = String.join(":", name, SCHEME, Integer.toString(ITERATIONS),
            Base64.getEncoder().encodeToString(salt), Base64.getEncoder().encodeToString(hash(password, salt, ITERATIONS)));
        try {
            List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
            lines.removeIf(l -> l.startsWith(name + ":"));
            lines.add(line);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
