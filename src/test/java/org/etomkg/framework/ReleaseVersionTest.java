package org.etomkg.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseVersionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v25.5   | 25.5",
        "V25.5   | 25.5",
        "25,5    | 25.5",
        "25.5    | 25.5",
        "v23.0.1 | 23.0.1",
        "25.5.0  | 25.5.0",
        "'  v26.0 ' | 26.0"})
    void readsTheFormsTmForumUses(String raw, String expected) {
        assertEquals(expected, ReleaseVersion.of(raw).text());
        assertEquals(expected, ReleaseVersion.of(raw).toString());
    }

    @Test
    void sameReleaseWrittenTwoWaysIsEqual() {
        assertEquals(ReleaseVersion.of("v25.5"), ReleaseVersion.of("25,5"));
        assertEquals(0, ReleaseVersion.of("v25.5").compareTo(ReleaseVersion.of("25,5")));
    }

    @Test
    void ordersAsNumbers() {
        List<ReleaseVersion> versions = new ArrayList<>();
        for (String s : List.of("26.0", "25.5", "9.5", "23.0.1", "25.0", "24.5", "23.5", "24.0", "25.10"))
            versions.add(ReleaseVersion.of(s));
        versions.sort(null);
        assertEquals(List.of("9.5", "23.0.1", "23.5", "24.0", "24.5", "25.0", "25.5", "25.10", "26.0"),
            versions.stream().map(ReleaseVersion::text).toList());
        assertTrue(ReleaseVersion.of("23.0.1").compareTo(ReleaseVersion.of("23.0")) > 0);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"v", "25", "v25", "twenty-five", "25.5a", "25..5", "25.", ".5", "vv25.5", "v 25.5",
        "1234.5", "25.5.0.1.2", "25;5", "eTOM25,5"})
    void rejectsWhatIsNoRelease(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReleaseVersion.of(raw));
        assertTrue(e.getMessage().contains("is not a release number"), e.getMessage());
    }

    @Test
    void theConstructorTakesOnlyTheCleanForm() {
        assertEquals("25.5", new ReleaseVersion("25.5").text());
        assertThrows(IllegalArgumentException.class, () -> new ReleaseVersion("v25.5"));
        assertThrows(IllegalArgumentException.class, () -> new ReleaseVersion("25,5"));
        assertThrows(IllegalArgumentException.class, () -> new ReleaseVersion(null));
    }
}
