package dev.tentacle.comms.internal.framing;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Writes {@link Frame}s as bytes without copying large payloads: a 13-byte header buffer followed by the payload
 * itself, joined in one composite buffer so the write has a single outcome. Payloads of at most
 * {@value #COPY_THRESHOLD} bytes are copied into the header buffer instead, which is cheaper than a composite.
 *
 * <p>A frame over the maximum size is not written: its promise fails with {@link ErrorCode#FRAME_TOO_LARGE} and the
 * frame is released. Anything that is not a frame passes through unchanged (the preamble lines, for example).
 */
@Sharable
public final class FrameEncoder extends ChannelOutboundHandlerAdapter {
    /** Payloads up to this size are copied next to the header rather than referenced. */
    static final int COPY_THRESHOLD = 256;

    private final int maxFrameSize;

    /** @param maxFrameSize the largest value of the length field this side sends, the peer's maximum */
    public FrameEncoder(int maxFrameSize) {
        if (maxFrameSize < Frame.MIN_LENGTH) {
            throw new IllegalArgumentException("maxFrameSize must be at least " + Frame.MIN_LENGTH + " bytes, was "
                    + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Frame frame)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf encoded;
        try {
            encoded = encode(ctx, frame);
        } catch (RuntimeException e) {
            frame.release();
            promise.setFailure(e);
            return;
        }
        ctx.write(encoded, promise);
    }

    private ByteBuf encode(ChannelHandlerContext ctx, Frame frame) {
        long length = frame.length();
        if (length > maxFrameSize) {
            throw new CommsException(ErrorCode.FRAME_TOO_LARGE, "Cannot send a " + frame.type() + " frame of "
                    + length + " bytes: the maximum is " + maxFrameSize + " bytes (CommsOptions.maxFrameSize). Send "
                    + "large data as a DataStream, which travels in chunks, or raise maxFrameSize on both sides.");
        }
        ByteBuf payload = frame.payload();
        int payloadBytes = payload.readableBytes();
        boolean copy = payloadBytes <= COPY_THRESHOLD;
        ByteBuf header = ctx.alloc().buffer(Frame.LENGTH_FIELD_SIZE + Frame.HEADER_SIZE + (copy ? payloadBytes : 0));
        header.writeInt((int) length).writeByte(frame.type().code()).writeLong(frame.id());
        if (copy) {
            header.writeBytes(payload, payload.readerIndex(), payloadBytes);
            frame.release();
            return header;
        }
        // The composite takes over the frame's reference to the payload.
        return ctx.alloc().compositeBuffer(2).addComponents(true, header, payload);
    }
}
