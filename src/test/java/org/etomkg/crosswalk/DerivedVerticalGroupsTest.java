package org.etomkg.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.etomkg.store.OntologyFiles;
import org.etomkg.vocab.ETOM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vertical groups carried from 25.5, the only release whose source states them, to the others. */
class DerivedVerticalGroupsTest {
    static DerivedVerticalGroups groups;

    @BeforeAll
    static void derive() {
        groups = DerivedVerticalGroups.compute(Shipped.history());
    }

    static Map<String, DerivedVerticalGroups.Derivation> derived(String release) {
        return groups.derived(release).stream().collect(Collectors.toMap(d -> d.process().id().text(), Function.identity()));
    }

    @Test
    void onlyRelease25_5StatesGroupsAndTheOthersGetThemThroughTheCrosswalk() {
        assertEquals(List.of("25.5"), groups.sources());
        assertTrue(groups.derived("25.5").isEmpty());
        ProcessElement stated = Shipped.process(Shipped.history(), "25.5", "1.5.7");
        assertEquals(4, stated.verticalGroups().size(), "Resource Data Management sits in four groups in the workbook");
        DerivedVerticalGroups.Derivation d = derived("26.0").get("1.5.7");
        assertEquals(stated.verticalGroups(), d.groups());
        assertEquals(stated, d.source());

        // Selling was 1.1.9 in 25.0: its groups come from 1.12.9 of 25.5, the same process
        DerivedVerticalGroups.Derivation selling = derived("25.0").get("1.1.9");
        assertEquals("1.12.9", selling.source().id().text());
        assertFalse(selling.groups().isEmpty());
        assertEquals(Shipped.process(Shipped.history(), "25.5", "1.12.9").verticalGroups(), selling.groups());
    }

    @Test
    void everyProcessIsPlacedOrListedWithTheReason() {
        ReleaseHistory h = Shipped.history();
        for (String v : h.versions()) {
            long stated = h.release(v).all().stream().filter(p -> !p.verticalGroups().isEmpty()).count();
            assertEquals(h.release(v).size(), stated + groups.derived(v).size() + groups.unplaced(v).size(), v);
            System.out.printf("  %-6s stated %4d, derived %4d, none %3d%n", v, stated, groups.derived(v).size(), groups.unplaced(v).size());
        }
        DerivedVerticalGroups.Unplaced forecast = groups.unplaced("25.0").stream()
            .filter(u -> u.process().id().text().equals("1.1.3")).findFirst().orElseThrow();
        assertEquals(DerivedVerticalGroups.Reason.NO_COUNTERPART, forecast.reason(), "Sales Forecasting is gone by 25.5");
        DerivedVerticalGroups.Unplaced enterprise = groups.unplaced("26.0").stream()
            .filter(u -> u.process().id().text().equals("1.7.1")).findFirst().orElseThrow();
        assertEquals(DerivedVerticalGroups.Reason.COUNTERPART_HAS_NONE, enterprise.reason(), "the workbook gives the Enterprise domain no group");
    }

    @Test
    void theShippedFileMarksEveryDerivedGroupWithItsSource() {
        Graph g = OntologyFiles.parse(Shipped.files().derivedGroups());
        Node derived = ETOM.term("derivedVerticalGroup"), source = ETOM.term("verticalGroupSource");
        assertTrue(g.find(Node.ANY, ETOM.verticalGroup.asNode(), Node.ANY).toList().isEmpty(), "no stated etom:verticalGroup in derived data");
        List<Node> subjects = g.find(Node.ANY, derived, Node.ANY).mapWith(t -> t.getSubject()).toSet().stream().toList();
        int expected = 0;
        for (String v : Shipped.history().versions()) expected += groups.derived(v).size();
        assertEquals(expected, subjects.size());
        for (Node s : subjects) {
            assertFalse(s.getURI().startsWith(ETOM.processNamespace("25.5")), s + " is of a release that states its own groups");
            List<Node> from = g.find(s, source, Node.ANY).mapWith(t -> t.getObject()).toList();
            assertEquals(1, from.size(), s.toString());
            assertTrue(from.get(0).getURI().startsWith(ETOM.processNamespace("25.5")), from.toString());
        }
    }
}
