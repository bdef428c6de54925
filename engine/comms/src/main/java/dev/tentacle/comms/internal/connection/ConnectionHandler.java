package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.framing.Frame;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of every pipeline: hands frames to the {@link Connection} once it is established, sends
 * heartbeats when the connection is idle, and closes a connection that has gone silent.
 */
public final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private final Duration heartbeatInterval;
    private volatile Connection connection;

    public ConnectionHandler(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public void attach(Connection established) {
        this.connection = established;
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Connection current = connection;
        if (current == null || !(msg instanceof Frame frame)) {
            ReferenceCountUtil.release(msg);
            if (current == null) {
                ctx.close(); // frames before the preamble completed: the peer broke the protocol
            }
            return;
        }
        try {
            current.onFrame(frame);
        } catch (CommsException e) {
            current.closeWithError(e);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        Connection current = connection;
        if (evt instanceof IdleStateEvent idle && current != null) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                current.ping(heartbeatInterval.toMillis() * 3, TimeUnit.MILLISECONDS);
            } else if (idle.state() == IdleState.READER_IDLE) {
                current.close(new CommsException(ErrorCode.CONNECTION_LOST, "Nothing, not even a heartbeat, arrived from "
                        + ctx.channel().remoteAddress() + " for " + heartbeatInterval.multipliedBy(3).toSeconds()
                        + " s, so the connection was closed. The network path may be dropping packets or a firewall may have "
                        + "silently ended the connection."));
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Connection current = connection;
        if (current != null) {
            current.onClosed();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Connection current = connection;
        CommsException reason = cause instanceof CommsException comms ? comms
                : cause instanceof IOException ? new CommsException(ErrorCode.CONNECTION_LOST, "The connection to "
                        + ctx.channel().remoteAddress() + " failed: " + cause.getMessage(), cause)
                : new CommsException(ErrorCode.PROTOCOL_ERROR, "The connection to " + ctx.channel().remoteAddress()
                        + " failed: " + cause.getMessage(), cause);
        if (current == null) {
            ctx.close();
        } else if (cause instanceof CommsException) {
            current.closeWithError(reason);
        } else {
            current.recordCloseReason(reason);
            ctx.close();
        }
    }
}
