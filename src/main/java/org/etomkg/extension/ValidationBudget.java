package org.etomkg.extension;

import java.time.Duration;

/**
 * How long one validation may run, and a way to stop it early (the client went away). The
 * validator reads the data through a graph that checks the budget as it is read, so a rule
 * that runs away is stopped wherever it is, not only between rules.
 */
public final class ValidationBudget {
    private final long deadline;
    private final Duration limit;
    private volatile String stopped;

    private ValidationBudget(Duration limit) {
        this.limit = limit;
        this.deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
    }

    /** No time limit: the command line validates a user's own files on their own machine. */
    public static ValidationBudget unlimited() { return new ValidationBudget(null); }

    /** A limit counted from now. */
    public static ValidationBudget of(Duration limit) { return new ValidationBudget(limit); }

    /** Stops the validation at its next read, saying why (such as "the client went away"). */
    public void stop(String why) { stopped = why; }

    /** @throws ValidationStoppedException when the time is up or the validation was stopped */
    void check() {
        if (stopped != null) throw new ValidationStoppedException("validation was stopped: " + stopped);
        if (System.nanoTime() > deadline)
            throw new ValidationStoppedException("validation ran longer than its limit of " + limit.toSeconds()
                + " s and was stopped; validate an extension this large on the command line (./etom-kg validate FILE)");
    }
}
