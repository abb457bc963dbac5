package org.etomkg.importer;

/** A source file that cannot be imported; the message names the file and the sheet and row or JSON path. */
public class SourceException extends RuntimeException {
    public SourceException(String message) { super(message); }
    public SourceException(String message, Throwable cause) { super(message, cause); }
}
