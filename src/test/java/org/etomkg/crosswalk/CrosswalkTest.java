package org.etomkg.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.etomkg.crosswalk.rdf.CrosswalkGraph;
import org.etomkg.crosswalk.rdf.DerivedGroupsGraph;
import org.etomkg.rdf.CanonicalTurtle;
import org.etomkg.crosswalk.report.CrosswalkReportWriter;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.store.OntologyFiles;
import org.junit.jupiter.api.Test;

/**
 * The crosswalk computed from the real release files: the cases known from the sources, the
 * counts of each pair, the ambiguous cases, and that the shipped files are what
 * {@code ./etom-kg import crosswalk} writes today.
 */
class CrosswalkTest {

    @Test
    void sellingMovesFrom1_1_9To1_12_9WhenSalesBecomesADomain() {
        Correspondence c = Shipped.step(Shipped.computed(), "25.0").forward(ProcessIdentifier.parse("1.1.9")).orElseThrow();
        assertEquals("Selling", c.from().label());
        assertEquals("1.12.9", c.to().id().text());
        assertEquals("Selling", c.to().label());
        assertEquals(EnumSet.of(Change.RENUMBERED, Change.MOVED), c.changes(), "new identifier, and the parent is now the Sales domain 1.12");
        assertEquals(MatchingRule.SAME_NAME, c.rule());
        // its children follow it without moving: their parent's counterpart is their new parent
        Correspondence child = Shipped.step(Shipped.computed(), "25.0").forward(ProcessIdentifier.parse("1.1.9.2")).orElseThrow();
        assertEquals("1.12.9.2", child.to().id().text());
        assertEquals(EnumSet.of(Change.RENUMBERED), child.changes());
    }

    @Test
    void everyPairAccountsForEveryProcessOnce() {
        ReleaseHistory h = Shipped.computed();
        System.out.println("correspondences per kind, each pair of consecutive releases:");
        for (ReleaseCrosswalk s : h.steps()) {
            System.out.printf("  %-6s -> %-6s %s%n", s.from(), s.to(), s.countsByKind());
            ReleaseProcesses a = h.release(s.from()), b = h.release(s.to());
            Set<ProcessIdentifier> fromSeen = new HashSet<>(), toSeen = new HashSet<>();
            for (Correspondence c : s.correspondences()) {
                if (c.from() != null) assertTrue(fromSeen.add(c.from().id()), "twice: " + c.from());
                if (c.to() != null) assertTrue(toSeen.add(c.to().id()), "twice: " + c.to());
                if (c.links()) assertTrue(c.changes().stream().allMatch(Change::keepsTheProcess), c.toString());
                else assertEquals(1, c.changes().size(), c.toString());
                if (c.is(Change.AMBIGUOUS)) assertFalse(c.candidates().isEmpty(), "an ambiguous case names its candidates: " + c);
            }
            assertEquals(a.size(), fromSeen.size(), "every process of " + s.from());
            assertEquals(b.size(), toSeen.size(), "every process of " + s.to());
            long unchanged = s.correspondences().stream().filter(c -> c.is(Change.UNCHANGED)).count();
            assertTrue(unchanged > 0.9 * a.size(), s + ": most processes stay as they are, " + unchanged);
        }
        // the quiet pairs, exactly
        assertEquals(Map.of("unchanged", 2823, "renamed", 1, "added", 30, "removed", 12), Shipped.step(h, "24.5").countsByKind());
        assertEquals(Map.of("unchanged", 2893, "renamed", 1, "added", 29, "removed", 7), Shipped.step(h, "25.5").countsByKind());
        // 25.5 gives Sales its own domain: the Sales processes are renumbered from 1.1 to 1.12
        ReleaseCrosswalk sales = Shipped.step(h, "25.0");
        long renumbered = sales.with(Change.RENUMBERED).size();
        long toSales = sales.with(Change.RENUMBERED).stream().filter(c -> c.from().id().text().startsWith("1.1.") && c.to().id().text().startsWith("1.12.")).count();
        assertTrue(toSales >= 100 && toSales <= renumbered, "renumbered from 1.1 to 1.12: " + toSales + " of " + renumbered);
        assertTrue(sales.with(Change.RENUMBERED).stream().anyMatch(c -> c.to().id().text().startsWith("1.3.4.5")), "Loyalty moves to Customer");
    }

