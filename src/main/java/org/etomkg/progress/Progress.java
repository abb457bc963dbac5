package org.etomkg.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What long work is doing and how far it has got, for someone waiting at a terminal: one line on
 * stderr, redrawn at most five times a second, with an estimate of the time left where the total
 * is known. The command line turns it on when stderr is a terminal (the launcher says so) and
 * {@code --quiet} is not given; otherwise, in the server's requests and in tests, it is silent.
 * Work reports through {@link #stage} and calls {@link Stage#done} when it completes; it never
 * asks whether anyone is watching.
 */
public final class Progress {
    private static volatile PrintStream terminal;
    private static volatile boolean quiet;

    private Progress() {}

    /** Shows stages on this stream from now on (null: silent). */
    public static void showOn(PrintStream stream) { terminal = stream; }

    public static boolean shown() { return terminal != null; }

    /** {@code --quiet}: no progress, and no {@link #say} either. */
    public static void quiet() {
        quiet = true;
        terminal = null;
    }

    /** A line about what is about to take a while and why, on stderr whether or not it is a terminal (not with {@code --quiet}). */
    public static void say(String line) {
        if (!quiet) System.err.println("etom-kg: " + line);
    }

    /**
     * A stage of work: {@code what} it does, and its {@code total} in {@code unit}s when known
     * (0 when not: then the line shows the time spent). Close it when done.
     */
    public static Stage stage(String what, long total, String unit) {
        PrintStream out = terminal;
        return out == null ? Stage.SILENT : new Stage(out, what, total, unit);
    }

    /** A stage of unknown size. */
    public static Stage stage(String what) { return stage(what, 0, ""); }

    /** A stage of unknown size that counts its {@code unit}s. */
    public static Stage counting(String what, String unit) { return stage(what, 0, unit); }

    /** One stage's line. */
    public static class Stage implements AutoCloseable {
        static final Stage SILENT = new Stage(null, "", 0, "");
        private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
        private final PrintStream out;
        private final String what;
        private final long total;
        private final String unit;
        private final long start = System.nanoTime();
        private long done;
        private long drawn = Long.MIN_VALUE;
        private int width;
        private boolean completed;

        Stage(PrintStream out, String what, long total, String unit) {
            this.out = out;
            this.what = what;
            this.total = total;
            this.unit = unit;
            if (out != null) draw(false);
        }

        /** {@code n} more units done. */
        public synchronized void advance(long n) { at(done + n); }

        /** {@code n} units done in all. */
        public synchronized void at(long n) {
            done = n;
            if (out == null) return;
            long now = System.nanoTime();
            if (now - drawn >= REDRAW_NANOS) draw(false);
        }

        /** The stage's work is complete (a stage closed without it ends as stopped). */
        public synchronized void done() { completed = true; }

        @Override public synchronized void close() {
            if (out != null) draw(true);
        }

        private void draw(boolean finished) {
            drawn = System.nanoTime();
            double seconds = (drawn - start) / 1e9;
            StringBuilder line = new StringBuilder("etom-kg: ").append(what);
            if (finished && !completed) {
                line.append(String.format(Locale.ROOT, ": stopped after %.1f s", seconds));
            } else if (finished) {
                if (total > 0) line.append(String.format(Locale.ROOT, ": %,d %s", total, unit));
                line.append(String.format(Locale.ROOT, ", done in %.1f s", seconds));
            } else if (total > 0) {
                double part = Math.min(1.0, (double) done / total);
                line.append(String.format(Locale.ROOT, ": %,d of %,d %s (%d%%)", done, total, unit, Math.round(part * 100)));
                if (part > 0.02 && seconds > 1) line.append(String.format(Locale.ROOT, ", about %s left", duration(seconds / part - seconds)));
            } else {
                if (done > 0) line.append(String.format(Locale.ROOT, ": %,d %s", done, unit));
                line.append(String.format(Locale.ROOT, "... %.0f s", seconds));
            }
            String text = line.toString();
            // Redraw in place: back to the line's start, and blank what a longer line before left.
            out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())) + (finished ? "\n" : ""));
            out.flush();
            width = finished ? 0 : text.length();
        }

        private static String duration(double seconds) {
            if (seconds < 60) return Math.max(1, Math.round(seconds)) + " s";
            return Math.round(seconds / 60) + " min";
        }
    }
}
