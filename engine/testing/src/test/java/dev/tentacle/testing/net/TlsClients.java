package dev.tentacle.testing.net;

import java.io.IOException;
import java.net.InetAddress;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A JDK TLS client and a hand-made ClientHello record, to play the TLS side against plain-text peers. */
final class TlsClients {
    /** A TLS handshake record (0x16, TLS 1.0 record version) holding the start of a ClientHello (type 0x01). */
    static final byte[] CLIENT_HELLO_RECORD = {0x16, 0x03, 0x01, 0x00, 0x06, 0x01, 0x00, 0x00, 0x02, 0x03, 0x03};

    private TlsClients() {}

    static SSLSocket connect(int port, int readTimeoutMillis) throws IOException {
        try {
            SSLSocket socket = (SSLSocket) SSLContext.getDefault()
                    .getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(readTimeoutMillis);
            return socket;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has a default TLS context", e);
        }
    }
}
