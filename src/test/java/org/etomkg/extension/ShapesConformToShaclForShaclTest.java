package org.etomkg.extension;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shapes files are themselves well-formed SHACL: they conform to the W3C's SHACL-for-SHACL shapes. */
class ShapesConformToShaclForShaclTest {
    static final Shapes SHACL_SHACL = Shapes.parse(RDFDataMgr.loadGraph("src/test/resources/w3c/shacl-shacl.ttl"));

    @ParameterizedTest
    @ValueSource(strings = {"shapes/extension.ttl", "shapes/extension-file.ttl"})
    void shapesFileConformsToShaclForShacl(String file) {
        Graph shapes = RDFDataMgr.loadGraph(Path.of(file).toString());
        ValidationReport report = ShaclValidator.get().validate(SHACL_SHACL, shapes);
        assertTrue(report.conforms(), () -> { ShLib.printReport(report); return file + " breaks SHACL-for-SHACL"; });
    }

    @Test
    void shaclForShaclCatchesAMalformedShape() {
        Graph broken = RDFDataMgr.loadGraph("src/test/resources/extension/broken-shape.ttl");
        assertFalse(ShaclValidator.get().validate(SHACL_SHACL, broken).conforms());
    }
}
