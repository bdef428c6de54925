package dev.tentacle.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void freeLoopbackPortCanBeBound() throws Exception {
        int port = Ports.freeLoopbackPort();

        try (ServerSocket socket = new ServerSocket(port, 1, LOOPBACK)) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void anOccupiedPortCannotBeBoundUntilReleased() throws Exception {
        ServerSocket occupied = Ports.occupy();
        int port = occupied.getLocalPort();
        try (occupied) {
            assertThat(occupied.getInetAddress().isLoopbackAddress()).isTrue();
            assertThatThrownBy(() -> new ServerSocket(port, 1, LOOPBACK)).isInstanceOf(BindException.class);
        }

        try (ServerSocket released = new ServerSocket(port, 1, LOOPBACK)) {
            assertThat(released.getLocalPort()).isEqualTo(port);
        }
    }
}
