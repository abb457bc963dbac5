package org.etomkg.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.etomkg.framework.MetaModel;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.importer.catalog.CatalogReader;
import org.etomkg.importer.gb921.Gb921Reader;
import org.etomkg.rdf.CanonicalTurtle;

/**
 * Imports a release from TM Forum's sources into a release file and the data-quality report
 * beside it. Either both are written whole, or, when the source is unusable, neither is touched.
 */
public final class ReleaseImport {
    private final MetaModel metaModel;

    public ReleaseImport(MetaModel metaModel) { this.metaModel = metaModel; }

    /** The file a release is written to by default: {@code releases/etom-25.5.ttl} in the ontology folder. */
    public static Path defaultReleaseFile(Path ontologyDir, ReleaseVersion version) {
        return ontologyDir.resolve("releases").resolve("etom-" + version + ".ttl");
    }

    /** The quality report beside a release file: {@code etom-25.5.quality.md}. */
    public static Path qualityReportFile(Path releaseFile) {
        return releaseFile.resolveSibling(releaseFile.getFileName().toString().replaceFirst("\\.ttl$", "") + ".quality.md");
    }

    public ReleaseContent readCatalog(Path json, ReleaseVersion override) {
        return new ReleaseAssembler(metaModel).assemble(new CatalogReader().read(json, override));
    }

    public ReleaseContent readWorkbook(Path xlsx, ReleaseVersion override) {
        return new ReleaseAssembler(metaModel).assemble(new Gb921Reader(false).read(xlsx, override));
    }

    /** Writes the release file and its quality report; returns the release file. */
    public Path write(ReleaseContent release, Path releaseFile) {
        writeAtomically(releaseFile, CanonicalTurtle.write(ReleaseGraph.of(release)));
        writeAtomically(qualityReportFile(releaseFile), new QualityReportWriter().write(release));
        return releaseFile;
    }

    private static void writeAtomically(Path target, String text) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".etom-kg-", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix"))   // temp files start owner-only
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
