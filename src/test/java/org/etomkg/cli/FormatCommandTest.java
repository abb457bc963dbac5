package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.etomkg.rdf.CanonicalTurtle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./etom-kg format}: rewrites in place, is idempotent, --check names what is not canonical, bad input is exit 2. */
class FormatCommandTest {
    static final String MESSY = """
        @prefix ex: <https://example.org/> .
        @prefix unused: <https://unused.example/> .
        # a comment the writer does not keep
        ex:b ex:q "two\\nlines" , "x"@en-GB , "1"^^<http://www.w3.org/2001/XMLSchema#integer> ; a ex:T .
        ex:a ex:p [ ex:r ( ex:z ex:y ) ] ; ex:s "5.0"^^<http://www.w3.org/2001/XMLSchema#double> .
        """;

    @TempDir Path dir;

    @Test
    void formatRewritesInPlaceAndIsIdempotent() throws Exception {
        Path f = Files.writeString(dir.resolve("messy.ttl"), MESSY);
        CommandLineTest.Run first = CommandLineTest.run("format", f.toString());
        assertEquals(0, first.exit(), first.err());
        String once = Files.readString(f);
        assertEquals(CanonicalTurtle.format(MESSY), once);
        assertTrue(once.contains("\"\"\"two\nlines\"\"\""), once);
        assertTrue(once.contains("\"x\"@en-GB") && once.contains("\"5.0\"^^xsd:double"), once);
        assertTrue(!once.contains("unused:"), once);
        assertTrue(once.indexOf("ex:a") < once.indexOf("ex:b"), once);
        assertEquals(0, CommandLineTest.run("format", f.toString()).exit());
        assertEquals(once, Files.readString(f));
        assertEquals(0, CommandLineTest.run("format", "--check", f.toString()).exit());
        assertTrue(RDFDataMgr.loadGraph(f.toString()).isIsomorphicWith(CanonicalTurtle.parse(MESSY)));
    }

    @Test
    void checkRewritesNothingAndNamesTheFilesThatAreNotCanonical() throws Exception {
        Path messy = Files.writeString(dir.resolve("messy.ttl"), MESSY);
        Path tidy = Files.writeString(dir.resolve("tidy.ttl"), CanonicalTurtle.format(MESSY));
        CommandLineTest.Run r = CommandLineTest.run("format", "--check", messy.toString(), tidy.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(messy.toString()) && !r.out().contains(tidy.toString()), r.out());
        assertEquals(MESSY, Files.readString(messy));
    }

    @Test
    void aFileThatDoesNotParseIsExit2WithFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.ttl"), "@prefix ex: <https://example.org/> .\nex:a ex:p ex:b .\nex:c ex:p .\n");
        CommandLineTest.Run r = CommandLineTest.run("format", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(bad.toString() + ": line 3"), r.err());
        Path owl = Files.writeString(dir.resolve("x.owl"), "<rdf:RDF/>");
        CommandLineTest.Run refused = CommandLineTest.run("format", owl.toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("Turtle files only"), refused.err());
    }

    @Test
    void aTurtleFileProtegeSavedAsRdfXmlIsWrittenBackAsTheSameCanonicalTurtle() throws Exception {
        String canonical = CanonicalTurtle.format(MESSY);
        StringWriter xml = new StringWriter();
        RDFDataMgr.write(xml, CanonicalTurtle.parse(canonical), Lang.RDFXML);
        Path f = Files.writeString(dir.resolve("saved.ttl"), xml.toString());
        assertEquals(0, CommandLineTest.run("format", f.toString()).exit());
        assertEquals(canonical, Files.readString(f));
    }

    @Test
    void aFolderMeansEveryTurtleFileUnderIt() throws Exception {
        Path nested = Files.createDirectories(dir.resolve("ontology/sub"));
        Path top = Files.writeString(dir.resolve("ontology/top.ttl"), MESSY);
        Path deep = Files.writeString(nested.resolve("deep.ttl"), MESSY);
        Path tidy = Files.writeString(nested.resolve("tidy.ttl"), CanonicalTurtle.format(MESSY));
        Path notes = Files.writeString(nested.resolve("notes.md"), "not Turtle");
        Path hidden = Files.writeString(Files.createDirectories(dir.resolve("ontology/.git")).resolve("x.ttl"), MESSY);

        CommandLineTest.Run check = CommandLineTest.run("format", "--check", dir.resolve("ontology").toString());
        assertEquals(1, check.exit(), check.err());
        assertTrue(check.out().contains(top.toString()) && check.out().contains(deep.toString()), check.out());
        assertTrue(!check.out().contains(tidy.toString()) && !check.out().contains(hidden.toString()), check.out());
        assertEquals(MESSY, Files.readString(deep));

        CommandLineTest.Run format = CommandLineTest.run("format", dir.resolve("ontology").toString());
        assertEquals(0, format.exit(), format.err());
        assertEquals(CanonicalTurtle.format(MESSY), Files.readString(top));
        assertEquals(CanonicalTurtle.format(MESSY), Files.readString(deep));
        assertEquals("not Turtle", Files.readString(notes));
        assertEquals(MESSY, Files.readString(hidden));
        assertEquals(0, CommandLineTest.run("format", "--check", dir.resolve("ontology").toString(), top.toString()).exit());
    }
}
