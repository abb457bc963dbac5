package org.etomkg.extension;

/**
 * An extension that cannot be read or has no usable release: the file and line, or what is missing.
 * {@link #tooLarge()} tells input refused for its size alone (too many rows, nesting too deep, a
 * zip that expands too far), which a server answers with 413 rather than 400.
 */
public class ExtensionInputException extends RuntimeException {
    private final boolean tooLarge;

    public ExtensionInputException(String message) { this(message, null, false); }

    /** Keeps {@link #tooLarge()} of a cause that is itself an ExtensionInputException, so re-wording keeps it. */
    public ExtensionInputException(String message, Throwable cause) {
        this(message, cause, cause instanceof ExtensionInputException e && e.tooLarge);
    }

    private ExtensionInputException(String message, Throwable cause, boolean tooLarge) {
        super(message, cause);
        this.tooLarge = tooLarge;
    }

    /** Input refused for its size, depth or expansion rather than its content. */
    public static ExtensionInputException tooLarge(String message) {
        return new ExtensionInputException(message, null, true);
    }

    /** True when the input was refused for its size, depth or expansion: HTTP 413 rather than 400. */
    public boolean tooLarge() { return tooLarge; }
}
