package org.etomkg.archimate;

import java.nio.file.Path;

import org.etomkg.extension.ExtensionInputException;

/** An exchange file that cannot be imported: names the file, the line and, where there is one, the element's identifier. */
public final class ArchimateInputException extends ExtensionInputException {
    ArchimateInputException(Path file, int line, String id, String message) {
        super(file + (line > 0 ? ":" + line : "") + (id == null ? "" : ", element " + id) + ": " + message);
    }
}