    @Test
    void aRenamedProcessKeepsItsIdentity() {
        Correspondence c = Shipped.step(Shipped.computed(), "25.5").forward(ProcessIdentifier.parse("1.6.1")).orElseThrow();
        assertEquals("Business Partner Strategy & Planning", c.from().label());
        assertEquals("Business Partner Strategy Management", c.to().label());
        assertEquals(Set.of(Change.RENAMED), c.changes());
        assertEquals(MatchingRule.SAME_IDENTIFIER_SIMILAR_NAME, c.rule());

        Correspondence d = Shipped.step(Shipped.computed(), "25.0").forward(ProcessIdentifier.parse("1.5.7.8.1")).orElseThrow();
        assertEquals("Profile Resource Data Use", d.to().label());
        assertEquals(Set.of(Change.RENAMED), d.changes());
    }

    @Test
    void misspellingsSpacingAndAmpersandsAreNotRenames() {
        ReleaseHistory h = Shipped.computed();
        Correspondence typo = Shipped.step(h, "23.5").forward(ProcessIdentifier.parse("1.5.5.8.2.3")).orElseThrow();
        assertEquals("Anallyze Resource Order Provisioning", typo.from().label());
        assertEquals(Set.of(Change.UNCHANGED), typo.changes());
        Correspondence and = Shipped.step(h, "24.0").forward(ProcessIdentifier.parse("1.7.9.4.1")).orElseThrow();
        assertTrue(and.from().label().contains("&") && and.to().label().contains(" and "));
        assertEquals(Set.of(Change.UNCHANGED), and.changes());
        Correspondence nbsp = Shipped.step(h, "25.5").forward(ProcessIdentifier.parse("1.7.11.15.7")).orElseThrow();
        assertTrue(nbsp.from().label().contains("\u00a0"), "the 25.5 name has a no-break space");
        assertEquals(Set.of(Change.UNCHANGED), nbsp.changes());
    }

    @Test
    void anIdentifierIsNotAnIdentity() {
        // 23.5 reorganised Enterprise Risk: the audit processes went to 1.7.19, and 1.7.2.1 names another process
        ReleaseCrosswalk s = Shipped.step(Shipped.computed(), "23.0.1");
        Correspondence audit = s.forward(ProcessIdentifier.parse("1.7.2.1")).orElseThrow();
        assertEquals("Manage Enterprise Audit", audit.from().label());
        assertEquals("1.7.19", audit.to().id().text());
        Correspondence continuity = s.backward(ProcessIdentifier.parse("1.7.2.1")).orElseThrow();
        assertEquals("1.7.2.2.1", continuity.from().id().text(), "23.5's 1.7.2.1 is 23.0.1's Business Continuity Management");
        assertTrue(continuity.is(Change.RENUMBERED) && continuity.is(Change.RENAMED));
    }

    @Test
    void ambiguousCasesAreReportedWithTheirCandidatesAndNotLinked() throws IOException {
        ReleaseCrosswalk s = Shipped.step(Shipped.computed(), "23.5");
        Correspondence c = s.forward(ProcessIdentifier.parse("1.3.10.4")).orElseThrow();
        assertEquals(Set.of(Change.AMBIGUOUS), c.changes());
        assertNull(c.to(), "not linked");
        assertEquals(List.of("1.3.3.10.4"), c.candidates().stream().map(p -> p.id().text()).toList());
        assertEquals(MatchingRule.UNRESOLVED, c.rule());
        assertFalse(c.note().isBlank(), "says why");
        Correspondence other = s.backward(ProcessIdentifier.parse("1.3.3.10.4")).orElseThrow();
        assertTrue(other.is(Change.AMBIGUOUS) && other.from() == null);

        long ambiguous = Shipped.computed().steps().stream().flatMap(x -> x.correspondences().stream()).filter(x -> x.is(Change.AMBIGUOUS)).count();
        System.out.println("ambiguous cases: " + ambiguous);
        assertTrue(ambiguous > 0 && ambiguous < 50, "a few, reported: " + ambiguous);
        String report = Files.readString(Shipped.files().report());
        assertTrue(report.contains("## Ambiguous cases (" + ambiguous + ")"), "the report counts them");
        assertTrue(report.contains("| 1.3.10.4 | 23.5 | Issue Customer Order | 1.3.3.10.4 Issue Customer Order |"), "and lists each");
    }

    @Test
    void theDeletedSheetConfirmsRemovals() {
        ReleaseCrosswalk s = Shipped.step(Shipped.computed(), "24.5");
        List<Correspondence> removed = s.with(Change.REMOVED);
        assertEquals(12, removed.size());
        for (Correspondence c : removed) {
            assertEquals(MatchingRule.LISTED_AS_DELETED, c.rule(), c.toString());
            assertTrue(c.deletedSheetEntry().startsWith("https://w3id.org/etom-kg/release/25.5/retired/"), c.deletedSheetEntry());
        }
    }

