package dev.tentacle.testing.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;

/** Keeps the test tools on loopback: they never resolve a name through DNS and never reach another machine. */
final class Loopback {
    static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    private Loopback() {}

    /**
     * The loopback address for {@code host}, or null when {@code host} is not {@code localhost} or a loopback IP literal.
     * No DNS lookup happens: a name other than {@code localhost} is never resolved.
     */
    static InetAddress addressOf(String host) {
        Objects.requireNonNull(host, "host");
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
            return ADDRESS;
        }
        try {
            InetAddress literal = InetAddress.ofLiteral(bare);
            return literal.isLoopbackAddress() ? literal : null;
        } catch (IllegalArgumentException notAnIpLiteral) {
            return null;
        }
    }

    static InetSocketAddress requireLoopback(String host, int port) {
        InetAddress address = addressOf(host);
        if (address == null) {
            throw new IllegalArgumentException("Test network tools only reach loopback: " + host
                    + " is not localhost or a loopback address such as 127.0.0.1.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The target port must be between 1 and 65535, was " + port + ".");
        }
        return new InetSocketAddress(address, port);
    }
}
