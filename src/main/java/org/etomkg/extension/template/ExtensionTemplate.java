package org.etomkg.extension.template;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.etomkg.extension.ExtensionInputException;

/** Reads the spreadsheet template (CSV or xlsx) into the extension's RDF. */
public final class ExtensionTemplate {
    private ExtensionTemplate() {}

    public static Graph read(Path file) {
        throw new ExtensionInputException(file + ": the spreadsheet template is not supported yet");
    }
}
