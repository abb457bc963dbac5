package org.etomkg.archimate;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * The Open Group's exchange-format schemas from the test resources, compiled once with the JDK's
 * own validator. No schema is fetched: every location, the W3C's xml.xsd included, resolves to a
 * copy on the class path, and external access is off.
 */
final class ExchangeSchema {
    private static final String DIR = "/archimate/xsd/";
    private static final Map<String, String> LOCATIONS = Map.of(
        "http://www.w3.org/2001/xml.xsd", "xml.xsd",
        "archimate3_Model.xsd", "archimate3_Model.xsd",
        "archimate3_View.xsd", "archimate3_View.xsd");
    private static Schema schema;

    private ExchangeSchema() {}

    static synchronized Schema get() throws Exception {
        if (schema != null) return schema;
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setResourceResolver(new LSResourceResolver() {
            @Override public LSInput resolveResource(String type, String ns, String publicId, String systemId, String baseURI) {
                String local = LOCATIONS.get(systemId);
                if (local == null) throw new IllegalStateException("the schemas ask for " + systemId + ", which is not kept locally");
                return new Input(systemId, ExchangeSchema.class.getResourceAsStream(DIR + local));
            }
        });
        try (InputStream in = ExchangeSchema.class.getResourceAsStream(DIR + "archimate3_Diagram.xsd")) {
            schema = f.newSchema(new StreamSource(in, "archimate3_Diagram.xsd"));
        }
        return schema;
    }

    /** Validates a document; throws the validator's error (line, column, message) when it is not valid. */
    static void validate(byte[] xml) throws Exception {
        Validator v = get().newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private record Input(String systemId, InputStream stream) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) {}
        @Override public InputStream getByteStream() { return stream; }
        @Override public void setByteStream(InputStream s) {}
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) {}
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) {}
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String s) {}
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) {}
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) {}
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) {}
    }
}
