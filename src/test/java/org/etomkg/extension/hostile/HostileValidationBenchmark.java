package org.etomkg.extension.hostile;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.extension.ExtensionReport;
import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;

/**
 * How long validation takes, and how much heap it peaks at, on the hostile extensions of
 * {@link HostileExtensions} at the sizes of issue 17. Prints figures; asserts nothing; not run
 * by {@code mvn verify}. Run it with
 * {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.etomkg.extension.hostile.HostileValidationBenchmark [-Dexec.args="SHAPES_DIR SCALE"]}
 * or plain {@code java -cp target/classes:target/test-classes:DEPS ...}. SCALE (default 1)
 * multiplies the sizes, such as 0.2 to try an old, slow version of the shapes.
 */
public final class HostileValidationBenchmark {
    public static void main(String[] args) {
        Path shapes = Path.of(args.length > 0 ? args[0] : "shapes");
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        ExtensionValidator validator = new ExtensionValidator(shapes, new OntologyFolder(Path.of("ontology")));
        validator.validate(HostileExtensions.sameIdentifier(10), Optional.empty());   // warm up: read the release, JIT
        List<HostileExtensions.Case> cases = List.of(
            new HostileExtensions.Case("same identifier x" + n(5000, scale), HostileExtensions.sameIdentifier(n(5000, scale))),
            new HostileExtensions.Case("same-named siblings x" + n(10000, scale), HostileExtensions.sameNamedSiblings(n(10000, scale))),
            new HostileExtensions.Case("labels on one process x" + n(50000, scale), HostileExtensions.manyLabels(n(50000, scale))),
            new HostileExtensions.Case("parents of one process x" + n(20000, scale), HostileExtensions.manyParents(n(20000, scale))),
            new HostileExtensions.Case("identifier of 2000 parts", HostileExtensions.longIdentifier(2000)),
            new HostileExtensions.Case("label of 5000 characters", HostileExtensions.longLabel(5000)));
        System.out.printf("shapes: %s%n%-32s %10s %10s %10s %10s  %s%n", shapes.toAbsolutePath(), "case", "input KiB", "triples", "seconds", "peak MiB", "outcome");
        for (HostileExtensions.Case c : cases) {
            ByteArrayOutputStream ttl = new ByteArrayOutputStream();
            RDFDataMgr.write(ttl, c.extension(), Lang.TURTLE);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
            long start = System.nanoTime();
            String outcome;
            try {
                ExtensionReport r = validator.validate(c.extension(), Optional.empty());
                outcome = r.findings().size() + " findings";
            } catch (ExtensionInputException e) {
                outcome = "input error: " + e.getMessage();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            System.out.printf("%-32s %10d %10d %10.2f %10d  %s%n", c.name(), ttl.size() / 1024, c.extension().size(), seconds, peak >> 20, outcome);
        }
    }

    private static int n(int size, double scale) { return Math.max(2, (int) Math.round(size * scale)); }
}
