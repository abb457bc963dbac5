package org.etomkg.extension;

/** An extension that cannot be read or has no usable release: the file and line, or what is missing. */
public class ExtensionInputException extends RuntimeException {
    public ExtensionInputException(String message) { super(message); }
    public ExtensionInputException(String message, Throwable cause) { super(message, cause); }
}
