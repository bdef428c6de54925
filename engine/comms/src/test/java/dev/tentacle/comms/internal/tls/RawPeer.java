package dev.tentacle.comms.internal.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Peers that do not speak modern TLS, built from raw sockets and hand-made records: a TLS 1.0 client, a TLS 1.1
 * server, a plain HTTP server. Used where no JDK or OpenSSL engine can be configured to misbehave this way (JDK 25
 * disables TLS 1.0 and 1.1 for the whole JVM).
 */
final class RawPeer implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSocket serverSocket;
    /** Completes with the bytes the client sent before the server answered. */
    final CompletableFuture<byte[]> received = new CompletableFuture<>();

    private RawPeer(byte[] answer) throws IOException {
        serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("raw-peer").start(() -> serve(answer));
    }

    /** A server that answers the first bytes it receives with {@code answer} and closes. */
    static RawPeer answering(byte[] answer) throws IOException {
        return new RawPeer(answer);
    }

    /** A plain-text web server: whatever arrives, it answers 400 Bad Request. */
    static RawPeer plainHttpServer() throws IOException {
        return answering(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n"
                + "Connection: close\r\n\r\nBad Request").getBytes(StandardCharsets.US_ASCII));
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void serve(byte[] answer) {
        try (Socket socket = serverSocket.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] buffer = new byte[16 * 1024];
            int n = socket.getInputStream().read(buffer);
            received.complete(java.util.Arrays.copyOf(buffer, Math.max(n, 0)));
            socket.getOutputStream().write(answer);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            while (socket.getInputStream().read(buffer) >= 0) {
                // Drain until the client closes, so that it reads our answer before any reset.
            }
        } catch (IOException e) {
            received.completeExceptionally(e);
        }
    }

    /**
     * Sends {@code hello} to the port and returns everything the peer writes back before it closes the connection.
     */
    static byte[] exchange(int port, byte[] hello) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(hello);
            socket.getOutputStream().flush();
            var answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // A server may reset after its alert; what arrived before still counts.
            }
            return answer.toByteArray();
        }
    }

    /** A TLS ClientHello offering only {@code version} (0x0301 = TLS 1.0, 0x0302 = TLS 1.1) and no extensions. */
    static byte[] clientHello(int version) {
        var body = new ByteArrayOutputStream();
        u16(body, version);
        body.writeBytes(random32());
        body.write(0); // no session id
        int[] suites = {0xC02B, 0xC02F, 0xC013, 0xC009, 0x002F, 0x0035};
        u16(body, suites.length * 2);
        for (int suite : suites) {
            u16(body, suite);
        }
        body.write(1); // one compression method:
        body.write(0); // none
        return record(version, handshake(1, body.toByteArray()));
    }

    /**
     * A TLS ServerHello that picks {@code version} and TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, a suite every modern
     * client offers, so that the client gets as far as checking the version.
     */
    static byte[] serverHello(int version) {
        var body = new ByteArrayOutputStream();
        u16(body, version);
        body.writeBytes(random32());
        body.write(0); // no session id
        u16(body, 0xC02B);
        body.write(0); // no compression
        return record(version, handshake(2, body.toByteArray()));
    }

    private static byte[] handshake(int type, byte[] body) {
        var out = new ByteArrayOutputStream();
        out.write(type);
        out.write(body.length >>> 16);
        u16(out, body.length & 0xFFFF);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] record(int version, byte[] fragment) {
        var out = new ByteArrayOutputStream();
        out.write(22); // handshake
        u16(out, version);
        u16(out, fragment.length);
        out.writeBytes(fragment);
        return out.toByteArray();
    }

    private static byte[] random32() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return random;
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
