package org.etomkg.frameworks.resolve;

import org.etomkg.frameworks.source.CitedEntry;

/** What a Functional Framework reference resolved to; {@code target} is null unless resolved. */
public record FunctionResolution(CitedEntry cited, Status status, String release, FrameworkFunction target) {}
