package org.etomkg.frameworks.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a SID catalogue export ({@code sid_v25.5.json}): {@code version}, {@code domains},
 * {@code abesByDomain} (domain name to ABE names), {@code besByDomainAbe} ("Domain||ABE" to
 * members of kind ABE or BE) and the {@code domainToken} and {@code abeToken} keys. An ABE or
 * domain the other lists do not declare is an error naming the file, line and path; a member
 * listed twice under one ABE is kept once and counted.
 */
public final class SidCatalogueReader {

    public SidCatalogue read(Path file) {
        SourceDocument doc = SourceDocument.json(file);
        if (!doc.root().isObject()) throw doc.error("", "expected an object with 'version', 'domains', 'abesByDomain' and 'besByDomainAbe'");
        String sourceVersion = ComponentSpecReader.text(doc, "/version", true);
        String release = Catalogues.majorMinor(sourceVersion)
            .orElseThrow(() -> doc.error("/version", "'" + sourceVersion + "' is not a release such as v25.5"));
        Map<String, String> domainTokens = tokens(doc, "/domainToken");
        Map<String, String> abeTokens = tokens(doc, "/abeToken");

        JsonNode domains = doc.at("/domains");
        if (!domains.isArray() || domains.isEmpty()) throw doc.error("/domains", "missing, empty or not a list of domain names");
        Map<String, Map<String, List<SidCatalogue.Member>>> tree = new LinkedHashMap<>();
        for (int i = 0; i < domains.size(); i++) {
            String name = ComponentSpecReader.text(doc, "/domains/" + i, true);
            tree.putIfAbsent(name, new LinkedHashMap<>());
        }
        JsonNode byDomain = doc.at("/abesByDomain");
        if (!byDomain.isObject()) throw doc.error("/abesByDomain", "missing or not an object keyed by domain name");
        for (Iterator<Map.Entry<String, JsonNode>> it = byDomain.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "/abesByDomain/" + SourceDocument.key(e.getKey());
            Map<String, List<SidCatalogue.Member>> abes = tree.get(e.getKey());
            if (abes == null) throw doc.error(at, "domain '" + e.getKey() + "' is not in 'domains'");
            if (!e.getValue().isArray()) throw doc.error(at, "expected a list of ABE names");
            for (int i = 0; i < e.getValue().size(); i++) abes.putIfAbsent(ComponentSpecReader.text(doc, at + "/" + i, true), new ArrayList<>());
        }
        int duplicates = 0;
        JsonNode members = doc.at("/besByDomainAbe");
        if (!members.isMissingNode() && !members.isObject()) throw doc.error("/besByDomainAbe", "expected an object keyed \"Domain||ABE\"");
        for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "/besByDomainAbe/" + SourceDocument.key(e.getKey());
            String[] key = e.getKey().split("\\|\\|", -1);
            if (key.length != 2) throw doc.error(at, "'" + e.getKey() + "' is not of the form Domain||ABE");
            Map<String, List<SidCatalogue.Member>> abes = tree.get(key[0]);
            if (abes == null) throw doc.error(at, "domain '" + key[0] + "' is not in 'domains'");
            List<SidCatalogue.Member> list = abes.get(key[1]);
            if (list == null) throw doc.error(at, "ABE '" + key[1] + "' is not listed for '" + key[0] + "' in 'abesByDomain'");
            if (!e.getValue().isArray()) throw doc.error(at, "expected a list of {kind, name}");
            Set<SidCatalogue.Member> seen = new LinkedHashSet<>(list);
            for (int i = 0; i < e.getValue().size(); i++) {
                String m = at + "/" + i;
                String kind = ComponentSpecReader.text(doc, m + "/kind", true);
                if (!kind.equals("ABE") && !kind.equals("BE")) throw doc.error(m + "/kind", "expected ABE or BE, found '" + kind + "'");
                SidCatalogue.Member member = new SidCatalogue.Member(kind.equals("ABE"), ComponentSpecReader.text(doc, m + "/name", true));
                if (seen.add(member)) list.add(member); else duplicates++;
            }
        }
        List<SidCatalogue.Domain> out = new ArrayList<>();
        tree.forEach((domain, abes) -> {
            List<SidCatalogue.Abe> list = new ArrayList<>();
            abes.forEach((abe, m) -> list.add(new SidCatalogue.Abe(abe, abeTokens.getOrDefault(abe, abe.replace(' ', '_')), m)));
            out.add(new SidCatalogue.Domain(domain, domainTokens.getOrDefault(domain, domain.replace(' ', '_')), list));
        });
        return new SidCatalogue(doc.name(), sourceVersion, release, out, duplicates);
    }

    private static Map<String, String> tokens(SourceDocument doc, String pointer) {
        JsonNode n = doc.at(pointer);
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isMissingNode() || n.isNull()) return out;
        if (!n.isObject()) throw doc.error(pointer, "expected an object from name to token");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), ComponentSpecReader.text(doc, pointer + "/" + SourceDocument.key(e.getKey()), true));
        }
        return out;
    }
}
