package org.etomkg.frameworks.source;

import java.util.List;

/**
 * The facts etom-kg takes from one ODA component specification (a {@code TMFC*.yaml} file);
 * its description text is not read.
 */
public record ComponentSpec(String file, String id, String name, String version, String status, String functionalBlock,
                            String publicationDate, List<CitedEntry> processes, List<CitedEntry> functions,
                            List<CitedEntry> sidEntities, List<ApiUse> exposedApis, List<ApiUse> dependentApis) {
    public ComponentSpec {
        processes = List.copyOf(processes);
        functions = List.copyOf(functions);
        sidEntities = List.copyOf(sidEntities);
        exposedApis = List.copyOf(exposedApis);
        dependentApis = List.copyOf(dependentApis);
    }
}
