package dev.tentacle.comms.internal.framing;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;

/** The kind of a frame, sent as one unsigned byte. The codes are part of the wire protocol: never renumber them. */
public enum FrameType {
    /** A call: the id is the caller's request id, the payload the RPC request message. */
    REQUEST(0x01),
    /** The successful result of the request with the same id. */
    RESPONSE(0x02),
    /** The failed result of the request with the same id; id 0 reports a failure of the whole connection. */
    ERROR(0x03),
    /** The caller gives up on the request with the same id. Empty payload. */
    CANCEL(0x04),
    /** A chunk of stream data belonging to the request with the same id. */
    STREAM_DATA(0x05),
    /** The last frame of a stream. Empty payload. */
    STREAM_END(0x06),
    /** The reader grants the sender more bytes of stream data; payload: the credit as a uint32. */
    STREAM_WINDOW(0x07),
    /** A heartbeat; the id is a nonce the peer echoes in its PONG. Empty payload. */
    PING(0x08),
    /** The answer to a PING, carrying the same nonce. Empty payload. */
    PONG(0x09);

    private static final FrameType[] BY_CODE = new FrameType[256];

    static {
        for (FrameType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The byte that identifies this type on the wire. */
    public int code() {
        return code;
    }

    /**
     * The type with this code.
     *
     * @throws CommsException {@link ErrorCode#PROTOCOL_ERROR} when no type has this code
     */
    public static FrameType fromCode(int code) {
        FrameType type = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (type == null) {
            throw new CommsException(ErrorCode.PROTOCOL_ERROR, String.format(
                    "A frame of unknown type 0x%02X arrived; this endpoint knows types 0x01 to 0x09. The peer speaks "
                            + "a different version of the protocol, or it is not a Tentacle or Octopus Server: check "
                            + "that both ends run compatible versions.", code));
        }
        return type;
    }
}
