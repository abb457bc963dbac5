package org.etomkg.frameworks.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.etomkg.importer.SourceException;

/** Finding the source files in a folder, and naming them the way reports and provenance do. */
public final class SourceFiles {
    private SourceFiles() {}

    /** {@code oda-components/TMFC043-FaultManagement.yaml}: the folder and the file name. */
    public static String displayName(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        return parent == null || parent.getFileName() == null ? name : parent.getFileName() + "/" + name;
    }

    /** The regular files of a folder whose names match, sorted by name; an error when there are none. */
    public static List<Path> list(Path dir, Pattern names, String what) {
        if (!Files.isDirectory(dir)) throw new SourceException(dir + ": no such folder (expected " + what + ")");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(Files::isRegularFile).filter(p -> names.matcher(p.getFileName().toString()).matches())
                .sorted().toList();
            if (files.isEmpty()) throw new SourceException(dir + ": no " + what + " (files named like " + names.pattern() + ")");
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
