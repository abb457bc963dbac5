package org.etomkg.server.http;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slows password guessing. After {@link #FREE_TRIES} failed sign-ins from one address, or for
 * one user name, each further try must wait twice as long as the last (1 s, 2 s, 4 s … at most
 * {@link #MAX_WAIT_SECONDS}); a try made too soon is refused before any password is hashed.
 * A try counts as failed from the moment it starts, so parallel guesses are slowed too. The
 * user's own count is not held against an address that has signed in as that user before, so
 * guessing a user's password from elsewhere cannot lock the user out; and no wait is longer
 * than a minute. Counts are forgotten after {@link #FORGET_SECONDS} without a failure.
 */
public final class SignInThrottle {
    static final int FREE_TRIES = 5;
    static final long MAX_WAIT_SECONDS = 60;
    static final long FORGET_SECONDS = 15 * 60;
    private static final int MAX_ENTRIES = 10_000;   // memory stays bounded whatever names and addresses are tried

    private final Map<String, Failures> byAddress = bounded();
    private final Map<String, Failures> byUser = bounded();
    private final Map<String, Set<String>> trusted = bounded();   // user -> addresses that signed in as that user

    private static final class Failures {
        int count;
        long last;
    }

    /** One sign-in try, counted as failed until {@link #succeeded()}. */
    public final class Attempt {
        private final String address;
        private final String user;

        private Attempt(String address, String user) {
            this.address = address;
            this.user = user;
        }

        public synchronized void succeeded() {
            synchronized (SignInThrottle.this) {
                byAddress.remove(address);
                Failures f = byUser.get(user);
                if (f != null && f.count > 0) f.count--;   // this try's own count; the others' stay
                trusted.computeIfAbsent(user, u -> new HashSet<>()).add(address);
            }
        }
    }

    /** The try, or how many seconds to wait before the next one is allowed. */
    public sealed interface Decision permits Allowed, Refused {}
    public record Allowed(Attempt attempt) implements Decision {}
    public record Refused(long waitSeconds, String why) implements Decision {}

    public synchronized Decision begin(String address, String user, long nowMillis) {
        String u = user == null ? "" : user;
        boolean trustedHere = trusted.getOrDefault(u, Set.of()).contains(address);
        Optional<Long> waitAddress = wait(byAddress.get(address), nowMillis);
        if (waitAddress.isPresent()) return new Refused(waitAddress.get(), "too many failed sign-ins from this address");
        Optional<Long> waitUser = trustedHere ? Optional.empty() : wait(byUser.get(u), nowMillis);
        if (waitUser.isPresent()) return new Refused(waitUser.get(), "too many failed sign-ins for this user name");
        count(byAddress, address, nowMillis);
        count(byUser, u, nowMillis);
        return new Allowed(new Attempt(address, u));
    }

    private static Optional<Long> wait(Failures f, long now) {
        if (f == null || f.count < FREE_TRIES) return Optional.empty();
        long waitMillis = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, f.count - FREE_TRIES)) * 1000;
        long left = f.last + waitMillis - now;
        return left > 0 ? Optional.of((left + 999) / 1000) : Optional.empty();
    }

    private static void count(Map<String, Failures> map, String key, long now) {
        Failures f = map.get(key);
        if (f == null || now - f.last > FORGET_SECONDS * 1000) map.put(key, f = new Failures());
        f.count++;
        f.last = now;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, V> eldest) { return size() > MAX_ENTRIES; }
        };
    }
}
