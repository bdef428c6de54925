package dev.tentacle.comms.internal.preamble;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundInvoker;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Server side of the preamble, placed right after the SslHandler. It reads exactly one line and then:
 * <ul>
 *   <li>a client identity: fires {@link PreambleReceived} and removes itself, so the bytes after the line reach the
 *       next handler (the frame decoder) after the event. The event's receiver answers with {@link #accept} or
 *       {@link #reject}.</li>
 *   <li>an HTTP request line ({@code GET / HTTP/1.1}, any method and path): a browser. It reads the rest of the
 *       request head, answers with the {@link WelcomePage} (HEAD gets the headers only), closes, and tells the
 *       welcome-page callback.</li>
 *   <li>an HTTP status line ({@code HTTP/1.0 ...}): something in the network path answered in place of the peer;
 *       {@link ErrorCode#PROXY_OR_FIREWALL_IN_PATH}.</li>
 *   <li>anything else, or {@value Preamble#MAX_LINE_BYTES} bytes without a line end: {@link ErrorCode#PROTOCOL_ERROR}
 *       quoting what arrived.</li>
 * </ul>
 * On an error it writes a {@code TENTACLE/1 REJECTED} line (so a confused peer learns why), closes after the write,
 * and fires the {@link CommsException} through {@code exceptionCaught}; its receiver need not close the channel.
 */
public final class ServerPreambleHandler extends ByteToMessageDecoder {
    /** The most of a browser's request head read before the welcome page is sent anyway. */
    static final int MAX_HTTP_HEAD_BYTES = 16 * 1024;

    private enum State { READING_LINE, READING_HTTP_HEAD, DONE }

    private final WelcomePage welcomePage;
    private final Consumer<SocketAddress> onWelcomePageServed;
    private State state = State.READING_LINE;
    private boolean headRequest;
    private HttpHeadScanner headScanner;
    private int headBytesSeen;

    /**
     * @param welcomePage what a browser is shown
     * @param onWelcomePageServed called with the browser's address once the page is written; must be quick and must
     *     not throw
     */
    public ServerPreambleHandler(WelcomePage welcomePage, Consumer<SocketAddress> onWelcomePageServed) {
        this.welcomePage = Objects.requireNonNull(welcomePage, "welcomePage");
        this.onWelcomePageServed = Objects.requireNonNull(onWelcomePageServed, "onWelcomePageServed");
    }

    /** Accepts the client: writes {@code TENTACLE/1 SERVER\r\n}. Frames may follow at once. */
    public static ChannelFuture accept(ChannelOutboundInvoker channel) {
        return channel.writeAndFlush(Unpooled.wrappedBuffer(Preamble.encode(Preamble.ACCEPTED_LINE)));
    }

    /**
     * Rejects the client: writes {@code TENTACLE/1 REJECTED CODE message\r\n} with the reason's code and message,
     * then closes the connection.
     */
    public static ChannelFuture reject(ChannelOutboundInvoker channel, CommsException reason) {
        byte[] line = Preamble.encode(Preamble.rejectedLine(reason.code(), reason.getMessage()));
        ChannelFuture written = channel.writeAndFlush(Unpooled.wrappedBuffer(line));
        written.addListener(ChannelFutureListener.CLOSE);
        return written;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case READING_LINE -> readLine(ctx, in);
            case READING_HTTP_HEAD -> readHttpHead(ctx, in);
            case DONE -> in.skipBytes(in.readableBytes());
        }
    }

    private void readLine(ChannelHandlerContext ctx, ByteBuf in) {
        switch (LineReader.read(in)) {
            case LineReader.Incomplete _ -> {
            }
            case LineReader.TooLong _ -> {
                Optional<String> method = HttpRequests.methodOfRequestStart(
                        in.toString(in.readerIndex(), 32, StandardCharsets.ISO_8859_1));
                if (method.isPresent()) {
                    startWelcomePage(ctx, in, method.get(), false);
                } else {
                    fail(ctx, in, new CommsException(ErrorCode.PROTOCOL_ERROR, Preamble.MAX_LINE_BYTES + " bytes "
                            + "arrived without a line end, starting '" + Printable.quote(in) + "'; the peer's identity "
                            + "is one short line. The peer is not a Tentacle or Octopus Server: check the address and "
                            + "port it connects to."));
                }
            }
            case LineReader.Complete line -> handleLine(ctx, in, line);
        }
    }

    private void handleLine(ChannelHandlerContext ctx, ByteBuf in, LineReader.Complete line) {
        Optional<String> method = HttpRequests.methodOfRequestLine(line.text());
        if (method.isPresent()) {
            startWelcomePage(ctx, in, method.get(), true);
            return;
        }
        if (line.text().startsWith("HTTP/")) {
            fail(ctx, in, proxyInPath(line.text()));
            return;
        }
        if (!line.endsWithCrLf()) {
            fail(ctx, in, new CommsException(ErrorCode.PROTOCOL_ERROR, "The identity line '"
                    + Printable.quote(line.text()) + "' ended with a bare LF; preamble lines end with CR LF. The peer "
                    + "runs an incompatible implementation of the protocol."));
            return;
        }
        Preamble.Identity identity;
        try {
            identity = Preamble.parseIdentity(line.text());
        } catch (CommsException e) {
            fail(ctx, in, e);
            return;
        }
        state = State.DONE;
        ctx.fireUserEventTriggered(new PreambleReceived(identity));
        // Removal is completed by ByteToMessageDecoder after this call returns: it then passes on the unread bytes.
        // (The event's receiver may have rejected and closed the channel, removing this handler already.)
        if (!ctx.isRemoved()) {
            ctx.pipeline().remove(this);
        }
    }

    static CommsException proxyInPath(String line) {
        return new CommsException(ErrorCode.PROXY_OR_FIREWALL_IN_PATH, "Unknown identity '" + Printable.quote(line)
                + "': a proxy or firewall in the network path answered instead of the connecting Tentacle or Octopus "
                + "Server. Check that nothing between the two machines intercepts TLS (SSL offloading, a transparent "
                + "proxy, a firewall that inserts a block page); if an HTTP proxy must be used, configure it on the "
                + "connecting side as a proxy (HTTP CONNECT) rather than routing traffic through it transparently.");
    }

    private void startWelcomePage(ChannelHandlerContext ctx, ByteBuf in, String method, boolean requestLineRead) {
        state = State.READING_HTTP_HEAD;
        headRequest = method.equals("HEAD");
        headScanner = new HttpHeadScanner(requestLineRead);
        readHttpHead(ctx, in);
    }

    /** Reads the rest of the request so that closing does not reset the connection before the browser reads. */
    private void readHttpHead(ChannelHandlerContext ctx, ByteBuf in) {
        boolean ended = headScanner.scan(in) >= 0;
        if (!ended) {
            headBytesSeen += in.readableBytes();
            in.skipBytes(in.readableBytes());
            if (headBytesSeen < MAX_HTTP_HEAD_BYTES) {
                return;
            }
        }
        state = State.DONE;
        in.skipBytes(in.readableBytes());
        SocketAddress remote = ctx.channel().remoteAddress();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(HttpResponses.welcome(welcomePage, !headRequest)))
                .addListener(ChannelFutureListener.CLOSE);
        onWelcomePageServed.accept(remote);
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, CommsException error) {
        state = State.DONE;
        in.skipBytes(in.readableBytes());
        reject(ctx, error);
        ctx.fireExceptionCaught(error);
    }
}
