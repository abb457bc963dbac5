package org.etomkg.store;

/** A remote store did not answer, or refused a request: the service answers 503 and changes nothing. */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) { super(message, cause); }
}
