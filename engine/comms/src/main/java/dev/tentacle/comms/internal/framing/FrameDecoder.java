package dev.tentacle.comms.internal.framing;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * Turns bytes into {@link Frame}s. The length field is checked against the maximum as soon as its 4 bytes arrive,
 * before waiting for (and so buffering) the body, so a peer that declares a huge frame costs nothing.
 *
 * <p>A violation (length below {@value Frame#MIN_LENGTH}, length over the maximum, unknown type) is reported once
 * through {@code exceptionCaught} as a {@link CommsException} ({@link ErrorCode#FRAME_TOO_LARGE} or
 * {@link ErrorCode#PROTOCOL_ERROR}); from then on every received byte is released unread, since the stream has lost
 * its frame boundaries. Closing the connection is left to whoever handles the exception.
 *
 * <p>Decoded payloads are retained slices of the received bytes, not copies; the receiver of a frame releases it.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private final int maxFrameSize;
    private boolean failed;

    /**
     * @param maxFrameSize the largest accepted value of the length field, usually
     *     {@link dev.tentacle.comms.CommsOptions#maxFrameSize()}
     */
    public FrameDecoder(int maxFrameSize) {
        if (maxFrameSize < Frame.MIN_LENGTH) {
            throw new IllegalArgumentException("maxFrameSize must be at least " + Frame.MIN_LENGTH + " bytes, was "
                    + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (failed) {
            // The frame boundaries are lost: drop input before it reaches the cumulation buffer.
            ReferenceCountUtil.release(msg);
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < Frame.LENGTH_FIELD_SIZE) {
            return;
        }
        int start = in.readerIndex();
        long length = in.getUnsignedInt(start);
        if (length < Frame.MIN_LENGTH) {
            fail(ctx, in, new CommsException(ErrorCode.PROTOCOL_ERROR, "A frame declared a length of " + length
                    + " bytes, but every frame has at least " + Frame.MIN_LENGTH + " (a type byte and an 8-byte id). "
                    + "The peer is not speaking this protocol or the stream is corrupt: check that the peer is a "
                    + "Tentacle or Octopus Server of a compatible version."));
            return;
        }
        if (length > maxFrameSize) {
            fail(ctx, in, new CommsException(ErrorCode.FRAME_TOO_LARGE, "Protocol violation: a frame of " + length
                    + " bytes arrived; the maximum is " + maxFrameSize + " bytes (CommsOptions.maxFrameSize). If the "
                    + "peer legitimately sends messages this large, raise maxFrameSize on this side; otherwise check "
                    + "that the peer is a Tentacle or Octopus Server of a compatible version."));
            return;
        }
        if (in.readableBytes() < Frame.LENGTH_FIELD_SIZE + 1) {
            return;
        }
        FrameType type;
        try {
            type = FrameType.fromCode(in.getUnsignedByte(start + Frame.LENGTH_FIELD_SIZE));
        } catch (CommsException unknownType) {
            fail(ctx, in, unknownType);
            return;
        }
        if (in.readableBytes() < Frame.LENGTH_FIELD_SIZE + length) {
            return;
        }
        in.skipBytes(Frame.LENGTH_FIELD_SIZE + 1);
        long id = in.readLong();
        ByteBuf payload = in.readRetainedSlice((int) length - Frame.HEADER_SIZE);
        out.add(new Frame(type, id, payload));
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, CommsException error) {
        failed = true;
        in.skipBytes(in.readableBytes());
        ctx.fireExceptionCaught(error);
    }
}
