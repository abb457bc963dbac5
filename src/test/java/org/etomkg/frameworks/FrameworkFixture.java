package org.etomkg.frameworks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small TM Forum source folder and a small ontology folder, written by the tests: three eTOM
 * releases (23.0.1, 24.0, 26.0, with 1.1.9 renumbered to 1.12.9 in 26.0 and 1.4.5 renamed in
 * 24.0), optionally a release crosswalk, two component specifications, an Open API index, a
 * link table, one SID release and two Functional Framework releases. Names are made up for
 * the tests; nothing here is TM Forum's text.
 */
final class FrameworkFixture {
    static final Path REAL_ONTOLOGY = Path.of("ontology").toAbsolutePath();

    static final String TMFC901 = """
        apiVersion: oda.tmforum.org/v1
        kind: Component
        metadata:
          name: components.oda.tmforum.org
        spec:
          coreFunction:
            exposedAPIs:
            - id: TMF642
              apiSDO: tmForum
              required: true
              specification:
              - version: 5
                resources:
                - alarm:
                  - GET
              - version: 4
            - id: TMF999
              name: Test API
              required: false
              specification:
              - version: 4.0.0
            dependentAPIs:
            - id: TMF633
              required: false
              specification:
              - version: 4
          componentMetadata:
            id: TMFC901
            name: TroubleHandling
            version: 1.0.0
            description: A component made up for a test.
            publicationDate: '2026-01-02'
            status: production
            functionalBlock: Production
            eTOMs:
            - 1.5.8|Resource_Trouble_Handling|v23.0
            - 1.5.8.1|Survey_Trouble|v24.0
            - 1.4.5.1|Design_Solution|v21.5
            - 1.4.5.9|Made_Up_Process|v21.5
            - 1.5.9.9|Not_There|v24.0
            functionalFrameworkFunctions:
            - 1187|Trouble_Resolution|v25.0
            - 12|Old_Name|v23.0
            - 584|Something|v21.5
            SIDs:
            - Resource_Domain|Resource_Trouble_ABE|v25.0
            - Resource_Domain|Resource_Trouble_ABE|Alarm_ABE|ResourceAlarm_BE|v25.0
            - Resource_Domain|Resource_Trouble_ABE|Missing_ABE|v25.0
            - Market_Domain|Anything_ABE|v25.0
        """;

    static final String TMFC902 = """
        apiVersion: oda.tmforum.org/v1
        kind: Component
        spec:
          coreFunction:
            exposedAPIs: []
          componentMetadata:
            id: TMFC902
            name: SellingSupport
            version: 0.1.0
            status: roadmap
            functionalBlock: CoreCommerce
            eTOMs:
            - 1.1.9|Selling|v23.0
        """;

    static final String API_INDEX = """
        {
          "TMF642_v4.0.0": {"name": "Alarm Management API", "swagger": "https://example.org/a.json"},
          "TMF642_v5.0.0": {"name": "Alarm Management API"},
          "TMF633_v4.0.0": {"name": "Service Catalog Management API"}
        }
        """;

    static final String LINK_TABLE = """
        # Source: a table made up for a test.
        component_id,etom_activity,sid_abe,direction,yaml_etom_ref,yaml_sid_ref
        TMFC901,Resource Trouble Handling,Resource Trouble ABE,bidirectional,1.5.8|Resource_Trouble_Handling|v23.0,Resource_Domain|Resource_Trouble_ABE|v25.0
        TMFC902,"Selling / Survey Resource Trouble",Resource Trouble ABE,activity produces,1.1.9|Selling|v23.0; 1.5.8.1|Survey_Resource_Trouble|v24.0,Resource_Domain|Resource_Trouble_ABE|v25.0
        TMFC901,Trouble Handling L2,Alarm,activity consumes,**NO MATCH**,**NO MATCH**
        TMFC901,Source SID ABE,Target SID ABE,Direction,YAML source,YAML target
        TMFC901,Alarm ABE,Resource Trouble ABE,Alarm ABE produces Resource Trouble ABE,Resource_Domain|Resource_Trouble_ABE|Alarm_ABE|v25.0,Resource_Domain|Resource_Trouble_ABE|v25.0
        """;

