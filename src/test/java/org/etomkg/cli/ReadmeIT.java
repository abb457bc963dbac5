package org.etomkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is a test (ROBOT's habit), followed top to bottom as a new user follows it: in one
 * working folder, every command of its {@code sh} blocks and every {@code $ command} of its
 * {@code console} blocks runs as written, in order, through the launcher, with the server that
 * the README starts running beside them. Where a {@code text} block follows a one-command block,
 * or a console block shows a command's output, the output must be exactly that. A
 * {@code ./etom-kg serve} starts (or restarts) the server on a free port; the README's curl
 * commands go to that port; {@code ./etom-kg load}, which the README says to run with the server
 * stopped, first shows that a running server refuses it, then stops the server.
 */
class ReadmeIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @TempDir static Path work;
    private static Path folder;
    private static Process server;
    private static int port;

    /** One command of the README and the output it shows (or null); a transcript may show a failing command. */
    record Example(String command, String expected, boolean transcript) {
        Example(String command, String expected) { this(command, expected, false); }
    }

    static List<Example> examples() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        List<Example> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        List<String[]> blocks = new ArrayList<>();
        List<Integer> ends = new ArrayList<>(), starts = new ArrayList<>();
        while (m.find()) { blocks.add(new String[] {m.group(1), m.group(2)}); starts.add(m.start()); ends.add(m.end()); }
        for (int i = 0; i < blocks.size(); i++) {
            String lang = blocks.get(i)[0], body = blocks.get(i)[1];
            if (lang.equals("console") && body.startsWith("$ ")) {
                String[] lines = body.split("\n", 2);
                out.add(new Example(lines[0].substring(2).strip(), lines.length > 1 ? lines[1] : "", true));
                continue;
            }
            if (!lang.equals("sh")) continue;
            List<String> commands = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            boolean followedByOutput = i + 1 < blocks.size() && blocks.get(i + 1)[0].equals("text")
                && readme.substring(ends.get(i), starts.get(i + 1)).isBlank();
            for (String c : commands)
                out.add(new Example(c, followedByOutput && commands.size() == 1 ? blocks.get(i + 1)[1] : null));
        }
        return out;
    }

    @BeforeAll
    static void workingFolder() throws Exception {
        folder = Files.createDirectory(work.resolve("readme"));
        Files.createSymbolicLink(folder.resolve("etom-kg"), REPO.resolve("etom-kg"));
        Files.createSymbolicLink(folder.resolve("examples"), REPO.resolve("examples"));   // the README's paths are the checkout's
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
    }

    @AfterAll
    static void stopServer() throws Exception { stop(); }

    @TestFactory
    List<DynamicTest> theReadmeFollowedInOrder() throws IOException {
        List<Example> examples = examples();
        assertEquals("./etom-kg serve", examples.get(0).command(), "the README starts the server first");
        assertTrue(examples.stream().anyMatch(e -> e.command().startsWith("curl ")), "the README asks the server");
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples) {
            if (e.command().equals("mvn verify")) continue;   // this very build
            tests.add(DynamicTest.dynamicTest(e.command(), () -> step(e)));
        }
        assertTrue(tests.size() >= 40, "the README shows its commands");
        return tests;
    }

    private static void step(Example e) throws Exception {
        String command = e.command();
        if (command.startsWith("./etom-kg serve")) {
            stop();
            start(command);
            if (command.contains("--users")) {
                // A write without the user is refused, even though the data folder's key would be taken.
                Result r = run("curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: text/turtle' "
                    + "--data-binary @examples/nordlicht-telecom.ttl http://127.0.0.1:" + port + "/api/extensions/intruder");
                assertEquals("401", r.stdout.strip());
            }
            return;
        }
        if (command.equals("./etom-kg load") && server != null) {
            Result refused = run(command);
            assertEquals(2, refused.exit, refused.output);
            assertTrue(refused.output.contains("in use"), refused.output);
            stop();   // as the README says: stop the server first
        }
        boolean http = command.startsWith("curl ");
        Result r = run(http ? command.replace("127.0.0.1:3030", "127.0.0.1:" + port).replaceFirst("^curl ", "curl -sS --fail-with-body ") : command);
        if (!e.transcript()) assertEquals(0, r.exit, () -> command + " failed:\n" + r.output);
        assertTrue(!r.output.isBlank(), command + " printed nothing");
        if (e.expected() != null) assertEquals(e.expected().strip(), r.stdout.replace("\r\n", "\n").strip(), command);   // CSV ends lines with CRLF
        if (command.startsWith("curl -H 'Accept: text/csv' --data-urlencode")) {
            assertTrue(r.stdout.startsWith("release,elements"), r.stdout);
            assertEquals(8, r.stdout.strip().lines().count(), r.stdout);
        }
        if (command.startsWith("./etom-kg query ") && server != null)
            assertTrue(!r.stdout.contains("(0 rows)"), command + " found nothing:\n" + r.output);
    }

    private static void start(String serve) throws Exception {
        Path log = work.resolve("serve.log");
        server = new ProcessBuilder("bash", "-c", "exec " + serve + " --port " + port)
            .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("serve stopped: " + Files.readString(log));
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/etom/sparql?query=ASK%7B%7D"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) { /* still starting */ }
            Thread.sleep(200);
        }
        fail("serve did not answer within 240 s: " + Files.readString(log));
    }

    private static void stop() throws Exception {
        if (server == null) return;
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
        server = null;
    }

    record Result(int exit, String stdout, String output) {}

    private static Result run(String command) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt"), err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder("bash", "-c", command).directory(folder.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) { p.destroyForcibly(); fail(command + " did not finish in 300 s"); }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
    }
}
