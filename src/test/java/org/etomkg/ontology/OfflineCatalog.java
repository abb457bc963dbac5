package org.etomkg.ontology;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntologyIRIMapper;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ontology/catalog-v001.xml} as Protégé uses it: an OWL API manager whose only IRI mapper
 * is the catalog. An IRI the catalog does not map is recorded and sent to a file that does not
 * exist, so the load fails instead of reaching out to the web.
 */
final class OfflineCatalog {
    static final Path ONTOLOGY_DIR = Path.of("ontology");
    static final Path FILE = ONTOLOGY_DIR.resolve("catalog-v001.xml");
    private static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    final Map<IRI, Path> entries;
    final Set<IRI> notInCatalog = new TreeSet<>();

    private OfflineCatalog(Map<IRI, Path> entries) { this.entries = entries; }

    static OfflineCatalog read() {
        return new OfflineCatalog(readEntries(FILE));
    }

    /** A manager that resolves imports through this catalog only, and throws on a missing import. */
    OWLOntologyManager manager() {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        manager.getIRIMappers().clear();
        manager.getIRIMappers().add(mapper());
        manager.setOntologyLoaderConfiguration(manager.getOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION)
            .setFollowRedirects(false));
        return manager;
    }

    OWLOntologyIRIMapper mapper() {
        Path nowhere = ONTOLOGY_DIR.resolve("not-mapped-by-the-catalog").toAbsolutePath();
        return iri -> {
            Path file = entries.get(iri);
            if (file != null) return IRI.create(file.toAbsolutePath().toUri());
            synchronized (notInCatalog) { notInCatalog.add(iri); }
            return IRI.create(nowhere.toUri());
        };
    }

    /** Reads the {@code <uri name=".." uri=".."/>} entries of an OASIS XML catalog. */
    static Map<IRI, Path> readEntries(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList uris = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS(CATALOG_NS, "uri");
            Path base = file.toAbsolutePath().getParent();
            Map<IRI, Path> entries = new LinkedHashMap<>();
            for (int i = 0; i < uris.getLength(); i++) {
                Element uri = (Element) uris.item(i);
                entries.put(IRI.create(uri.getAttribute("name")), base.resolve(uri.getAttribute("uri")).normalize());
            }
            if (entries.isEmpty()) throw new IllegalStateException(file + " maps no IRI");
            return entries;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
