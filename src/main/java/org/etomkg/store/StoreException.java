package org.etomkg.store;

/** The store could not be built or changed; the message names the file and line where there is one. */
public class StoreException extends RuntimeException {
    public StoreException(String message) { super(message); }
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
