package org.etomkg.frameworks.source;

/** One entry of TM Forum's Open API index: an API identifier, a version and the name given for it. */
public record OpenApiEntry(String id, String version, String name, String location) {}
