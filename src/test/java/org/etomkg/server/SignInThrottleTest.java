package org.etomkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.etomkg.server.http.SignInThrottle;
import org.etomkg.server.http.SignInThrottle.Allowed;
import org.etomkg.server.http.SignInThrottle.Refused;
import org.junit.jupiter.api.Test;

/** The back-off on wrong passwords, on a clock the test sets. */
class SignInThrottleTest {
    static final String ATTACKER = "192.0.2.66";
    static final String HOME = "192.0.2.10";

    @Test
    void fiveFreeTriesThenEachWaitDoubles() {
        SignInThrottle t = new SignInThrottle();
        long now = 1_000_000;
        for (int i = 0; i < 5; i++) assertInstanceOf(Allowed.class, t.begin(ATTACKER, "alice", now));
        Refused r = assertInstanceOf(Refused.class, t.begin(ATTACKER, "alice", now));
        assertEquals(1, r.waitSeconds());
        assertInstanceOf(Allowed.class, t.begin(ATTACKER, "alice", now + 1_000));
        assertEquals(2, assertInstanceOf(Refused.class, t.begin(ATTACKER, "alice", now + 1_000)).waitSeconds());
        assertInstanceOf(Allowed.class, t.begin(ATTACKER, "alice", now + 3_000));
        assertEquals(4, assertInstanceOf(Refused.class, t.begin(ATTACKER, "alice", now + 3_000)).waitSeconds());
    }

    @Test
    void noWaitIsLongerThanAMinute() {
        SignInThrottle t = new SignInThrottle();
        long now = 0, longest = 0;
        for (int i = 0; i < 40; i++) {
            if (t.begin(ATTACKER, "u" + i, now) instanceof Refused r) {
                longest = Math.max(longest, r.waitSeconds());
                now += r.waitSeconds() * 1000;
            }
        }
        assertEquals(60, longest, "the wait grows to a minute and no further");
    }

    @Test
    void guessingAUsersPasswordElsewhereDoesNotLockTheUserOutAtHome() {
        SignInThrottle t = new SignInThrottle();
        long now = 0;
        assertInstanceOf(Allowed.class, t.begin(HOME, "alice", now)).attempt().succeeded();
        for (int i = 0; i < 30; i++) t.begin("198.51.100." + i, "alice", now);   // from many addresses
        assertInstanceOf(Refused.class, t.begin("203.0.113.7", "alice", now), "a new address is slowed for alice");
        assertInstanceOf(Allowed.class, t.begin(HOME, "alice", now), "alice's own address is not");
    }

    @Test
    void aSuccessClearsTheAddressAndFailuresAreForgotten() {
        SignInThrottle t = new SignInThrottle();
        for (int i = 0; i < 5; i++) t.begin(HOME, "bob", 0);
        assertInstanceOf(Refused.class, t.begin(HOME, "carol", 0));
        assertInstanceOf(Allowed.class, t.begin(HOME, "carol", 16 * 60 * 1000L), "forgotten after 15 minutes");
    }
}
