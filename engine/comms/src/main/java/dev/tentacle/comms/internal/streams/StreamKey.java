package dev.tentacle.comms.internal.streams;

/** Identifies one stream on a connection: the request it belongs to and its index within that message. */
public record StreamKey(long requestId, int index) {
}