    @Test
    void theWorkbooksOriginalIdentifiersCannotLinkReleases() {
        // what crosswalk-report.md says: they are the numbering from before the domains, never an identifier
        // of a release etom-kg has with the same name, so no rule uses them
        org.apache.jena.graph.Graph g = OntologyFiles.parse(Shipped.ONTOLOGY.resolve("releases/etom-25.5.ttl"));
        org.apache.jena.graph.Node original = org.etomkg.vocab.ETOM.term("originalIdentifier");
        var names = Shipped.files().names();
        int checked = 0;
        for (var t : g.find(org.apache.jena.graph.Node.ANY, original, org.apache.jena.graph.Node.ANY).toList()) {
            String id = t.getObject().getLiteralLexicalForm();
            var label = g.find(t.getSubject(), org.apache.jena.vocabulary.RDFS.label.asNode(), org.apache.jena.graph.Node.ANY).next().getObject();
            checked++;
            if (!ProcessIdentifier.isValid(id)) continue;
            for (String v : Shipped.history().versions()) {
                ProcessElement e = Shipped.history().release(v).get(ProcessIdentifier.parse(id));
                assertTrue(e == null || !names.key(e.label()).equals(names.key(label.getLiteralLexicalForm())),
                    id + " of " + v + " has the name of the 25.5 process whose original identifier it is");
            }
        }
        assertTrue(checked > 900, "original identifiers checked: " + checked);
    }

    @Test
    void theShippedFilesAreWhatImportCrosswalkWritesToday() throws IOException {
        ReleaseHistory h = Shipped.computed();
        DerivedVerticalGroups groups = DerivedVerticalGroups.compute(h);
        CrosswalkFiles f = Shipped.files();
        String hint = " is stale: regenerate it with ./etom-kg import crosswalk";
        assertEquals(CanonicalTurtle.write(CrosswalkGraph.of(h)), Files.readString(f.crosswalk(), StandardCharsets.UTF_8), f.crosswalk() + hint);
        assertEquals(CanonicalTurtle.write(DerivedGroupsGraph.of(h, groups)), Files.readString(f.derivedGroups(), StandardCharsets.UTF_8), f.derivedGroups() + hint);
        assertEquals(new CrosswalkReportWriter().write(h, groups, OntologyFiles.parse(f.vocabulary())), Files.readString(f.report(), StandardCharsets.UTF_8),
            f.report() + hint);
        assertEquals(CrosswalkImport.catalog(h), Files.readString(f.catalog(), StandardCharsets.UTF_8), f.catalog() + hint);
    }

    @Test
    void theCatalogResolvesEveryImportOfTheCrosswalkFilesToAFile() throws IOException {
        CrosswalkFiles f = Shipped.files();
        String catalog = Files.readString(f.catalog());
        var entry = java.util.regex.Pattern.compile("name=\"([^\"]+)\" uri=\"([^\"]+)\"").matcher(catalog);
        Map<String, java.nio.file.Path> mapped = new java.util.HashMap<>();
        while (entry.find()) mapped.put(entry.group(1), f.folder().resolve(entry.group(2)).normalize());
        for (java.nio.file.Path file : List.of(f.vocabulary(), f.crosswalk(), f.derivedGroups())) {
            var g = OntologyFiles.parse(file);
            g.find(org.apache.jena.graph.Node.ANY, org.apache.jena.vocabulary.OWL.imports.asNode(), org.apache.jena.graph.Node.ANY).forEachRemaining(t -> {
                java.nio.file.Path target = mapped.get(t.getObject().getURI());
                assertNotNull(target, file.getFileName() + " imports " + t.getObject() + ", which the catalog does not map");
                assertTrue(Files.isRegularFile(target), target.toString());
            });
        }
    }

    @Test
    void readingTheShippedFileGivesTheComputedCrosswalk() {
        ReleaseHistory shipped = Shipped.history(), computed = Shipped.computed();
        assertEquals(computed.versions(), shipped.versions());
        for (int i = 0; i < computed.steps().size(); i++) {
            ReleaseCrosswalk a = computed.steps().get(i), b = shipped.steps().get(i);
            assertEquals(a.correspondences().size(), b.correspondences().size(), a.toString());
            for (int j = 0; j < a.correspondences().size(); j++)
                assertEquals(a.correspondences().get(j), b.correspondences().get(j), a + " #" + j);
        }
        assertNotNull(shipped.names().variants().get("servise"), "the spelling variants are read");
    }
}
