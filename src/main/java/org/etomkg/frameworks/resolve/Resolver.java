package org.etomkg.frameworks.resolve;

import java.util.ArrayList;
import java.util.List;

import org.etomkg.frameworks.source.AbeLinkRow;
import org.etomkg.frameworks.source.ComponentSpec;
import org.etomkg.frameworks.source.FunctionCatalogue;
import org.etomkg.frameworks.source.OpenApiEntry;
import org.etomkg.frameworks.source.SidCatalogue;

/** Resolves every reference of the component specifications and the link table against the catalogues. */
public final class Resolver {
    private Resolver() {}

    public static ResolvedFrameworks resolve(EtomCatalogue etom, Crosswalk crosswalk, List<SidCatalogue> sidCatalogues, List<FunctionCatalogue> functionCatalogues,
                                             String apiIndexFile, List<OpenApiEntry> apis, List<ComponentSpec> specs,
                                             String linkTableFile, List<AbeLinkRow> rows) {
        ProcessResolver processes = new ProcessResolver(etom, crosswalk);
        SidIndex sid = new SidIndex(sidCatalogues);
        FunctionIndex functions = new FunctionIndex(functionCatalogues);
        List<ResolvedComponent> components = new ArrayList<>();
        for (ComponentSpec s : specs)
            components.add(new ResolvedComponent(s, s.processes().stream().map(processes::resolve).toList(),
                s.functions().stream().map(functions::resolve).toList(), s.sidEntities().stream().map(sid::resolve).toList()));
        List<ResolvedAbeLink> links = new ArrayList<>();
        for (AbeLinkRow r : rows) {
            switch (r.kind()) {
                case SECTION_HEADER -> links.add(new ResolvedAbeLink(r, List.of(), null, null));
                case SID_TO_SID -> links.add(new ResolvedAbeLink(r, List.of(), r.fromRef() == null ? null : sid.resolve(r.fromRef()),
                    r.sidRef() == null ? null : sid.resolve(r.sidRef())));
                case PROCESS_TO_SID -> links.add(new ResolvedAbeLink(r, r.etomRefs().stream().map(processes::resolve).toList(), null,
                    r.sidRef() == null ? null : sid.resolve(r.sidRef())));
            }
        }
        return new ResolvedFrameworks(etom, crosswalk, sid, functions, apiIndexFile, apis, components, linkTableFile, links);
    }
}
