package org.etomkg.crosswalk;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;

import org.etomkg.crosswalk.matching.NameKey;
import org.etomkg.crosswalk.rdf.CrosswalkGraphReader;
import org.etomkg.framework.ReleaseVersion;
import org.etomkg.store.OntologyFiles;
import org.etomkg.store.StoreException;
import org.etomkg.vocab.ETOM;

/**
 * Where the crosswalk lives in an ontology folder, and how it is read back: the release files
 * of {@code releases/}, and beside them in {@code crosswalk/} the vocabulary, the generated
 * crosswalk, the derived vertical groups, the report, the Protégé catalog and the spelling variants.
 */
public final class CrosswalkFiles {
    public static final String FOLDER = "crosswalk";
    public static final String VOCABULARY = "etom-crosswalk-vocabulary.ttl";
    public static final String CROSSWALK = "etom-crosswalk.ttl";
    public static final String DERIVED_GROUPS = "vertical-groups-derived.ttl";
    public static final String REPORT = "crosswalk-report.md";
    public static final String CATALOG = "catalog-v001.xml";

    /** The ontology IRIs, which are also the named graphs in the store. */
    public static final String VOCABULARY_GRAPH = ETOM.BASE + "graph/crosswalk/vocabulary";
    public static final String CROSSWALK_GRAPH = ETOM.BASE + "graph/crosswalk";
    public static final String DERIVED_GROUPS_GRAPH = ETOM.BASE + "graph/crosswalk/vertical-groups-derived";

    private final Path ontologyDir;

    public CrosswalkFiles(Path ontologyDir) { this.ontologyDir = ontologyDir; }

    public Path folder() { return ontologyDir.resolve(FOLDER); }
    public Path vocabulary() { return folder().resolve(VOCABULARY); }
    public Path crosswalk() { return folder().resolve(CROSSWALK); }
    public Path derivedGroups() { return folder().resolve(DERIVED_GROUPS); }
    public Path report() { return folder().resolve(REPORT); }
    public Path catalog() { return folder().resolve(CATALOG); }
    public Path spellingVariants() { return folder().resolve(NameKey.VARIANTS_FILE); }

    public NameKey names() { return NameKey.load(spellingVariants()); }

    /** The release files {@code releases/etom-VERSION.ttl}, oldest release first. */
    public List<Path> releaseFiles() {
        File[] files = ontologyDir.resolve("releases").toFile().listFiles((d, n) -> n.matches("etom-[0-9][0-9.]*[0-9]\\.ttl"));
        if (files == null || files.length == 0) throw new StoreException(ontologyDir.resolve("releases") + ": no release files");
        List<Path> out = new ArrayList<>(Arrays.stream(files).map(File::toPath).toList());
        out.sort(Comparator.comparing(CrosswalkFiles::version, Comparator.comparing(ReleaseVersion::of)));
        return out;
    }

    static String version(Path releaseFile) {
        return releaseFile.getFileName().toString().replaceAll("^etom-|\\.ttl$", "");
    }

    /** Every release of the folder, parsed strictly, in parallel. */
    public List<ReleaseProcesses> releases() {
        return releaseFiles().parallelStream().map(f -> ReleaseProcesses.read(version(f), OntologyFiles.parse(f))).toList();
    }

    /**
     * The history as shipped: the releases with the crosswalk of {@code crosswalk/etom-crosswalk.ttl}
     * (so corrections made in that file count). When the file is missing, the crosswalk is
     * computed from the releases instead.
     */
    public ReleaseHistory history() {
        List<ReleaseProcesses> releases = releases();
        NameKey names = names();
        if (!Files.isRegularFile(crosswalk())) return Crosswalk.compute(releases, names);
        return CrosswalkGraphReader.read(crosswalk(), OntologyFiles.parse(crosswalk()), releases, names);
    }

    /**
     * The history as a store holds it: its release graphs (by version) and its crosswalk graph,
     * with the spelling variants of this folder. {@code where} names the store in messages.
     */
    public ReleaseHistory history(Map<String, Graph> releaseGraphs, Graph crosswalk, String where) {
        List<ReleaseProcesses> releases = releaseGraphs.entrySet().stream()
            .sorted(Map.Entry.comparingByKey(Comparator.comparing(ReleaseVersion::of)))
            .map(e -> ReleaseProcesses.read(e.getKey(), e.getValue())).toList();
        NameKey names = names();
        if (crosswalk.isEmpty()) return Crosswalk.compute(releases, names);
        return CrosswalkGraphReader.read(Path.of(where), crosswalk, releases, names);
    }
}
