package org.etomkg.query;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.etomkg.framework.ProcessIdentifier;
import org.etomkg.framework.ReleaseVersion;

/**
 * A parameter of a named query, declared in its header as
 * {@code # @param name type [= default] description}. Types: string, integer, identifier,
 * release, iri. A value becomes an RDF term checked against the type, bound into the parsed
 * query; it never becomes query text.
 */
public record QueryParameter(String name, String type, String defaultValue, String description) {

    public boolean required() { return defaultValue == null; }

    /** The RDF term for a value, or an IllegalArgumentException that says what was expected. */
    public Node toNode(String value) {
        try {
            return switch (type) {
                case "string" -> NodeFactory.createLiteralString(value);
                case "integer" -> {
                    if (!value.matches("-?[0-9]{1,18}")) throw new IllegalArgumentException("expected a whole number");
                    yield NodeFactory.createLiteralDT(value, XSDDatatype.XSDinteger);
                }
                case "identifier" -> NodeFactory.createLiteralString(ProcessIdentifier.parse(value).text());
                case "release" -> NodeFactory.createLiteralString(ReleaseVersion.of(value).text());
                case "iri" -> NodeFactory.createURI(IRIs.checkEx(value));
                default -> throw new IllegalStateException("unknown parameter type " + type);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("parameter '" + name + "' (" + type + "): '" + value + "' is not valid: " + e.getMessage());
        }
    }

    static boolean knownType(String type) {
        return switch (type) { case "string", "integer", "identifier", "release", "iri" -> true; default -> false; };
    }
}
