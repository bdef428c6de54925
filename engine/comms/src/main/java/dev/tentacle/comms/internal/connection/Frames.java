package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.internal.framing.Frame;
import io.netty.channel.Channel;

/** Writing frames from any thread. */
final class Frames {
    private Frames() {
    }

    /** Writes and flushes the frame, or releases it when the channel is already closed. */
    static void write(Channel channel, Frame frame) {
        if (channel.isActive()) {
            channel.writeAndFlush(frame, channel.voidPromise());
        } else {
            frame.payload().release();
        }
    }
}
