package dev.tentacle.comms.internal.connection;

/** Handler names, in pipeline order. One place decides the order: {@link Pipelines}. */
final class PipelineNames {
    static final String PROXY = "proxy";
    static final String HTTP_SNIFFER = "http-answer-sniffer";
    static final String PROBE = "plain-text-probe";
    static final String TLS = "tls";
    static final String PREAMBLE = "preamble";
    static final String FRAME_DECODER = "frame-decoder";
    static final String FRAME_ENCODER = "frame-encoder";
    static final String IDLE = "idle";
    static final String AUTHENTICATOR = "authenticator";
    static final String SETUP = "client-setup";
    static final String CONNECTION = "connection";

    private PipelineNames() {
    }
}
