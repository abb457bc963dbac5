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
        if (e instanceof DBOpEnvException && e.getMessage() != null && e.getMessage().contains("lock"))
            return "the store is in use by another process, such as a running './etom-kg serve' (stop it, or use --data DIR): " + e.getMessage();
        if (e instanceof SourceException || e instanceof ExtensionInputException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException
            || e instanceof UserError) return e.getMessage();
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static int exitCode(Exception e) {
        return e instanceof SourceException || e instanceof ExtensionInputException || e instanceof StoreException || e instanceof UserError || e instanceof IllegalArgumentException ? 2 : 1;
    }

    /** Input a user can fix: a file that does not parse, a query that does not exist, a bad parameter. */
    static final class UserError extends RuntimeException {
        UserError(String message) { super(message); }
    }
}
