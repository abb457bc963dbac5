package org.etomkg.extension;

/** A validation stopped before it finished: its time was up, or whoever asked for it went away. */
public final class ValidationStoppedException extends RuntimeException {
    public ValidationStoppedException(String message) { super(message); }
}
