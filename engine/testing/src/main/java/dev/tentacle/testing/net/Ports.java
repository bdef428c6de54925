package dev.tentacle.testing.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports for tests. */
public final class Ports {
    private Ports() {}

    /**
     * A port on 127.0.0.1 that was free a moment ago. Another process may take it before the caller binds it, so
     * prefer binding port 0 directly; use this where a port must be chosen before the thing that binds it exists, or
     * as a port where nothing listens.
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(Loopback.ADDRESS, 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + Loopback.ADDRESS.getHostAddress(), e);
        }
    }

    /**
     * A server socket listening on 127.0.0.1 at an ephemeral port and never accepting, for "port already in use"
     * tests: binding its {@link ServerSocket#getLocalPort() port} on 127.0.0.1 fails until it is closed.
     */
    public static ServerSocket occupy() throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(Loopback.ADDRESS, 0), 1);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