    static final String SID_25_0 = """
        {
          "version": "v25.0",
          "domains": ["Resource Domain", "Shared Domain"],
          "abesByDomain": {"Resource Domain": ["Resource Trouble ABE"], "Shared Domain": ["Party ABE"]},
          "besByDomainAbe": {
            "Resource Domain||Resource Trouble ABE": [{"kind": "ABE", "name": "Alarm ABE"}, {"kind": "BE", "name": "ResourceAlarm"},
                                                     {"kind": "BE", "name": "ResourceAlarm"}]
          },
          "domainToken": {"Resource Domain": "Resource_Domain", "Shared Domain": "Shared_Domain"},
          "abeToken": {"Resource Trouble ABE": "Resource_Trouble_ABE", "Party ABE": "Party_ABE"}
        }
        """;

    static final String FF_23_0 = """
        {"version": "v23.0.0", "entries": [
          {"id": "12", "name": "New Name", "token": "New_Name", "domain": "Resource Domain", "vertical": "Assurance", "af1": "Trouble Group", "af2": "Trouble Subgroup"}
        ]}
        """;

    static final String FF_25_0 = """
        {"version": "v25.0", "entries": [
          {"id": "1187", "name": "Trouble Resolution", "domain": "Resource Domain", "vertical": "Assurance,Fulfillment", "af1": "Trouble Group", "af2": "Trouble Subgroup"},
          {"id": "1187", "name": "Trouble Resolution", "domain": "Service Domain", "vertical": 0, "af1": "Other Group", "af2": "Other Subgroup"},
          {"id": "7", "name": "Seven", "domain": null, "vertical": null, "af1": null, "af2": null},
          {"id": "7", "name": "Seven Again", "domain": null, "vertical": null, "af1": null, "af2": null}
        ]}
        """;

    /** Identifier to name, per release; a level 1 entry is a domain. */
    static final Map<String, Map<String, String>> RELEASES = new LinkedHashMap<>();
    static {
        RELEASES.put("23.0.1", releaseOf("1.1", "Market & Sales Domain", "1.1.9", "Selling", "1.4", "Service Domain",
            "1.4.5", "Service Configuration & Activation", "1.4.5.1", "Design Solution", "1.5", "Resource Domain",
            "1.5.8", "Resource Trouble Handling", "1.5.8.1", "Survey Resource Trouble"));
        RELEASES.put("24.0", releaseOf("1.1", "Market & Sales Domain", "1.1.9", "Selling", "1.4", "Service Domain",
            "1.4.5", "Service Activation Management", "1.4.5.1", "Design Solution", "1.5", "Resource Domain",
            "1.5.8", "Resource Trouble Handling", "1.5.8.1", "Survey Resource Trouble"));
        RELEASES.put("26.0", releaseOf("1.1", "Market Domain", "1.12", "Sales Domain", "1.12.9", "Selling", "1.4", "Service Domain",
            "1.4.5", "Service Activation Management", "1.4.5.1", "Design Solution", "1.5", "Resource Domain",
            "1.5.8", "Resource Trouble Handling", "1.5.8.1", "Survey Resource Trouble"));
    }

