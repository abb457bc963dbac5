package org.etomkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The order canonical Turtle writes subjects and values in: runs of digits as numbers. */
class NaturalOrderTest {
    @Test
    void digitsCompareAsNumbersAndLeadingZerosOnlyBreakTies() {
        List<String> sorted = new ArrayList<>(List.of("p/2.3.3.10", "p/2.3.3.9", "p/10", "p/010", "p/0", "p/000", "p/9a", "p/9", "p/", "q/1", "p/x"));
        sorted.sort(CanonicalTurtle.NATURAL);
        assertEquals(List.of("p/", "p/0", "p/000", "p/2.3.3.9", "p/2.3.3.10", "p/9", "p/9a", "p/010", "p/10", "p/x", "q/1"), sorted);
        assertEquals(0, CanonicalTurtle.compareNatural("a12b", "a12b"));
    }
}
