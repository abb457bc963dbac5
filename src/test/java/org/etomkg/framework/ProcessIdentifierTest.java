package org.etomkg.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessIdentifierTest {

    @Test
    void ordersPartByPartAsNumbers() {
        assertTrue(ProcessIdentifier.parse("1.1.2").compareTo(ProcessIdentifier.parse("1.1.10")) < 0);
        assertTrue(ProcessIdentifier.parse("1.2.1").compareTo(ProcessIdentifier.parse("1.12")) < 0);
        assertTrue(ProcessIdentifier.parse("1.3").compareTo(ProcessIdentifier.parse("1.3.1")) < 0, "a parent sorts before its children");
        assertEquals(0, ProcessIdentifier.parse("1.3.3.10").compareTo(ProcessIdentifier.parse("1.3.3.10")));

        List<ProcessIdentifier> ids = new ArrayList<>();
        for (String s : List.of("1.12.1", "1.1.10", "2.3.3.10.1", "1.1.2", "1.2.1", "1.1", "1.1.2.1"))
            ids.add(ProcessIdentifier.parse(s));
        ids.sort(null);
        assertEquals(List.of("1.1", "1.1.2", "1.1.2.1", "1.1.10", "1.2.1", "1.12.1", "2.3.3.10.1"),
            ids.stream().map(ProcessIdentifier::text).toList());
    }

    @Test
    void levelIsTheNumberOfPartsMinusOne() {
        assertEquals(1, ProcessIdentifier.parse("1.3").level());
        assertEquals(2, ProcessIdentifier.parse("1.3.3").level());
        assertEquals(3, ProcessIdentifier.parse("1.3.3.10").level());
        assertEquals(6, ProcessIdentifier.parse("1.2.9.2.1.1.1").level());
        assertArrayEquals(new int[] {1, 3, 3, 10}, ProcessIdentifier.parse("1.3.3.10").parts());
    }

    @Test
    void parentDropsTheLastPartAndADomainHasNone() {
        assertEquals(Optional.of(ProcessIdentifier.parse("1.3.3")), ProcessIdentifier.parse("1.3.3.10").parent());
        assertEquals(Optional.of(ProcessIdentifier.parse("1.3")), ProcessIdentifier.parse("1.3.3").parent());
        assertEquals(Optional.of(ProcessIdentifier.parse("1.12")), ProcessIdentifier.parse("1.12.10").parent());
        assertEquals(Optional.empty(), ProcessIdentifier.parse("1.3").parent());
        assertEquals(Optional.of(ProcessIdentifier.parse("2.3.3.10")), ProcessIdentifier.parse("2.3.3.10.1").parent(),
            "a company's process keeps TM Forum's path");
    }

    @Test
    void domainPrefixIsTheFirstTwoParts() {
        assertEquals("1.12", ProcessIdentifier.parse("1.12.9.1").domainPrefix());
        assertEquals("1.1", ProcessIdentifier.parse("1.1.9.1").domainPrefix());
        assertEquals("1.3", ProcessIdentifier.parse("1.3").domainPrefix());
        assertEquals("1.21", ProcessIdentifier.parse("1.21.7.3").domainPrefix());
        assertEquals("2.3", ProcessIdentifier.parse("2.3.3.10.1").domainPrefix());
    }

    @Test
    void equalityFollowsTheText() {
        assertEquals(ProcessIdentifier.parse("1.3.3"), ProcessIdentifier.parse("1.3.3"));
        assertEquals(ProcessIdentifier.parse("1.3.3").hashCode(), ProcessIdentifier.parse("1.3.3").hashCode());
        assertNotEquals(ProcessIdentifier.parse("1.3.3"), ProcessIdentifier.parse("1.3.3.1"));
        assertEquals(1, Set.of(ProcessIdentifier.parse("1.1.10")).stream()
            .filter(p -> p.equals(ProcessIdentifier.parse("1.1.10"))).count());
        assertEquals("1.1.10", ProcessIdentifier.parse("1.1.10").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "1.3.3.10", "1.0.7.9", "2.3.3.10.1", "1.12.1", "1.9999.1"})
    void acceptsIdentifiers(String text) {
        assertTrue(ProcessIdentifier.isValid(text));
        assertEquals(text, ProcessIdentifier.parse(text).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.", "1.2.", ".1.2", "1..2", "1.x.2", "3.1.1", "0.1", "1.02", "01.2", " 1.2",
        "1.2 ", "1,2", "1.10000", "X.X.X.X.X.X", "N/A New Process", "1.3.3.3 (This Process ID has been deliberately unused!)"})
    void rejectsWhatIsNoIdentifier(String text) {
        assertFalse(ProcessIdentifier.isValid(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessIdentifier.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rejectsNull() {
        assertFalse(ProcessIdentifier.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> ProcessIdentifier.parse(null));
    }

    @Test
    void anIdentifierOfThousandsOfPartsIsCheckedWithoutExhaustingTheStack() {
        String deep = "2.3.3.10" + ".1".repeat(5_000);
        assertTrue(ProcessIdentifier.isValid(deep));
        assertEquals(5_003, ProcessIdentifier.parse(deep).level());
        assertFalse(ProcessIdentifier.isValid(deep + ".01"));
        assertFalse(ProcessIdentifier.isValid(deep + "."));
        for (String bad : List.of("1", "1.", "12.3", "3.1", "1.12345", "1..2", "1.3a", ".1.3", "1.03"))
            assertFalse(ProcessIdentifier.isValid(bad), bad);
    }
}