    /** The same process through the releases, as a crosswalk would say: 1.1.9 becomes 1.12.9 in 26.0. */
    static final String CROSSWALK = """
        @prefix etom: <https://w3id.org/etom-kg/ontology#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix a: <https://w3id.org/etom-kg/release/23.0.1/process/> .
        @prefix b: <https://w3id.org/etom-kg/release/24.0/process/> .
        @prefix c: <https://w3id.org/etom-kg/release/26.0/process/> .
        <https://w3id.org/etom-kg/graph/crosswalk> a owl:Ontology .
        a:1.1.9 etom:nextVersion b:1.1.9 .   b:1.1.9 etom:nextVersion c:1.12.9 .
        a:1.4.5 etom:nextVersion b:1.4.5 .   b:1.4.5 etom:nextVersion c:1.4.5 .
        a:1.4.5.1 etom:nextVersion b:1.4.5.1 .   b:1.4.5.1 etom:nextVersion c:1.4.5.1 .
        a:1.5.8 etom:nextVersion b:1.5.8 .   b:1.5.8 etom:nextVersion c:1.5.8 .
        a:1.5.8.1 etom:nextVersion b:1.5.8.1 .   b:1.5.8.1 etom:nextVersion c:1.5.8.1 .
        """;

    private FrameworkFixture() {}

    private static Map<String, String> releaseOf(String... idName) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idName.length; i += 2) m.put(idName[i], idName[i + 1]);
        return m;
    }

    /** Writes the source folder: oda-components/, sid/, functional-framework/. */
    static Path sources(Path dir) {
        write(dir.resolve("oda-components/TMFC901-TroubleHandling.yaml"), TMFC901);
        write(dir.resolve("oda-components/TMFC902-SellingSupport.yaml"), TMFC902);
        write(dir.resolve("oda-components/open-api-index.json"), API_INDEX);
        write(dir.resolve("oda-components/etom-l2-sid-abe-links.csv"), LINK_TABLE);
        write(dir.resolve("sid/sid_v25.0.json"), SID_25_0);
        write(dir.resolve("functional-framework/functionalFramework_v23.0.0.json"), FF_23_0);
        write(dir.resolve("functional-framework/functionalFramework_v25.0.json"), FF_25_0);
        return dir;
    }

    /**
     * Writes an ontology folder: the real meta-model and frameworks vocabulary, the three small
     * releases and, if asked, the crosswalk.
     */
    static Path ontology(Path dir, boolean crosswalk) {
        try {
            Files.createDirectories(dir.resolve("frameworks"));
            Files.copy(REAL_ONTOLOGY.resolve("etom-meta.ttl"), dir.resolve("etom-meta.ttl"));
            Files.copy(REAL_ONTOLOGY.resolve("frameworks/etom-frameworks-vocabulary.ttl"), dir.resolve("frameworks/etom-frameworks-vocabulary.ttl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RELEASES.forEach((v, processes) -> write(dir.resolve("releases/etom-" + v + ".ttl"), release(v, processes)));
        if (crosswalk) write(dir.resolve("crosswalk/etom-crosswalk.ttl"), CROSSWALK);
        return dir;
    }

    /** A release file in the shape the release importer writes. */
    static String release(String v, Map<String, String> processes) {
        StringBuilder out = new StringBuilder("""
            @prefix etom: <https://w3id.org/etom-kg/ontology#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            """);
        out.append("@prefix p: <https://w3id.org/etom-kg/release/").append(v).append("/process/> .\n");
        String scheme = "<https://w3id.org/etom-kg/release/" + v + ">";
        out.append("<https://w3id.org/etom-kg/graph/release/").append(v).append("> a owl:Ontology ; owl:imports <https://w3id.org/etom-kg/ontology> .\n");
        out.append(scheme).append(" a etom:Release , skos:ConceptScheme ; rdfs:label \"eTOM ").append(v).append("\"@en ; etom:version \"").append(v).append("\" .\n");
        processes.forEach((id, name) -> {
            int level = id.split("\\.").length - 1;
            out.append("p:").append(id).append(" a etom:ProcessElement , skos:Concept ; rdfs:label \"").append(name).append("\"@en ; skos:notation \"")
                .append(id).append("\" ; etom:level ").append(level).append(" ; skos:inScheme ").append(scheme);
            if (level > 1) out.append(" ; etom:parent p:").append(id, 0, id.lastIndexOf('.'));
            out.append(" .\n");
        });
        return out.toString();
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
