package org.etomkg.frameworks.resolve;

import java.util.List;

import org.etomkg.frameworks.source.ComponentSpec;

/** A component specification with each of its references resolved, in source order. */
public record ResolvedComponent(ComponentSpec spec, List<ProcessResolution> processes, List<FunctionResolution> functions,
                                List<SidResolution> sidEntities) {
    public ResolvedComponent {
        processes = List.copyOf(processes);
        functions = List.copyOf(functions);
        sidEntities = List.copyOf(sidEntities);
    }
}
