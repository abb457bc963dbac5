package org.etomkg.extension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Refuses an RDF/XML file whose document type points outside the file: an external DTD or an
 * entity declared {@code SYSTEM} or {@code PUBLIC}. Jena's parser does not fetch them, it reads such
 * an entity as empty text, which would silently lose the value; saying so is clearer. Entities with
 * their value in the file (as Protégé writes for namespaces) are fine.
 */
final class XmlDoctype {
    /** The prolog is read from the first bytes; a document type further on is not where one goes. */
    private static final int PROLOG_BYTES = 1 << 20;
    private static final Pattern EXTERNAL = Pattern.compile("\\b(SYSTEM|PUBLIC)\\b");

    private XmlDoctype() {}

    static void check(Path file) {
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(PROLOG_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExtensionInputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        int start = head.indexOf("<!DOCTYPE");
        if (start < 0) return;
        StringBuilder unquoted = new StringBuilder();
        boolean inSubset = false;
        char quote = 0;
        for (int i = start; i < head.length(); i++) {
            char c = head.charAt(i);
            if (quote != 0) { if (c == quote) quote = 0; continue; }
            if (c == '"' || c == '\'') { quote = c; unquoted.append(' '); continue; }
            if (c == '[') inSubset = true;
            else if (c == ']') inSubset = false;
            else if (c == '>' && !inSubset) break;
            unquoted.append(c);
        }
        if (EXTERNAL.matcher(unquoted).find()) {
            long line = head.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
            throw new ExtensionInputException(file + ":" + line + ": the DOCTYPE points outside the file (an external DTD or an entity "
                + "declared SYSTEM or PUBLIC), and nothing outside the file is read; write the text in place of the entity");
        }
    }
}
