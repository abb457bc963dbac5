package org.etomkg.importer;

import java.util.List;
import java.util.Map;

import org.etomkg.framework.Domain;
import org.etomkg.framework.ReleaseVersion;

/**
 * A release ready to be written: its level 1 domains, its process elements in identifier
 * order, its retired elements, and what the quality report will say.
 */
public record ReleaseContent(ReleaseVersion version, String sourceName, String sourceKind, List<Domain> domains,
                             List<ReleaseElement> elements, List<RetiredElement> retired, int sourceRows,
                             Map<String, Integer> notes, List<String> noteDetails) {

    public long countAtLevel(int level) {
        return elements.stream().filter(e -> e.level() == level).count();
    }
}
