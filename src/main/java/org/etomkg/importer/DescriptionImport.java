package org.etomkg.importer;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.vocab.ETOM;

/**
 * Loads the description column of a user's own workbook into that user's store, as a graph of
 * its own. Never written to a file: TM Forum's prose stays with the member who holds it.
 */
public final class DescriptionImport {
    private final KnowledgeStore store;

    public DescriptionImport(KnowledgeStore store) { this.store = store; }

    /**
     * Replaces the release's description graph; returns how many processes got a description.
     * Run it on a source the {@link ReleaseAssembler} accepted, so every identifier cell is sound.
     */
    public int load(ReleaseSource source) {
        String v = source.version().text();
        Graph g = GraphFactory.createDefaultGraph();
        Set<ProcessIdentifier> described = new HashSet<>();
        for (SourceRow r : source.rows()) {
            if (r.description() == null) continue;
            ProcessIdentifier id = ReleaseAssembler.identifierIn(r.identifier());
            described.add(id);
            g.add(Triple.create(NodeFactory.createURI(ETOM.processNamespace(v) + id.text()), SKOS.definition.asNode(),
                NodeFactory.createLiteralLang(r.description(), "en")));
        }
        store.replaceGraph(ETOM.descriptionGraph(v), g);
        return described.size();
    }
}
