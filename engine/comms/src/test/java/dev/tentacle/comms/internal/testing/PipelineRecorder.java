package dev.tentacle.comms.internal.testing;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * Last inbound handler of a test pipeline: keeps the exceptions and user events that would otherwise reach the
 * tail (where EmbeddedChannel rethrows or drops them). Messages pass on to EmbeddedChannel's inbound queue.
 */
public final class PipelineRecorder extends ChannelInboundHandlerAdapter {
    private final List<Throwable> exceptions = new ArrayList<>();
    private final List<Object> userEvents = new ArrayList<>();

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        exceptions.add(cause);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        userEvents.add(evt);
    }

    public List<Throwable> exceptions() {
        return exceptions;
    }

    public List<Object> userEvents() {
        return userEvents;
    }
}
