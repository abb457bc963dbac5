package org.etomkg.frameworks.resolve;

import java.util.List;

/** A process of one eTOM release as its release file has it: IRI, identifier, label and other names. */
public record EtomProcess(String iri, String release, String id, String label, List<String> names) {
    public EtomProcess {
        names = List.copyOf(names);
    }
}
