package dev.tentacle.tentacle.registration;

/** What kind of failure stopped a registration or deregistration; docs/troubleshooting.md lists what to check. */
public enum RegistrationFailure {
    /** The server refused the API key: unknown, mistyped or revoked (HTTP 401). */
    API_KEY_REJECTED,
    /** A user name and password were given; this server accepts API keys only. */
    CREDENTIALS_NOT_SUPPORTED,
    /** Nothing accepted the TCP connection to the server's address. */
    CONNECTION_REFUSED,
    /** The server's host name does not resolve. */
    DNS_FAILURE,
    /** Connecting, or waiting for an answer, took too long. */
    TIMEOUT,
    /** An established connection broke before the answer arrived. */
    CONNECTION_LOST,
    /** The certificate the server presented is not the one pinned with {@code --server-thumbprint}. */
    SERVER_THUMBPRINT_MISMATCH,
    /**
     * The certificate presented in the TLS handshake is not the one the server reports as its own in {@code GET /api}:
     * something between this machine and the server (a TLS-terminating proxy or load balancer) answered.
     */
    SERVER_CERTIFICATE_NOT_ITS_OWN,
    /** The address does not speak TLS: it answered in plain text (an {@code http://} port, or another service). */
    NOT_TLS,
    /** The TLS handshake failed for another reason. */
    TLS_HANDSHAKE_FAILED,
    /** Something answered over HTTPS, but not as the Octopus Server's API does (a polling port, another web site). */
    NOT_THE_SERVER_API,
    /** A machine of that name is registered already (HTTP 409) and {@code --force} was not given. */
    NAME_CONFLICT,
    /** The server cannot reach its database (HTTP 503). */
    STORAGE_UNAVAILABLE,
    /** The server refused the request's content: a field, or a machine policy that does not exist (HTTP 400, 404). */
    REGISTRATION_REFUSED,
    /** The server failed with an internal error (HTTP 500 and others). */
    SERVER_ERROR,
    /** Several machines have this Tentacle's thumbprint and {@code --multiple} was not given. */
    MULTIPLE_MACHINES
}
