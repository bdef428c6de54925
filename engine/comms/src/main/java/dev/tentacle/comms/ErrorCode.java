package dev.tentacle.comms;

/**
 * The small, closed set of failure kinds. Codes cross the wire by name (never a class name or a stack trace)
 * and drive the retry policy: {@link #isNetworkFailure()} says whether trying again may help.
 */
public enum ErrorCode {
    /** The peer presented a certificate whose thumbprint is not trusted. */
    UNTRUSTED_PEER(false),
    /** A plain-text HTTP request arrived on the TLS port. */
    PLAIN_HTTP_TO_TLS_PORT(false),
    /** An HTTP/1.0 line arrived where the comms preamble belongs: a proxy or firewall answered instead. */
    PROXY_OR_FIREWALL_IN_PATH(false),
    /** The TLS handshake failed (other than an untrusted thumbprint). */
    TLS_HANDSHAKE_FAILED(true),
    /** The two sides share no TLS protocol version (this stack speaks TLS 1.2 and 1.3 only). */
    TLS_VERSION_MISMATCH(false),
    /** A frame's declared length exceeds the configured maximum. */
    FRAME_TOO_LARGE(false),
    /** Nothing listens at the address, or a firewall rejected the connection. */
    CONNECTION_REFUSED(true),
    /** The host name could not be resolved. */
    DNS_FAILURE(true),
    /** The connect attempt or an I/O operation timed out. */
    TIMEOUT(true),
    /** An established connection broke before the call completed. */
    CONNECTION_LOST(true),
    /** A request for a polling subscriber was not picked up in time. */
    PICKUP_TIMEOUT(true),
    /** The HTTP CONNECT proxy refused or failed the tunnel. */
    PROXY_FAILED(true),
    /** The peer violated the protocol (bad preamble, bad frame, unknown request id). */
    PROTOCOL_ERROR(false),
    /** The peer took too long to authenticate (TLS plus preamble). */
    PRE_AUTHENTICATION_TIMEOUT(true),
    /** The call was cancelled by the caller. */
    CANCELLED(false),
    /** The remote side does not host the requested service. */
    SERVICE_NOT_FOUND(false),
    /** The remote service has no such method (typically an older peer). */
    METHOD_NOT_FOUND(false),
    /** The arguments could not be read by the remote service. */
    INVALID_ARGUMENT(false),
    /** The remote service ran and reported a failure. */
    SERVICE_FAILED(false),
    /** The port to listen on is already bound by another process. */
    ADDRESS_IN_USE(false),
    /** The endpoint is shutting down. */
    SHUTTING_DOWN(true);

    private final boolean networkFailure;

    ErrorCode(boolean networkFailure) {
        this.networkFailure = networkFailure;
    }

    /** True for failures of the network path, where trying the same call again later may succeed. */
    public boolean isNetworkFailure() {
        return networkFailure;
    }
}
