package dev.tentacle.comms.internal.streams;

/** What a stream needs from its connection: sending its control and data frames. Thread-safe. */
public interface StreamTransport {
    void sendData(StreamKey key, byte[] bytes, int length);

    void sendEnd(StreamKey key, int status, String detail);

    void sendWindow(StreamKey key, long credit);

    /** Called once the stream is finished on this side, so the connection can forget it. */
    void streamClosed(StreamKey key, boolean incoming);
}
