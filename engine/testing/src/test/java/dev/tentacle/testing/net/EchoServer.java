package dev.tentacle.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback target for the tests: echoes every byte back and half-closes when the client does. */
final class EchoServer implements AutoCloseable {
    private final LoopbackAcceptor acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger endedByError = new AtomicInteger();

    EchoServer() throws IOException {
        acceptor = new LoopbackAcceptor("echo-server");
        acceptor.start(this::echo);
    }

    int port() {
        return acceptor.port();
    }

    int acceptedCount() {
        return accepted.get();
    }

    /** Connections that ended with an error such as a reset rather than an end of stream. */
    int endedByErrorCount() {
        return endedByError.get();
    }

    private void echo(Socket socket) {
        accepted.incrementAndGet();
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            socket.shutdownOutput();
        } catch (IOException resetOrClosed) {
            if (!acceptor.isClosed()) {
                endedByError.incrementAndGet();
            }
        }
        acceptor.untrack(socket);
        Sockets.closeQuietly(socket);
    }

    @Override
    public void close() {
        acceptor.close();
    }
}
