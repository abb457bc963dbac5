package org.etomkg.archimate;

import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a model in The Open Group's ArchiMate 3.1 Model Exchange File Format (namespace
 * {@code http://www.opengroup.org/xsd/archimate/3.0/}, which 3.1 keeps) with StAX, indented, in the
 * model's own order, so the same model always gives the same bytes.
 */
final class ExchangeWriter {
    static final String NS = "http://www.opengroup.org/xsd/archimate/3.0/";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final String LOCATION = NS + " http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd";

    private final XMLStreamWriter xml;
    private int depth;

    private ExchangeWriter(XMLStreamWriter xml) { this.xml = xml; }

    static void write(ArchimateModel model, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new ExchangeWriter(xml).model(model);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the ArchiMate model: " + e.getMessage(), e);
        }
    }

    private void model(ArchimateModel m) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.setDefaultNamespace(NS);
        xml.writeStartElement(NS, "model");
        xml.writeDefaultNamespace(NS);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "schemaLocation", LOCATION);
        xml.writeAttribute("identifier", m.id());
        depth++;
        name("name", m.name());
        if (!m.elements().isEmpty()) {
            open("elements");
            for (Element e : m.elements()) {
                open("element");
                xml.writeAttribute("identifier", e.id());
                xml.writeAttribute(XSI, "type", e.type().name());
                name("name", e.name());
                if (e.documentation() != null) name("documentation", e.documentation());
                properties(e.properties());
                close();
            }
            close();
        }
        if (!m.relationships().isEmpty()) {
            open("relationships");
            for (Relationship r : m.relationships()) {
                open("relationship");
                xml.writeAttribute("identifier", r.id());
                xml.writeAttribute("source", r.source().id());
                xml.writeAttribute("target", r.target().id());
                xml.writeAttribute(XSI, "type", r.type().name());
                if (r.access() != null) xml.writeAttribute("accessDirection", r.access());
                properties(r.properties());
                close();
            }
            close();
        }
        open("organizations");
        for (OrganisationFolder f : m.organisation().folders) folder(f);
        close();
        Set<PropertyKey> used = EnumSet.noneOf(PropertyKey.class);
        m.elements().forEach(e -> used.addAll(e.properties().keySet()));
        m.relationships().forEach(r -> used.addAll(r.properties().keySet()));
        m.diagrams().forEach(d -> used.addAll(d.properties.keySet()));
        if (!used.isEmpty()) {
            open("propertyDefinitions");
            for (PropertyKey k : used) {
                open("propertyDefinition");
                xml.writeAttribute("identifier", k.id());
                xml.writeAttribute("type", "string");
                name("name", k.label);
                close();
            }
            close();
        }
        if (!m.diagrams().isEmpty()) {
            open("views");
            open("diagrams");
            for (Diagram d : m.diagrams()) diagram(d);
            close();
            close();
        }
        depth--;
        indent();
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void folder(OrganisationFolder f) throws XMLStreamException {
        open("item");
        name("label", f.label);
        for (String id : f.items) {
            indent();
            xml.writeEmptyElement(NS, "item");
            xml.writeAttribute("identifierRef", id);
        }
        for (OrganisationFolder sub : f.folders) folder(sub);
        close();
    }

    private void diagram(Diagram d) throws XMLStreamException {
        open("view");
        xml.writeAttribute("identifier", d.id);
        xml.writeAttribute(XSI, "type", "Diagram");
        name("name", d.name);
        if (d.documentation != null) name("documentation", d.documentation);
        properties(d.properties);
        for (Diagram.Node n : d.nodes) node(n);
        for (Diagram.Connection c : d.connections) {
            indent();
            xml.writeEmptyElement(NS, "connection");
            xml.writeAttribute("identifier", c.id());
            xml.writeAttribute("relationshipRef", c.relationship().id());
            xml.writeAttribute(XSI, "type", "Relationship");
            xml.writeAttribute("source", c.source().id());
            xml.writeAttribute("target", c.target().id());
        }
        close();
    }

    private void node(Diagram.Node n) throws XMLStreamException {
        indent();
        if (n.children().isEmpty()) xml.writeEmptyElement(NS, "node");
        else xml.writeStartElement(NS, "node");
        xml.writeAttribute("identifier", n.id());
        xml.writeAttribute("elementRef", n.element().id());
        xml.writeAttribute(XSI, "type", "Element");
        xml.writeAttribute("x", String.valueOf(n.x()));
        xml.writeAttribute("y", String.valueOf(n.y()));
        xml.writeAttribute("w", String.valueOf(n.w()));
        xml.writeAttribute("h", String.valueOf(n.h()));
        if (n.children().isEmpty()) return;
        depth++;
        for (Diagram.Node c : n.children()) node(c);
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void properties(Map<PropertyKey, String> props) throws XMLStreamException {
        if (props.isEmpty()) return;
        open("properties");
        for (Map.Entry<PropertyKey, String> p : props.entrySet()) {
            open("property");
            xml.writeAttribute("propertyDefinitionRef", p.getKey().id());
            indent();
            xml.writeStartElement(NS, "value");
            xml.writeCharacters(p.getValue());
            xml.writeEndElement();
            close();
        }
        close();
    }

    /** A name, label or value, in English as our labels are. */
    private void name(String tag, String text) throws XMLStreamException {
        indent();
        xml.writeStartElement(NS, tag);
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void open(String tag) throws XMLStreamException {
        indent();
        xml.writeStartElement(NS, tag);
        depth++;
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
