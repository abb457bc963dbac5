package org.etomkg.framework;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.etomkg.vocab.ETOM;

/**
 * The domains and vertical groups declared in {@code ontology/etom-meta.ttl}. The importers
 * read them from there so that the file, not the code, says which prefix is which domain.
 */
public final class MetaModel {
    public static final String FILE_NAME = "etom-meta.ttl";

    private final List<Domain> domains;
    private final List<VerticalGroup> verticalGroups;

    private MetaModel(List<Domain> domains, List<VerticalGroup> verticalGroups) {
        this.domains = List.copyOf(domains);
        this.verticalGroups = List.copyOf(verticalGroups);
    }

    /** Reads the meta-model from an ontology folder. */
    public static MetaModel load(Path ontologyDir) {
        return of(RDFDataMgr.loadModel(ontologyDir.resolve(FILE_NAME).toString()));
    }

    public static MetaModel of(Model model) {
        List<Domain> domains = new ArrayList<>();
        model.listSubjectsWithProperty(RDF.type, ETOM.Domain).forEach(d -> domains.add(new Domain(
            d.getURI(), label(d), d.getRequiredProperty(ETOM.identifierPrefix).getString(),
            version(d, ETOM.firstRelease), version(d, ETOM.lastRelease))));
        List<VerticalGroup> groups = new ArrayList<>();
        model.listSubjectsWithProperty(RDF.type, ETOM.VerticalGroup)
            .forEach(g -> groups.add(new VerticalGroup(g.getURI(), label(g))));
        domains.sort(Comparator.comparing(Domain::iri));
        groups.sort(Comparator.comparing(VerticalGroup::iri));
        return new MetaModel(domains, groups);
    }

    public List<Domain> domains() { return domains; }
    public List<VerticalGroup> verticalGroups() { return verticalGroups; }

    /** The domains that own a prefix in a release (Market & Sales or Market and Sales, never both). */
    public List<Domain> domainsOf(ReleaseVersion release) {
        return domains.stream().filter(d -> d.activeIn(release))
            .sorted(Comparator.comparing(d -> ProcessIdentifier.parse(d.prefix()))).toList();
    }

    public Optional<Domain> domainFor(ProcessIdentifier id, ReleaseVersion release) {
        return domainsOf(release).stream().filter(d -> d.prefix().equals(id.domainPrefix())).findFirst();
    }

    public Optional<VerticalGroup> verticalGroup(String sourceLabel) {
        return verticalGroups.stream().filter(g -> g.answersTo(sourceLabel)).findFirst();
    }

    private static String label(Resource r) {
        Statement s = r.getProperty(RDFS.label);
        return s == null ? r.getLocalName() : s.getString();
    }

    private static Optional<ReleaseVersion> version(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null ? Optional.empty() : Optional.of(ReleaseVersion.of(s.getString()));
    }
}
