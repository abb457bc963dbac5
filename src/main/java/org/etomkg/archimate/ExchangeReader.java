package org.etomkg.archimate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an ArchiMate 3.1 Model Exchange File with the JDK's SAX parser, hardened: a DOCTYPE is
 * refused outright (so no external entity is fetched and no entity is expanded: XXE and "billion
 * laughs" cannot happen), secure processing is on, no external DTD or schema is accessed. It reads
 * the elements, relationships, property definitions and diagrams, leaves the organisation (folders)
 * aside, and checks every reference: a relationship, view node or connection naming an identifier
 * the file lacks stops the import with the file, line and element.
 *
 * <p>Size: at most {@value #MAX_ELEMENTS} ArchiMate elements and {@value #MAX_TAGS} XML elements in
 * all (the largest export, 26.0 at levels 1-7 with the frameworks, has about 3,000 and 68,000), so a
 * larger file gives a clear error early instead of filling memory.
 */
final class ExchangeReader {
    /** Most ArchiMate elements a file may hold. */
    static final int MAX_ELEMENTS = 50_000;
    /** Most XML elements a file may hold, whatever they are. */
    static final int MAX_TAGS = 2_000_000;

    private ExchangeReader() {}

    static ExchangeFile read(Path file) {
        Handler handler = new Handler(file);
        try (InputStream in = Files.newInputStream(file)) {
            parser().parse(in, handler);
        } catch (SAXParseException e) {
            String why = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                ? "a DOCTYPE is refused: an exchange file needs none, and one could fetch outside files or expand entities without end"
                : "not well-formed XML: " + e.getMessage();
            throw new ArchimateInputException(file, e.getLineNumber(), null, why);
        } catch (Stop e) {
            throw e.error;
        } catch (SAXException e) {
            throw new ArchimateInputException(file, handler.line(), null, "cannot read the XML: " + e.getMessage());
        } catch (IOException e) {
            throw new ArchimateInputException(file, 0, null, "cannot read the file: " + e.getMessage());
        }
        return handler.finish();
    }

    private static SAXParser parser() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser p = f.newSAXParser();
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return p;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    /** Carries an input error out of the parser untouched. */
    private static final class Stop extends SAXException {
        final transient ArchimateInputException error;

        Stop(ArchimateInputException error) { this.error = error; }
    }

    private static final class Handler extends DefaultHandler {
        private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

        private final Path file;
        private Locator locator;
        private final Deque<String> path = new ArrayDeque<>();
        private int tags;

        private record Declared(String type, int line) {}
        private record Related(String type, String source, String target, String access, int line) {}
        private record Drawn(String id, String relationship, String source, String target, int line) {}
        private record Drawing(String id, int line, Map<String, String> nodes, List<Drawn> connections) {}

        private final Map<String, Declared> elements = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> propsOf = new HashMap<>(); // concept id -> definition ref -> value
        private final Map<String, String> nameOf = new HashMap<>(), docOf = new HashMap<>();
        private final Map<String, Related> relationships = new LinkedHashMap<>();
        private final Map<String, String> definitions = new HashMap<>();          // definition id -> name
        private final Map<String, Integer> definitionRefs = new LinkedHashMap<>(); // each ref used -> line
        private final List<Drawing> views = new ArrayList<>();
        private final Map<String, Integer> lineOf = new HashMap<>();

        private String concept;          // the element, relationship or view whose name and properties are being read
        private String definition;       // the property definition being read
        private String propertyRef;      // the property being read
        private Map<String, String> viewNodes;
        private List<Drawn> viewConnections;
        private StringBuilder text;
        private String textLang;
        private boolean names;           // true while a name is the concept's own (not a node's label)

        Handler(Path file) { this.file = file; }

        int line() { return locator == null ? 0 : locator.getLineNumber(); }

        @Override public void setDocumentLocator(Locator locator) { this.locator = locator; }

        private SAXException stop(String id, String message) {
            return new Stop(new ArchimateInputException(file, line(), id, message));
        }

        @Override public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            if (++tags > MAX_TAGS) throw stop(null, "more than " + MAX_TAGS + " XML elements; an exchange file this large is not read");
            String parent = path.peek();
            if (parent == null && !(ExchangeWriter.NS.equals(uri) && local.equals("model")))
                throw stop(null, "not an ArchiMate exchange file: the root is <" + qName + "> in namespace '" + uri + "', not <model> in "
                    + ExchangeWriter.NS);
            path.push(local);
            String id = a.getValue("identifier");
            String within = path.size() >= 2 ? parent : "";
            switch (local) {
                case "element" -> {
                    if (!"elements".equals(within)) break;
                    if (elements.size() >= MAX_ELEMENTS) throw stop(id, "more than " + MAX_ELEMENTS + " elements; an exchange file this large is not read");
                    concept = declare(id);
                    if (a.getValue(XSI, "type") == null) throw stop(id, "an element without an xsi:type");
                    elements.put(id, new Declared(a.getValue(XSI, "type"), line()));
                    names = true;
                }
                case "relationship" -> {
                    if (!"relationships".equals(within)) break;
                    concept = declare(id);
                    String source = a.getValue("source"), target = a.getValue("target");
                    if (source == null || target == null || a.getValue(XSI, "type") == null)
                        throw stop(id, "a relationship needs an xsi:type, a source and a target");
                    relationships.put(id, new Related(a.getValue(XSI, "type"), source, target, a.getValue("accessDirection"), line()));
                    names = true;
                }
                case "propertyDefinition" -> {
                    definition = declare(id);
                    names = false;
                }
                case "view" -> {
                    concept = declare(id);
                    viewNodes = new LinkedHashMap<>();
                    viewConnections = new ArrayList<>();
                    views.add(new Drawing(id, line(), viewNodes, viewConnections));
                    names = true;
                }
                case "node" -> {
                    names = false;
                    if (viewNodes == null) break;
                    if (id == null) throw stop(null, "a node without an identifier");
                    lineOf.put(id, line());
                    if (a.getValue("elementRef") != null) viewNodes.put(id, a.getValue("elementRef"));
                    else viewNodes.put(id, null);
                }
                case "connection" -> {
                    names = false;
                    if (viewConnections == null) break;
                    lineOf.put(id, line());
                    viewConnections.add(new Drawn(id, a.getValue("relationshipRef"), a.getValue("source"), a.getValue("target"), line()));
                }
                case "property" -> {
                    propertyRef = a.getValue("propertyDefinitionRef");
                    if (propertyRef == null) throw stop(concept, "a property without a propertyDefinitionRef");
                    definitionRefs.putIfAbsent(propertyRef, line());
                }
                case "name", "documentation", "value" -> {
                    text = new StringBuilder();
                    textLang = a.getValue(XMLConstants.XML_NS_URI, "lang");
                }
                default -> { }
            }
        }

        private String declare(String id) throws SAXException {
            if (id == null || id.isBlank()) throw stop(null, "an element, relationship, view or property definition without an identifier");
            if (lineOf.containsKey(id) || definitions.containsKey(id)) throw stop(id, "the identifier is used twice (first on line " + lineOf.get(id) + ")");
            lineOf.put(id, line());
            return id;
        }

        @Override public void characters(char[] ch, int start, int length) {
            if (text != null) text.append(ch, start, length);
        }

        @Override public void endElement(String uri, String local, String qName) {
            path.pop();
            String parent = path.peek();
            switch (local) {
                case "name" -> {
                    if ("propertyDefinition".equals(parent) && definition != null) definitions.putIfAbsent(definition, text.toString().strip());
                    else if (names && concept != null && isConcept(parent)) {
                        // the English name where there are several, else the first
                        if (!nameOf.containsKey(concept) || "en".equals(textLang)) nameOf.put(concept, text.toString().strip());
                    }
                }
                case "documentation" -> {
                    if (names && concept != null && isConcept(parent) && !docOf.containsKey(concept)) docOf.put(concept, text.toString().strip());
                }
                case "value" -> {
                    if (propertyRef != null && concept != null && isConceptProperty())
                        propsOf.computeIfAbsent(concept, k -> new LinkedHashMap<>()).putIfAbsent(propertyRef, text.toString().strip());
                }
                case "property" -> propertyRef = null;
                case "element", "relationship" -> { if ("elements".equals(parent) || "relationships".equals(parent)) concept = null; }
                case "propertyDefinition" -> definition = null;
                case "view" -> { concept = null; viewNodes = null; viewConnections = null; }
                case "node", "connection" -> names = false;
                default -> { }
            }
            if (local.equals("name") || local.equals("documentation") || local.equals("value")) text = null;
        }

        private static boolean isConcept(String tag) { return "element".equals(tag) || "relationship".equals(tag) || "view".equals(tag); }

        /** True when the property being read belongs to the concept itself, not to something inside it. */
        private boolean isConceptProperty() {
            var it = path.iterator();
            return it.hasNext() && it.next().equals("property") && it.hasNext() && it.next().equals("properties") && it.hasNext() && isConcept(it.next());
        }

        ExchangeFile finish() {
            definitionRefs.forEach((ref, line) -> {
                if (!definitions.containsKey(ref))
                    throw new ArchimateInputException(file, line, null, "a property names the property definition " + ref + ", which the file lacks");
            });
            Map<String, ExchangeFile.Concept> outElements = new LinkedHashMap<>();
            elements.forEach((id, e) -> outElements.put(id, new ExchangeFile.Concept(id, e.type(), nameOf.getOrDefault(id, ""),
                docOf.get(id), properties(id), e.line())));
            Map<String, ExchangeFile.Link> outLinks = new LinkedHashMap<>();
            relationships.forEach((id, r) -> {
                for (String end : new String[] {r.source(), r.target()})
                    if (!elements.containsKey(end) && !relationships.containsKey(end))
                        throw new ArchimateInputException(file, r.line(), id, "the relationship's " + (end.equals(r.source()) ? "source" : "target") + " "
                            + end + " is not an element or relationship of the file (a dangling reference)");
                outLinks.put(id, new ExchangeFile.Link(id, r.type(), r.source(), r.target(), r.access(), properties(id), r.line()));
            });
            List<ExchangeFile.View> outViews = new ArrayList<>();
            for (Drawing v : views) {
                Map<String, String> nodes = v.nodes();
                nodes.forEach((node, ref) -> {
                    if (ref != null && !elements.containsKey(ref))
                        throw new ArchimateInputException(file, lineOf.get(node), node, "the view node shows element " + ref + ", which the file lacks (a dangling reference)");
                });
                List<ExchangeFile.Shown> shown = new ArrayList<>();
                for (Drawn c : v.connections()) {
                    if (c.relationship() != null && !relationships.containsKey(c.relationship()))
                        throw new ArchimateInputException(file, c.line(), c.id(), "the connection shows relationship " + c.relationship()
                            + ", which the file lacks (a dangling reference)");
                    for (String end : new String[] {c.source(), c.target()})
                        if (end == null || !nodes.containsKey(end))
                            throw new ArchimateInputException(file, c.line(), c.id(), "the connection joins node " + end + ", which the view lacks (a dangling reference)");
                    shown.add(new ExchangeFile.Shown(c.relationship(), c.source(), c.target()));
                }
                outViews.add(new ExchangeFile.View(v.id(), nameOf.getOrDefault(v.id(), ""), docOf.get(v.id()), properties(v.id()), nodes, shown, v.line()));
            }
            return new ExchangeFile(file, outElements, outLinks, outViews);
        }

        private Map<String, String> properties(String id) {
            Map<String, String> out = new LinkedHashMap<>();
            propsOf.getOrDefault(id, Map.of()).forEach((ref, value) -> out.putIfAbsent(definitions.get(ref), value));
            return out;
        }
    }
}
