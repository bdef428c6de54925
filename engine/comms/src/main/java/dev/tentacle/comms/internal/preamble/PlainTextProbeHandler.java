package dev.tentacle.comms.internal.preamble;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * First handler of a listening pipeline, ahead of TLS. It waits for just enough bytes to tell what the peer speaks:
 * <ul>
 *   <li>a TLS handshake record ({@code 0x16 0x03}): it replaces itself with the {@link SslHandler}, which receives
 *       every byte read so far;</li>
 *   <li>a plain-text HTTP request ({@code METHOD }): it reads the request head (to learn the Host the person typed),
 *       answers {@code 400 Bad Request} naming the https:// address to use, closes, and reports
 *       {@link ErrorCode#PLAIN_HTTP_TO_TLS_PORT};</li>
 *   <li>anything else: it closes and reports {@link ErrorCode#PROTOCOL_ERROR} quoting what arrived.</li>
 * </ul>
 * Reports go to the callback, never through the pipeline. If TLS is never detected, the SslHandler's engine is
 * released when this handler goes.
 */
public final class PlainTextProbeHandler extends ByteToMessageDecoder {
    /** The most of a plain-text request head read before answering anyway. */
    static final int MAX_HTTP_HEAD_BYTES = 8 * 1024;
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final int TLS_MAJOR_VERSION = 0x03;

    private enum State { PROBING, READING_HTTP_HEAD, HANDED_TO_TLS, REJECTED }

    private final String sslHandlerName;
    private final SslHandler sslHandler;
    private final Consumer<CommsException> onRejected;
    private State state = State.PROBING;

    /**
     * @param sslHandlerName the pipeline name the SslHandler takes over
     * @param sslHandler the server-side TLS handler to install when the peer speaks TLS
     * @param onRejected told about each connection turned away; must be quick and must not throw
     */
    public PlainTextProbeHandler(String sslHandlerName, SslHandler sslHandler, Consumer<CommsException> onRejected) {
        this.sslHandlerName = Objects.requireNonNull(sslHandlerName, "sslHandlerName");
        this.sslHandler = Objects.requireNonNull(sslHandler, "sslHandler");
        this.onRejected = Objects.requireNonNull(onRejected, "onRejected");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case PROBING -> probe(ctx, in);
            case READING_HTTP_HEAD -> readHttpHead(ctx, in);
            case HANDED_TO_TLS, REJECTED -> in.skipBytes(in.readableBytes());
        }
    }

    private void probe(ChannelHandlerContext ctx, ByteBuf in) {
        int first = in.getUnsignedByte(in.readerIndex());
        if (first == TLS_HANDSHAKE_RECORD) {
            if (in.readableBytes() < 2) {
                return;
            }
            if (in.getUnsignedByte(in.readerIndex() + 1) == TLS_MAJOR_VERSION) {
                ctx.pipeline().replace(this, sslHandlerName, sslHandler);
                state = State.HANDED_TO_TLS;
                return;
            }
            reject(ctx, in, notTls(ctx, in));
            return;
        }
        switch (HttpRequests.classifyStart(in)) {
            case UNDECIDED -> {
            }
            case NOT_HTTP -> reject(ctx, in, notTls(ctx, in));
            case REQUEST -> {
                state = State.READING_HTTP_HEAD;
                readHttpHead(ctx, in);
            }
        }
    }

    private void readHttpHead(ChannelHandlerContext ctx, ByteBuf in) {
        // Scanned from the start each time: the head stays in the buffer until the Host header is read.
        int end = new HttpHeadScanner(false).scan(in);
        if (end < 0 && in.readableBytes() < MAX_HTTP_HEAD_BYTES) {
            return;
        }
        int headLength = end < 0 ? Math.min(in.readableBytes(), MAX_HTTP_HEAD_BYTES) : end - in.readerIndex();
        String head = in.toString(in.readerIndex(), headLength, StandardCharsets.ISO_8859_1);
        String requestLine = head.lines().findFirst().orElse("");
        String httpsUrl = "https://" + authority(ctx, HttpRequests.host(head)) + "/";
        CommsException error = new CommsException(ErrorCode.PLAIN_HTTP_TO_TLS_PORT, "A plain-text HTTP request ('"
                + Printable.quote(requestLine) + "') arrived" + from(ctx) + " on this port, which speaks TLS only. "
                + "The sender used http:// where https:// belongs: use " + httpsUrl + " instead. If this is a load "
                + "balancer's health check, configure it to check TCP or HTTPS.");
        ctx.writeAndFlush(Unpooled.wrappedBuffer(HttpResponses.plainHttpToTlsPort(httpsUrl)))
                .addListener(ChannelFutureListener.CLOSE);
        state = State.REJECTED;
        in.skipBytes(in.readableBytes());
        onRejected.accept(error);
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, CommsException error) {
        state = State.REJECTED;
        in.skipBytes(in.readableBytes());
        ctx.close();
        onRejected.accept(error);
    }

    private static CommsException notTls(ChannelHandlerContext ctx, ByteBuf in) {
        return new CommsException(ErrorCode.PROTOCOL_ERROR, "'" + Printable.quote(in) + "' arrived" + from(ctx)
                + " where a TLS handshake belongs. The peer is not a Tentacle, an Octopus Server or a browser using "
                + "https://, or something in the network path rewrites the traffic: check the address and port the "
                + "peer connects to, and that it uses TLS 1.2 or 1.3.");
    }

    /** The host and port to put in the https:// address: what the person typed, else where they connected. */
    private static String authority(ChannelHandlerContext ctx, Optional<String> hostHeader) {
        SocketAddress local = ctx.channel().localAddress();
        int localPort = local instanceof InetSocketAddress inet ? inet.getPort() : -1;
        if (hostHeader.isPresent()) {
            String host = hostHeader.get();
            boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
            return hasPort || localPort < 0 ? host : host + ":" + localPort;
        }
        if (local instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String address = inet.getAddress().getHostAddress();
            return (address.contains(":") ? "[" + address + "]" : address) + ":" + localPort;
        }
        return "HOST:PORT";
    }

    private static String from(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        return remote == null ? "" : " from " + remote;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (state != State.HANDED_TO_TLS) {
            // The engine never joined the pipeline, so nothing else will free it (OpenSSL engines hold native memory).
            ReferenceCountUtil.release(sslHandler.engine());
        }
    }
}
