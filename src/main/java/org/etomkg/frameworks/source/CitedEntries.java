package org.etomkg.frameworks.source;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.etomkg.framework.ProcessIdentifier;

/** Parses the {@code part|part|vRELEASE} entries of component specifications and the link table. */
public final class CitedEntries {
    private static final Pattern RELEASE = Pattern.compile("[vV]?([0-9]{1,3}(\\.[0-9]{1,3}){0,3})");
    private static final Pattern FUNCTION_ID = Pattern.compile("[0-9]{1,6}");

    private CitedEntries() {}

    /** An eTOM reference {@code identifier|Name|vRELEASE}, or why it is not one. */
    public static Either process(String raw, String location) {
        return parse(raw, location, 3, 3, "identifier|Name|vRELEASE")
            .check(e -> ProcessIdentifier.isValid(e.parts().get(0)) ? null
                : "'" + e.parts().get(0) + "' is not an eTOM process identifier");
    }

    /** A Functional Framework reference {@code number|Name|vRELEASE}, or why it is not one. */
    public static Either function(String raw, String location) {
        return parse(raw, location, 3, 3, "number|Name|vRELEASE")
            .check(e -> FUNCTION_ID.matcher(e.parts().get(0)).matches() ? null
                : "'" + e.parts().get(0) + "' is not a Functional Framework function number");
    }

    /** A SID reference {@code Domain|ABE[|...]|vRELEASE}, or why it is not one. */
    public static Either sid(String raw, String location) {
        return parse(raw, location, 3, 8, "Domain|ABE[|entity...]|vRELEASE");
    }

    private static Either parse(String raw, String location, int min, int max, String form) {
        if (raw == null || raw.isBlank()) return Either.error("empty entry, expected " + form);
        List<String> all = Arrays.stream(raw.split("\\|", -1)).map(String::trim).toList();
        if (all.size() < min || all.size() > max || all.stream().anyMatch(String::isEmpty))
            return Either.error("'" + raw + "' is not of the form " + form);
        var m = RELEASE.matcher(all.get(all.size() - 1));
        if (!m.matches()) return Either.error("'" + raw + "' does not end with a release such as v25.0");
        return Either.ok(new CitedEntry(raw, all.subList(0, all.size() - 1), m.group(1), location));
    }

    /** A parsed entry or the reason it could not be parsed. */
    public record Either(CitedEntry entry, String error) {
        static Either ok(CitedEntry e) { return new Either(e, null); }
        static Either error(String message) { return new Either(null, message); }

        Either check(java.util.function.Function<CitedEntry, String> rule) {
            if (entry == null) return this;
            String problem = rule.apply(entry);
            return problem == null ? this : error(problem);
        }

        public Optional<CitedEntry> value() { return Optional.ofNullable(entry); }
    }
}
