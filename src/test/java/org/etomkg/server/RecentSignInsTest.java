package org.etomkg.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentSignInsTest {
    @Test
    void onlyAVerifiedPasswordIsRememberedAndOnlyForItsOwnName() {
        RecentSignIns recent = new RecentSignIns();
        assertFalse(recent.knows("alice", "a long passphrase"), "nothing is known before a sign-in");
        recent.remember("alice", "a long passphrase");
        assertTrue(recent.knows("alice", "a long passphrase"));
        assertFalse(recent.knows("alice", "a long passphrasE"));
        assertFalse(recent.knows("alice", ""));
        assertFalse(recent.knows("bob", "a long passphrase"), "another name with the same password");
        recent.remember("ab", "c");
        assertFalse(recent.knows("a", "bc"), "name and password are kept apart");
    }

    @Test
    void aRememberedPasswordNeverLetsAWrongOneIn(@TempDir Path dir) {
        Path file = dir.resolve("users");
        Users.add(file, "alice", "a long passphrase");
        Users users = Users.load(file);
        assertFalse(users.verify("alice", "a wrong passphrase"));
        assertTrue(users.verify("alice", "a long passphrase"));
        assertTrue(users.verify("alice", "a long passphrase"), "again, from what was verified");
        assertFalse(users.verify("alice", "a wrong passphrase"), "a wrong password after a right one");
        assertFalse(users.verify("alice", "a long passphrase\u0000"), "control characters, as before");
        assertFalse(users.verify("mallory", "a long passphrase"));
        assertFalse(Users.load(file).verify("alice", "a wrong passphrase"), "a new server remembers nothing");
    }
}
