package org.etomkg.bpmn;

import java.nio.file.Path;

import org.etomkg.extension.ExtensionInputException;

/** A model that is not BPMN 2.0, or breaks it: names the file and, where there is one, the element. */
public final class BpmnInputException extends ExtensionInputException {
    public BpmnInputException(Path file, String elementId, String message) {
        this(file, elementId, message, null);
    }

    public BpmnInputException(Path file, String elementId, String message, Throwable cause) {
        super(file + (elementId == null ? "" : ", element " + elementId) + ": " + message, cause);
    }
}
