package org.etomkg.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked extension in the README is a real one: it parses and conforms without a single finding. */
class ReadmeExtensionExampleTest {

    @Test
    void theReadmesWorkedExtensionConforms(@TempDir Path dir) throws Exception {
        Matcher m = Pattern.compile("```turtle\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        assertTrue(m.find(), "the README shows a worked extension");
        Path file = Files.writeString(dir.resolve("readme-example.ttl"), m.group(1));
        ExtensionReport report = new ExtensionValidator(Path.of("shapes"), new OntologyFolder(Path.of("ontology")))
            .validate(ExtensionFiles.read(file), Optional.empty());
        assertTrue(report.conforms(), () -> ReportFormat.text.format(report));
        assertEquals(0, report.findings().size(), () -> ReportFormat.text.format(report));
        assertEquals("25.5", report.release());
    }
}
