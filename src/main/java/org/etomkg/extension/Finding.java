package org.etomkg.extension;

import org.apache.jena.graph.Node;

/**
 * One thing a validation found: the node it is about, the process it belongs to (for
 * grouping), the property and value concerned, how severe it is, the rule (the shape) and
 * the message that says what is wrong and how to fix it.
 */
public record Finding(String process, Node focusNode, Node path, Node value, Severity severity, String rule, String message) {

    /** SHACL's severities, ordered most severe first. */
    public enum Severity { Violation, Warning, Info }
}
