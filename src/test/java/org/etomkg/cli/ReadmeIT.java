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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is a test (ROBOT's habit): every command in its {@code sh} blocks runs as
 * written through the launcher, in a fresh working folder, and where a {@code text} block
 * follows a one-command block, the output must be exactly that text. The server runs in a
 * folder of its own, since {@code load} refuses a store that a server holds.
 */
class ReadmeIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @TempDir static Path work;
    private static Path serving, cli;
    private static Process server;
    private static int port;

    record Example(String command, String expected) {}

    static List<Example> examples(String lang) throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        List<Example> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        List<String[]> blocks = new ArrayList<>();
        List<Integer> ends = new ArrayList<>(), starts = new ArrayList<>();
        while (m.find()) { blocks.add(new String[] {m.group(1), m.group(2)}); starts.add(m.start()); ends.add(m.end()); }
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i)[0].equals(lang)) continue;
            List<String> commands = blocks.get(i)[1].lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            boolean followedByOutput = i + 1 < blocks.size() && blocks.get(i + 1)[0].equals("text")
                && readme.substring(ends.get(i), starts.get(i + 1)).isBlank();
            for (String c : commands)
                out.add(new Example(c, followedByOutput && commands.size() == 1 ? blocks.get(i + 1)[1] : null));
        }
        return out;
    }

    @BeforeAll
    static void startServer() throws Exception {
        serving = Files.createDirectory(work.resolve("serving"));
        cli = Files.createDirectory(work.resolve("cli"));
        Files.createSymbolicLink(serving.resolve("etom-kg"), REPO.resolve("etom-kg"));
        Files.createSymbolicLink(cli.resolve("etom-kg"), REPO.resolve("etom-kg"));
        Files.createSymbolicLink(cli.resolve("examples"), REPO.resolve("examples"));   // the README's paths are the checkout's
        assertTrue(examples("sh").stream().anyMatch(e -> e.command().equals("./etom-kg serve")), "the README shows ./etom-kg serve");
        Files.createSymbolicLink(serving.resolve("examples"), REPO.resolve("examples"));
        // The service section first adds a user, then serves with the users file: do the same.
        String serve = "./etom-kg serve";
        for (Example e : examples("sh")) {
            if (e.command().contains("./etom-kg user add")) assertEquals(0, run(e.command(), serving).exit, e.command());
            if (e.command().startsWith("./etom-kg serve --users")) serve = e.command();
        }
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        server = new ProcessBuilder("bash", "-c", "exec " + serve + " --port " + port)
            .directory(serving.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("serve stopped: " + Files.readString(work.resolve("serve.log")));
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/etom/sparql?query=ASK%7B%7D"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) { /* still starting */ }
            Thread.sleep(200);
        }
        fail("serve did not answer within 180 s: " + Files.readString(work.resolve("serve.log")));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void queriesWhileServingGoThroughTheServer() throws Exception {
        Result r = run("./etom-kg query release-summary --param release=26.0 --format csv", serving);
        assertEquals(0, r.exit, r.output);
        assertTrue(r.stdout.contains("2,120"), r.stdout);
        Result load = run("./etom-kg load", serving);
        assertEquals(2, load.exit, load.output);
        assertTrue(load.output.contains("in use"), load.output);
        // Storing an extension meets the same lock: the same words, the same exit code, and the way through the server.
        Result extension = run("./etom-kg load --extension examples/nordlicht-telecom.ttl", serving);
        assertEquals(2, extension.exit, extension.output);
        assertTrue(extension.output.contains("is in use by process") && extension.output.contains("PUT /api/extensions/NAME"), extension.output);
    }

    @TestFactory
    List<DynamicTest> everyCommandRunsAsWritten() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples("sh")) {
            if (e.command().startsWith("./etom-kg serve") || e.command().equals("mvn verify")
                || e.command().contains("./etom-kg user add")) continue;  // running now, or this very build, or done above
            boolean http = e.command().startsWith("curl ");
            // Against the running server, and failing on an HTTP error status as well.
            String command = http ? e.command().replace("127.0.0.1:3030", "127.0.0.1:" + port).replaceFirst("^curl ", "curl -sS --fail-with-body ")
                : e.command();
            tests.add(DynamicTest.dynamicTest(e.command(), () -> {
                Result r = run(command, http ? serving : cli);
                assertEquals(0, r.exit, () -> e.command() + " failed:\n" + r.output);
                assertTrue(!r.output.isBlank(), e.command() + " printed nothing");
                if (e.expected() != null) assertEquals(e.expected().strip(), r.stdout.replace("\r\n", "\n").strip(), e.command());   // CSV ends lines with CRLF
            }));
        }
        assertTrue(tests.size() >= 10, "the README shows its commands");
        return tests;
    }

    @Test
    void theCurlExampleAnswersEveryRelease() throws Exception {
        Example curl = examples("sh").stream().filter(e -> e.command().startsWith("curl ")).findFirst().orElseThrow();
        Result r = run(curl.command().replace("127.0.0.1:3030", "127.0.0.1:" + port), serving);
        assertEquals(0, r.exit, r.output);
        assertTrue(r.stdout.startsWith("release,elements"), r.stdout);
        assertEquals(8, r.stdout.strip().lines().count(), r.stdout);
    }

    /** A {@code console} block that starts with "$ command" shows that command's exact output. */
    @Test
    void consoleTranscriptsShowTheRealOutput() throws Exception {
        String readme = Files.readString(REPO.resolve("README.md"));
        Matcher m = BLOCK.matcher(readme);
        int checked = 0;
        while (m.find()) {
            if (!m.group(1).equals("console") || !m.group(2).startsWith("$ ")) continue;
            String[] lines = m.group(2).split("\n", 2);
            Result r = run(lines[0].substring(2), cli);
            assertEquals(lines[1].strip(), r.stdout.strip(), lines[0]);
            checked++;
        }
        assertTrue(checked > 0, "the README shows a transcript");
    }

    @Test
    void writingWithoutTheUserIsRefused() throws Exception {
        Result r = run("curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: text/turtle' --data-binary @examples/nordlicht-telecom.ttl "
            + "http://127.0.0.1:" + port + "/api/extensions/intruder", serving);
        assertEquals("401", r.stdout.strip());
    }

    record Result(int exit, String stdout, String output) {}

    private static Result run(String command, Path dir) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt"), err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) { p.destroyForcibly(); fail(command + " did not finish in 300 s"); }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
    }
}
