package org.etomkg.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A second Fuseki, in a process of its own with its own TDB2 store, as a CSP would run beside
 * etom-kg: dataset {@code /ds} with query, update and the read-write Graph Store Protocol, the
 * union of the named graphs as default graph; and {@code /scratch}, the same in memory. The tests start it from the same classes as
 * etom-kg's own; it can be stopped and started again on the same port and folder (the store-down
 * tests).
 */
public final class RemoteFuseki implements AutoCloseable {
    private final Path folder;
    private Process process;
    private int port;

    private RemoteFuseki(Path folder) { this.folder = folder; }

    public static RemoteFuseki start(Path folder) {
        RemoteFuseki f = new RemoteFuseki(folder);
        f.launch(0);
        return f;
    }

    private void launch(int wantedPort) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), folder.toString(), Integer.toString(wantedPort)));
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("READY ")) {
                    port = Integer.parseInt(line.substring(6).strip());
                    Thread drain = new Thread(() -> { try { while (out.readLine() != null) { /* keep the pipe empty */ } } catch (IOException ignored) {} });
                    drain.setDaemon(true);
                    drain.start();
                    return;
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("the second Fuseki did not start:\n" + seen);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dataset URL, as {@code --store} takes it. */
    public String url() { return "http://127.0.0.1:" + port + "/ds"; }

    /** A dataset as TDB2 comes, whose default graph is not the union of its named graphs. */
    public String plainUrl() { return "http://127.0.0.1:" + port + "/plain"; }

    /** A second dataset, in memory, that no shared fixture loads. */
    public String scratchUrl() { return "http://127.0.0.1:" + port + "/scratch"; }

    public int port() { return port; }

    /** Kills the server at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again on the same port and store. */
    public void restart() { launch(port); }

    @Override public void close() { kill(); }

    /** The server process. */
    public static final class Main {
        public static void main(String[] args) {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(args[0]);
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            DatasetGraph scratch = DatabaseMgr.createDatasetGraph();   // in memory, for tests that load files of their own
            scratch.getContext().set(TDB2.symUnionDefaultGraph, true);
            FusekiServer server = FusekiServer.create().port(Integer.parseInt(args[1])).loopback(true)
                .add("/ds", dsg, true).add("/scratch", scratch, true)
                .add("/plain", DatabaseMgr.createDatasetGraph(), true)   // as TDB2 comes: the default graph apart from the named ones
                .build();
            server.start();
            System.out.println("READY " + server.getHttpPort());
            System.out.flush();
            server.join();
        }
    }
}
