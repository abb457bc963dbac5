package org.etomkg.server.api;

import java.nio.file.Path;

import org.apache.jena.rdfconnection.RDFConnection;
import org.etomkg.check.QualityChecks;
import org.etomkg.check.QualityReport;
import org.etomkg.query.NamedQuery;
import org.etomkg.query.QueryFiles;
import org.etomkg.query.QueryRunner;
import org.etomkg.store.KnowledgeStore;

/**
 * The quality checks of {@code queries/checks/} over the served store, for {@code GET /api/checks}.
 * Run inside the server, each check has the validation's time rather than the 10 s of a SPARQL
 * request, so that {@code check} also works through a busy server. They run at most once per
 * state of the store: the answer is kept until the next write, and callers that arrive while
 * they run wait for that run, so that asking often costs nothing.
 */
final class StoreChecks {
    private final KnowledgeStore store;
    private final Path queriesDir;
    private final long secondsPerCheck;
    private QualityReport last;
    private long lastWrites = -1;

    StoreChecks(KnowledgeStore store, Path queriesDir, long secondsPerCheck) {
        this.store = store;
        this.queriesDir = queriesDir;
        this.secondsPerCheck = secondsPerCheck;
    }

    synchronized QualityReport report() {
        long writes = store.writes();   // read first: a write during the run makes the next call run again
        if (last == null || writes != lastWrites) {
            // Read when asked, as the named queries are: a server over a queries folder without checks still starts.
            QualityChecks checks = new QualityChecks(queriesDir.resolve("checks"));
            NamedQuery releases = QueryFiles.read(queriesDir.resolve("releases.rq"));
            try (RDFConnection conn = store.connect()) {
                last = checks.report(new QueryRunner(conn, secondsPerCheck), releases);
            }
            lastWrites = writes;
        }
        return last;
    }
}
