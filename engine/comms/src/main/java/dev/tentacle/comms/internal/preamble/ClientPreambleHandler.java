package dev.tentacle.comms.internal.preamble;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.Promise;
import java.util.List;
import java.util.Objects;

/**
 * Client side of the preamble, added once the TLS handshake has completed. It sends the identity line as soon as
 * it is in an active pipeline, then reads exactly one reply line:
 * <ul>
 *   <li>{@code TENTACLE/1 SERVER}: completes the promise, then removes itself; bytes after the line (frames the
 *       server sent straight away) reach the next handler, which a listener of the promise may still add.</li>
 *   <li>{@code TENTACLE/1 REJECTED CODE message}: fails the promise with a {@link CommsException} of that code and
 *       message (for example {@link ErrorCode#UNTRUSTED_PEER}).</li>
 *   <li>a line starting {@code HTTP/}: {@link ErrorCode#PROXY_OR_FIREWALL_IN_PATH} quoting it.</li>
 *   <li>anything else, or {@value Preamble#MAX_LINE_BYTES} bytes without a line end:
 *       {@link ErrorCode#PROTOCOL_ERROR}.</li>
 *   <li>the connection ends first: {@link ErrorCode#CONNECTION_LOST}; an exception from the pipeline (a TLS alert,
 *       say) fails the promise as it is, so the TLS layer can translate it.</li>
 * </ul>
 * On failure the handler closes the channel. The promise is the only report: failures are not also passed on
 * through {@code exceptionCaught}.
 */
public final class ClientPreambleHandler extends ByteToMessageDecoder {
    private final Preamble.Identity identity;
    private final Promise<Void> accepted;
    private boolean sent;
    private boolean done;

    /**
     * @param identity who this side is
     * @param accepted completed when the server accepts, failed otherwise
     */
    public ClientPreambleHandler(Preamble.Identity identity, Promise<Void> accepted) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.accepted = Objects.requireNonNull(accepted, "accepted");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            sendIdentity(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        sendIdentity(ctx);
        super.channelActive(ctx);
    }

    private void sendIdentity(ChannelHandlerContext ctx) {
        if (!sent) {
            sent = true;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(Preamble.encode(identity.line())))
                    .addListener(future -> {
                        if (!future.isSuccess()) {
                            fail(ctx, future.cause());
                        }
                    });
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (done) {
            in.skipBytes(in.readableBytes());
            return;
        }
        switch (LineReader.read(in)) {
            case LineReader.Incomplete _ -> {
            }
            case LineReader.TooLong _ -> failAndDiscard(ctx, in, new CommsException(ErrorCode.PROTOCOL_ERROR,
                    Preamble.MAX_LINE_BYTES + " bytes arrived without a line end where the server's reply belongs, "
                            + "starting '" + Printable.quote(in) + "'. The address and port do not lead to a "
                            + "Tentacle or Octopus Server comms port: check them."));
            case LineReader.Complete line -> handleReply(ctx, in, line);
        }
    }

    private void handleReply(ChannelHandlerContext ctx, ByteBuf in, LineReader.Complete line) {
        if (line.text().startsWith("HTTP/")) {
            failAndDiscard(ctx, in, proxyInPath(line.text()));
            return;
        }
        if (!line.endsWithCrLf()) {
            failAndDiscard(ctx, in, new CommsException(ErrorCode.PROTOCOL_ERROR, "The server's reply '"
                    + Printable.quote(line.text()) + "' ended with a bare LF; preamble lines end with CR LF. The "
                    + "server runs an incompatible implementation of the protocol."));
            return;
        }
        Preamble.Reply reply;
        try {
            reply = Preamble.parseReply(line.text());
        } catch (CommsException e) {
            failAndDiscard(ctx, in, e);
            return;
        }
        switch (reply) {
            case Preamble.Reply.Rejected rejected -> failAndDiscard(ctx, in, rejected.toException());
            case Preamble.Reply.Accepted _ -> {
                done = true;
                accepted.trySuccess(null);
                // Removal completes after this call returns; then the unread bytes flow on to the next handler.
                // (A listener of the promise may have closed the channel, removing this handler already.)
                if (!ctx.isRemoved()) {
                    ctx.pipeline().remove(this);
                }
            }
        }
    }

    static CommsException proxyInPath(String line) {
        return new CommsException(ErrorCode.PROXY_OR_FIREWALL_IN_PATH, "Unknown identity '" + Printable.quote(line)
                + "': a proxy or firewall in the network path answered instead of the Tentacle or Octopus Server. "
                + "Check that the address and port lead to the Tentacle or Octopus Server comms port (not a web "
                + "server or the Octopus web portal), and that nothing between the two machines intercepts TLS (SSL "
                + "offloading, a transparent proxy, a firewall that inserts a block page). If an HTTP proxy must be "
                + "used, configure it on this side as a proxy (HTTP CONNECT) for this endpoint.");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        super.channelInactive(ctx);
        fail(ctx, connectionLost());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (done) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        fail(ctx, cause);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        accepted.tryFailure(connectionLost());
    }

    private static CommsException connectionLost() {
        return new CommsException(ErrorCode.CONNECTION_LOST, "The server closed the connection after the TLS "
                + "handshake without answering this side's identity. In TLS 1.3 this is how a server that does not "
                + "trust this side's certificate appears: check that the server trusts this side's thumbprint. "
                + "Otherwise check the server's log for why it dropped the connection.");
    }

    private void failAndDiscard(ChannelHandlerContext ctx, ByteBuf in, Throwable cause) {
        in.skipBytes(in.readableBytes());
        fail(ctx, cause);
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (!done) {
            done = true;
            accepted.tryFailure(cause);
            ctx.close();
        }
    }
}
