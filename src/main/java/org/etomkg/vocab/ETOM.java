package org.etomkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** IRIs of the etom-kg meta-model ({@code ontology/etom-meta.ttl}) and of the things minted from it. */
public final class ETOM {
    private ETOM() {}

    public static final String BASE = "https://w3id.org/etom-kg/";
    public static final String NS = BASE + "ontology#";
    public static final String META_MODEL = BASE + "ontology";
    public static final String ENTRY = BASE + "etom";

    /** The release itself: an {@code etom:Release} and the concept scheme of its elements. */
    public static String release(String version) { return BASE + "release/" + version; }
    /** The namespace of a release's process elements; the identifier is the local name. */
    public static String processNamespace(String version) { return release(version) + "/process/"; }
    /** The namespace of a release's retired elements; the TM Forum UID is the local name. */
    public static String retiredNamespace(String version) { return release(version) + "/retired/"; }
    /** The ontology IRI of a release file, which is also its named graph in the store. */
    public static String releaseGraph(String version) { return BASE + "graph/release/" + version; }
    /** The graph a user's own copy of the workbook's descriptions goes to; never shipped. */
    public static String descriptionGraph(String version) { return releaseGraph(version) + "/descriptions"; }

    public static final Resource ProcessElement = resource("ProcessElement");
    public static final Resource RetiredProcessElement = resource("RetiredProcessElement");
    public static final Resource Domain = resource("Domain");
    public static final Resource VerticalGroup = resource("VerticalGroup");
    public static final Resource Release = resource("Release");

    public static final Property parent = property("parent");
    public static final Property domain = property("domain");
    public static final Property verticalGroup = property("verticalGroup");
    public static final Property level = property("level");
    public static final Property version = property("version");
    public static final Property identifierPrefix = property("identifierPrefix");
    public static final Property firstRelease = property("firstRelease");
    public static final Property lastRelease = property("lastRelease");

    /** The node of a meta-model term, for graph-level code. */
    public static org.apache.jena.graph.Node term(String local) { return org.apache.jena.graph.NodeFactory.createURI(NS + local); }

    private static Resource resource(String local) { return ResourceFactory.createResource(NS + local); }
    private static Property property(String local) { return ResourceFactory.createProperty(NS + local); }
}
