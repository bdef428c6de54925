package dev.tentacle.testing.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers every connection with a plain-text {@code HTTP/1.0 403 Forbidden} page and closes it, as a corporate proxy
 * or firewall does when it injects a block page. Put it where a comms client expects a TLS server, or where a server
 * expects the connection preamble, to test that the error names the interference.
 */
public final class HttpInterferingServer implements AutoCloseable {
    /** When to send the page. */
    public enum Trigger {
        /** As soon as the connection is accepted, before the client sends anything. */
        ON_CONNECT,
        /** After the client's first bytes arrive, whatever they are. */
        AFTER_FIRST_BYTES,
        /**
         * After one complete TLS record from the client, the common real case: a TLS client sends its ClientHello and
         * gets plain text back. Records that are not a TLS handshake are answered after the first bytes instead.
         */
        AFTER_TLS_CLIENT_HELLO
    }

    public static final String DEFAULT_HTML = "<html><head><title>403 Forbidden</title></head><body>"
            + "<h1>Access Denied</h1><p>This connection was blocked by the network security policy.</p>"
            + "</body></html>";

    private static final Duration WAIT_FOR_CLIENT = Duration.ofSeconds(10);
    private static final Duration DRAIN_AFTER_RESPONSE = Duration.ofSeconds(2);
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final int TLS_CLIENT_HELLO = 0x01;
    private static final int TLS_MAX_RECORD = 16 * 1024 + 2048;

    private final Trigger trigger;
    private final byte[] response;
    private final LoopbackAcceptor acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger clientHellos = new AtomicInteger();

    private HttpInterferingServer(Trigger trigger, String html) throws IOException {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.response = responseFor(Objects.requireNonNull(html, "html"));
        this.acceptor = new LoopbackAcceptor("http-interfering-server");
        acceptor.start(this::handle);
    }

    public static HttpInterferingServer start(Trigger trigger) throws IOException {
        return new HttpInterferingServer(trigger, DEFAULT_HTML);
    }

    public static HttpInterferingServer start(Trigger trigger, String html) throws IOException {
        return new HttpInterferingServer(trigger, html);
    }

    /** The exact bytes written to each connection. */
    public static byte[] responseFor(String html) {
        return HttpResponses.closing("HTTP/1.0 403 Forbidden", "Content-Type: text/html; charset=utf-8\r\n", html);
    }

    public int port() {
        return acceptor.port();
    }

    /** The exact bytes this server writes to each connection. */
    public byte[] response() {
        return response.clone();
    }

    public int connectionCount() {
        return connections.get();
    }

    /** TLS ClientHello records received in {@link Trigger#AFTER_TLS_CLIENT_HELLO} mode. */
    public int clientHellosSeen() {
        return clientHellos.get();
    }

    @Override
    public void close() {
        acceptor.close();
    }

    private void handle(Socket socket) {
        connections.incrementAndGet();
        try {
            socket.setSoTimeout((int) WAIT_FOR_CLIENT.toMillis());
            switch (trigger) {
                case ON_CONNECT -> {}
                case AFTER_FIRST_BYTES -> readFirstBytes(socket.getInputStream());
                case AFTER_TLS_CLIENT_HELLO -> readTlsRecord(socket.getInputStream());
            }
        } catch (IOException silentOrGone) {
            // A client that sent nothing in time, or half-closed, still gets the page if it can take it.
        }
        acceptor.untrack(socket);
        Sockets.respondAndClose(socket, response, DRAIN_AFTER_RESPONSE);
    }

    private static void readFirstBytes(InputStream in) throws IOException {
        in.read(new byte[4096]);
    }

    private void readTlsRecord(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(input);
        int contentType = in.readUnsignedByte();
        if (contentType != TLS_HANDSHAKE_RECORD) {
            return;
        }
        in.readUnsignedShort(); // record protocol version
        int length = in.readUnsignedShort();
        if (length < 1 || length > TLS_MAX_RECORD) {
            return;
        }
        byte[] fragment = new byte[length];
        in.readFully(fragment);
        if (fragment[0] == TLS_CLIENT_HELLO) {
            clientHellos.incrementAndGet();
        }
    }
}
