package org.etomkg.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener on a free loopback port that records every connection made to it and answers any
 * request with an empty JSON-LD context, so that a reader which did fetch would succeed and the
 * test would see it. Hostile inputs point their URLs here; a test asserts {@link #contacts()} is empty.
 */
public final class ConnectionTrap implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> contacts = new CopyOnWriteArrayList<>();

    public ConnectionTrap() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "connection-trap");
        t.setDaemon(true);
        t.start();
    }

    /** A URL on the trap, such as {@code http://127.0.0.1:PORT/context.jsonld}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + path);
    }

    /** The first line of each request received (or "connection" when none came), in order. */
    public List<String> contacts() { return List.copyOf(contacts); }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(2000);
                String first = firstLine(s.getInputStream());
                contacts.add(first.isEmpty() ? "connection" : first);
                byte[] body = "{\"@context\":{}}".getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                if (socket.isClosed()) return;
                contacts.add("connection (" + e.getMessage() + ")");
            }
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && b.length() < 2000; c = in.read()) if (c != '\r') b.append((char) c);
        return b.toString();
    }

    @Override public void close() throws IOException { socket.close(); }
}
