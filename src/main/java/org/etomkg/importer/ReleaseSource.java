package org.etomkg.importer;

import java.util.List;

import org.etomkg.framework.ReleaseVersion;

/** Everything read from one source file of a release, row by row, in source order. */
public record ReleaseSource(ReleaseVersion version, String sourceName, String sourceKind,
                            List<SourceRow> rows, List<RetiredRow> retired) {
}
