package dev.tentacle.server.admin;

import java.util.Objects;

/**
 * The server could not learn which certificate a listening Tentacle presents. The {@link Problem} says what kind of
 * failure it was; the message says what was seen and what to do.
 */
public final class TentacleProbeException extends RuntimeException {
    /** What went wrong, in the order a connection meets the problems. */
    public enum Problem {
        /** The host name does not resolve (DNS). */
        UNKNOWN_HOST,
        /** Nothing accepts connections on the port (refused): the Tentacle is not running, or listens elsewhere. */
        REFUSED,
        /** There is no route to the host. */
        UNREACHABLE,
        /** No answer in time: a firewall dropping packets, or a peer that holds the connection without answering. */
        TIMEOUT,
        /** The port does not speak TLS: plain text came back (a proxy, firewall page or another service). */
        NOT_TLS,
        /** The TLS handshake failed for another reason. */
        TLS_HANDSHAKE_FAILED,
        /** TLS worked, but the peer did not answer the comms preamble as a Tentacle does. */
        NOT_A_TENTACLE,
        /** The peer presented this Octopus Server's own certificate: the address is this server's polling port. */
        THIS_SERVER
    }

    private final Problem problem;

    public TentacleProbeException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
