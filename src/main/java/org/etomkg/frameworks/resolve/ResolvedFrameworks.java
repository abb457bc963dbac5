package org.etomkg.frameworks.resolve;

import java.util.List;

import org.etomkg.frameworks.source.OpenApiEntry;

/**
 * Everything read from a TM Forum source folder, with every reference resolved: the
 * catalogues (eTOM releases, SID, Functional Framework), the Open API index, the component
 * specifications and the eTOM-to-SID link table.
 */
public record ResolvedFrameworks(EtomCatalogue etom, Crosswalk crosswalk, SidIndex sid, FunctionIndex functions, String apiIndexFile,
                                 List<OpenApiEntry> apis, List<ResolvedComponent> components, String linkTableFile,
                                 List<ResolvedAbeLink> links) {
    public ResolvedFrameworks {
        apis = List.copyOf(apis);
        components = List.copyOf(components);
        links = List.copyOf(links);
    }
}
