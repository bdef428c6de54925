package dev.tentacle.testing.net;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-text web server that answers anything with {@code HTTP/1.1 200 OK} and a text body, then closes: what a
 * comms client meets when the port it expects to speak TLS to belongs to an ordinary web server.
 *
 * <p>An HTTP request is answered once its head has arrived. Bytes that do not start like an HTTP request line, such
 * as a TLS ClientHello, are answered as soon as they arrive, so that a TLS client reads plain text where it expects a
 * ServerHello.
 */
public final class PlainHttpServer implements AutoCloseable {
    public static final String DEFAULT_BODY = "Hello from a plain HTTP server.\n";

    private static final Duration WAIT_FOR_REQUEST = Duration.ofSeconds(10);
    private static final Duration DRAIN_AFTER_RESPONSE = Duration.ofSeconds(2);

    private final byte[] response;
    private final LoopbackAcceptor acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());

    private PlainHttpServer(String body) throws IOException {
        this.response = responseFor(Objects.requireNonNull(body, "body"));
        this.acceptor = new LoopbackAcceptor("plain-http-server");
        acceptor.start(this::handle);
    }

    public static PlainHttpServer start() throws IOException {
        return new PlainHttpServer(DEFAULT_BODY);
    }

    public static PlainHttpServer start(String body) throws IOException {
        return new PlainHttpServer(body);
    }

    /** The exact bytes written to each connection for this body. */
    public static byte[] responseFor(String body) {
        return HttpResponses.closing("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8\r\n", body);
    }

    public int port() {
        return acceptor.port();
    }

    public byte[] response() {
        return response.clone();
    }

    public int connectionCount() {
        return connections.get();
    }

    /** Request lines of the HTTP requests received, such as {@code GET / HTTP/1.1}; other bytes add nothing. */
    public List<String> requestLines() {
        synchronized (requestLines) {
            return List.copyOf(requestLines);
        }
    }

    @Override
    public void close() {
        acceptor.close();
    }

    private void handle(Socket socket) {
        connections.incrementAndGet();
        try {
            socket.setSoTimeout((int) WAIT_FOR_REQUEST.toMillis());
            PushbackInputStream in = new PushbackInputStream(socket.getInputStream(), 1);
            int first = in.read();
            if (first >= 0) {
                in.unread(first);
                if (startsLikeHttp(first)) {
                    requestLines.add(HttpHead.read(in).requestLine());
                }
            }
        } catch (IOException malformedSlowOrGone) {
            // Answered all the same: this server answers anything.
        }
        acceptor.untrack(socket);
        Sockets.respondAndClose(socket, response, DRAIN_AFTER_RESPONSE);
    }

    /** HTTP methods are upper-case tokens; a TLS record starts with a byte below 0x20. */
    private static boolean startsLikeHttp(int firstByte) {
        return firstByte >= 'A' && firstByte <= 'Z';
    }
}
