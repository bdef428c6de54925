package dev.tentacle.comms.internal.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCounted;
import java.util.Objects;

/**
 * One unit on the wire: a type, a request id (or ping nonce; 0 means the connection itself) and a payload.
 *
 * <p>Ownership: a frame holds one reference to its payload. Whoever receives a frame, from the decoder or as an
 * argument, owns it and must {@link #release()} it once done, or pass it on (writing it to a channel passes it on:
 * the encoder releases it). Reference counting delegates to the payload.
 *
 * @param type what the frame carries
 * @param id the request id the frame belongs to
 * @param payload the bytes after the header, never null ({@link Unpooled#EMPTY_BUFFER} for none)
 */
public record Frame(FrameType type, long id, ByteBuf payload) implements ReferenceCounted {
    /** Size of the length field that precedes every frame. */
    public static final int LENGTH_FIELD_SIZE = 4;
    /** Bytes counted by the length field before the payload: the type byte and the 8-byte id. */
    public static final int HEADER_SIZE = 1 + 8;
    /** Smallest valid value of the length field: a frame with an empty payload. */
    public static final int MIN_LENGTH = HEADER_SIZE;
    /** Size of a STREAM_WINDOW payload: the credit as an unsigned 32-bit integer. */

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    /** A frame carrying the given payload; the frame takes over the caller's reference to it. */
    public static Frame of(FrameType type, long id, ByteBuf payload) {
        return new Frame(type, id, payload);
    }

    public static Frame cancel(long requestId) {
        return empty(FrameType.CANCEL, requestId);
    }

    public static Frame ping(long nonce) {
        return empty(FrameType.PING, nonce);
    }

    /** The answer to {@code ping}, echoing its nonce. */
    public static Frame pong(long nonce) {
        return empty(FrameType.PONG, nonce);
    }

    private static Frame empty(FrameType type, long id) {
        return new Frame(type, id, Unpooled.EMPTY_BUFFER);
    }

    /** The value of the length field for this frame: header plus payload. */
    public long length() {
        return (long) HEADER_SIZE + payload.readableBytes();
    }

    @Override
    public int refCnt() {
        return payload.refCnt();
    }

    @Override
    public Frame retain() {
        payload.retain();
        return this;
    }

    @Override
    public Frame retain(int increment) {
        payload.retain(increment);
        return this;
    }

    @Override
    public Frame touch() {
        payload.touch();
        return this;
    }

    @Override
    public Frame touch(Object hint) {
        payload.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return payload.release();
    }

    @Override
    public boolean release(int decrement) {
        return payload.release(decrement);
    }

    @Override
    public String toString() {
        return "Frame[" + type + " id=" + id + ", " + payload.readableBytes() + " payload bytes]";
    }
}
