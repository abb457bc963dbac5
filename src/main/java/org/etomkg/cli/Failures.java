package org.etomkg.cli;

import java.io.UncheckedIOException;

import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.query.QueryCancelledException;
import org.etomkg.extension.ExtensionInputException;
import org.etomkg.importer.SourceException;
import org.etomkg.store.StoreException;

/** Maps what went wrong to the message and exit code a user sees: 2 for unusable input, 1 otherwise. */
final class Failures {
    private Failures() {}

    static String message(Exception e) {
        if (e instanceof QueryCancelledException)
            return "the query ran longer than its timeout and was stopped (raise it with --timeout SECONDS)";
        if (e instanceof StoreException) return e.getMessage();
        if (heldByAnother(e)) {
            // Worded as load words it: the same situation reads the same whichever command met it.
            var pid = java.util.regex.Pattern.compile("held by process ([0-9]+)").matcher(e.getMessage());
            return "the store is in use by " + (pid.find() ? "process " + pid.group(1) : "another process")
                + " (a running './etom-kg serve'?): stop it first, or use --data DIR (load --extension, query, sparql and check "
                + "go through a running server)";
        }
        if (e instanceof SourceException || e instanceof ExtensionInputException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException
            || e instanceof UserError) return e.getMessage();
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static int exitCode(Exception e) {
        return heldByAnother(e) || e instanceof SourceException || e instanceof ExtensionInputException || e instanceof StoreException || e instanceof UserError || e instanceof IllegalArgumentException ? 2 : 1;
    }

    /** TDB2's refusal to open a store whose lock another live process holds. */
    private static boolean heldByAnother(Exception e) {
        return e instanceof DBOpEnvException && e.getMessage() != null && e.getMessage().contains("lock");
    }

    /** Input a user can fix: a file that does not parse, a query that does not exist, a bad parameter. */
    static final class UserError extends RuntimeException {
        UserError(String message) { super(message); }
    }
}
