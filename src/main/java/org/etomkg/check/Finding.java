package org.etomkg.check;

import java.util.Map;

/** One row a quality check returned: which check, how severe, what it says, and the row's values. */
public record Finding(String check, Severity severity, String message, Map<String, String> values) {
}
