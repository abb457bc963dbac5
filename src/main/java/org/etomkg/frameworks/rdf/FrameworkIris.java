package org.etomkg.frameworks.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.etomkg.frameworks.resolve.SidEntity;
import org.etomkg.vocab.ETOM;

/**
 * The IRIs etom-kg mints for the other frameworks, and the files and graphs they live in. IRIs
 * come from identifiers the sources give (TMFC043, TMF642, function 1187, a row number), never
 * from a name; a SID entity, which has no identifier, is named by a digest of its place.
 */
public final class FrameworkIris {
    private FrameworkIris() {}

    public static final String BASE = ETOM.BASE;
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";

    public static final String ENTRY_GRAPH = BASE + "graph/frameworks";
    public static final String VOCABULARY_GRAPH = ENTRY_GRAPH + "/vocabulary";
    public static final String COMPONENTS_GRAPH = ENTRY_GRAPH + "/oda-components";
    public static final String OPEN_APIS_GRAPH = ENTRY_GRAPH + "/open-apis";
    public static final String ABE_LINKS_GRAPH = ENTRY_GRAPH + "/etom-l2-sid-abe-links";

    public static final String ENTRY_FILE = "etom-frameworks.ttl";
    public static final String VOCABULARY_FILE = "etom-frameworks-vocabulary.ttl";
    public static final String COMPONENTS_FILE = "oda-components.ttl";
    public static final String OPEN_APIS_FILE = "open-apis.ttl";
    public static final String ABE_LINKS_FILE = "etom-l2-sid-abe-links.ttl";
    public static final String CATALOG_FILE = "catalog-v001.xml";
    public static final String REPORT_FILE = "frameworks-report.md";

    public static String sidGraph(String release) { return ENTRY_GRAPH + "/sid/" + release; }
    public static String sidFile(String release) { return "sid-" + release + ".ttl"; }
    public static String functionsGraph(String release) { return ENTRY_GRAPH + "/functional-framework/" + release; }
    public static String functionsFile(String release) { return "functional-framework-" + release + ".ttl"; }

    public static String component(String id) { return BASE + "oda-component/" + id; }
    /** A link a component's specification states: {@code .../oda-component/TMFC043/process/1}. */
    public static String componentLink(String componentId, String kind, int position) { return component(componentId) + "/" + kind + "/" + position; }
    /** A link derived from another into a release: {@code .../process/1/in/26.0}. */
    public static String derivedLink(String link, String release) { return link + "/in/" + release; }
    /** The link of a row of the eTOM-to-SID link table; {@code k} counts the row's eTOM references from 1. */
    public static String abeLink(int ordinal, int k) { return BASE + "etom-sid-link/row/" + ordinal + "/" + k; }
    public static String openApi(String id) { return BASE + "open-api/" + id; }

    public static String sidRelease(String release) { return BASE + "sid/" + release; }
    public static String sidEntity(SidEntity e) {
        return sidRelease(e.release()) + "/" + e.kind().name().toLowerCase(Locale.ROOT) + "/" + digest(e.key());
    }
    public static String functionsRelease(String release) { return BASE + "functional-framework/" + release; }
    public static String function(String release, String id) { return functionsRelease(release) + "/function/" + id; }

    /** The node for a source file: {@code .../source/oda-components/TMFC043-FaultManagement.yaml}. */
    public static String sourceFile(String displayName) {
        StringBuilder out = new StringBuilder(BASE + "source/");
        for (byte b : displayName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) out.append(c);
            else out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
