package org.etomkg.crosswalk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.etomkg.cli.CrosswalkImportCommand;
import org.etomkg.cli.DiffCommand;
import org.etomkg.cli.EtomKg;
import org.etomkg.cli.MigrateCommand;

import picocli.CommandLine;

/**
 * The real files of the checkout, read once for all the crosswalk tests: the shipped crosswalk
 * (as {@code diff} and {@code migrate} read it) and a crosswalk computed afresh from the
 * release files (as {@code import crosswalk} computes it).
 */
final class Shipped {
    static final Path ONTOLOGY = Path.of("ontology").toAbsolutePath();
    static final Path SHAPES = Path.of("shapes").toAbsolutePath();
    static final Path EXAMPLE = Path.of("examples", "nordlicht-telecom.ttl").toAbsolutePath();
    static final Path HARBOUR = Path.of("src", "test", "resources", "crosswalk", "harbour-sales-25.0.ttl").toAbsolutePath();

    private static ReleaseHistory shipped;
    private static ReleaseHistory computed;

    private Shipped() {}

    static CrosswalkFiles files() { return new CrosswalkFiles(ONTOLOGY); }

    /** The crosswalk as shipped in ontology/crosswalk/etom-crosswalk.ttl, with the release files. */
    static synchronized ReleaseHistory history() {
        if (shipped == null) shipped = files().history();
        return shipped;
    }

    /** The crosswalk computed from the release files, as ./etom-kg import crosswalk does. */
    static synchronized ReleaseHistory computed() {
        if (computed == null) {
            List<ReleaseProcesses> releases = new ArrayList<>();
            for (String v : history().versions()) releases.add(history().release(v));
            computed = Crosswalk.compute(releases, files().names());
        }
        return computed;
    }

    static ReleaseCrosswalk step(ReleaseHistory h, String from) {
        return h.steps().stream().filter(s -> s.from().equals(from)).findFirst().orElseThrow();
    }

    static ProcessElement process(ReleaseHistory h, String release, String id) {
        ProcessElement e = h.release(release).get(org.etomkg.framework.ProcessIdentifier.parse(id));
        if (e == null) throw new AssertionError("release " + release + " has no " + id);
        return e;
    }

    /**
     * The command line with the crosswalk's commands, as EtomKg registers them (added here when
     * EtomKg does not list them yet).
     */
    static CommandLine commandLine() {
        CommandLine cl = EtomKg.commandLine();
        if (!cl.getSubcommands().containsKey("diff")) cl.addSubcommand(new DiffCommand());
        if (!cl.getSubcommands().containsKey("migrate")) cl.addSubcommand(new MigrateCommand());
        CommandLine imports = cl.getSubcommands().get("import");
        if (imports != null && !imports.getSubcommands().containsKey("crosswalk")) imports.addSubcommand(new CrosswalkImportCommand());
        return cl;
    }
}
