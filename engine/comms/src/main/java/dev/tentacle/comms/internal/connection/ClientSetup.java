package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.preamble.ClientPreambleHandler;
import dev.tentacle.comms.internal.preamble.Preamble;
import dev.tentacle.comms.internal.tls.TlsContexts;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Client side of connection set-up: after the TLS handshake, sends the preamble; when the server accepts,
 * creates the {@link Connection}; any failure on the way completes the result with one named error.
 */
final class ClientSetup extends ChannelInboundHandlerAdapter {
    private final RuntimeContext context;
    private final ServiceEndpoint endpoint;
    private final Preamble.Identity identity;
    private final CompletableFuture<Connection> result;
    private ScheduledFuture<?> deadline;

    ClientSetup(RuntimeContext context, ServiceEndpoint endpoint, Preamble.Identity identity, CompletableFuture<Connection> result) {
        this.context = context;
        this.endpoint = endpoint;
        this.identity = identity;
        this.result = result;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        long millis = context.options().preAuthenticationTimeout().toMillis();
        deadline = ctx.executor().schedule(() -> fail(ctx, new CommsException(ErrorCode.PRE_AUTHENTICATION_TIMEOUT,
                "Connected to " + target() + " but TLS and the preamble did not complete within " + millis
                        + " ms. Is this really a Tentacle or Octopus Server port? A proxy or firewall may be holding the connection.")),
                millis, TimeUnit.MILLISECONDS);
        ProxyHandler proxy = ctx.pipeline().get(ProxyHandler.class);
        if (proxy != null) {
            // Report the proxy's own failure, not the TLS handshake that breaks when the proxy hangs up.
            proxy.connectFuture().addListener(f -> {
                if (!f.isSuccess()) {
                    fail(ctx, ConnectFailures.classify(f.cause(), endpoint));
                }
            });
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                fail(ctx, ConnectFailures.classify(handshake.cause(), endpoint));
                return;
            }
            Promise<Void> accepted = ctx.executor().newPromise();
            accepted.addListener(f -> {
                if (f.isSuccess()) {
                    established(ctx);
                } else {
                    fail(ctx, ConnectFailures.classify(f.cause(), endpoint));
                }
            });
            ctx.pipeline().addAfter(PipelineNames.TLS, PipelineNames.PREAMBLE, new ClientPreambleHandler(identity, accepted));
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    private void established(ChannelHandlerContext ctx) {
        if (result.isDone()) {
            return;
        }
        cancelDeadline();
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        CertificateThumbprints peer = TlsContexts.peerThumbprints(tls.engine().getSession()).orElseThrow();
        Connection connection = context.newConnection(ctx.channel(), true, peer);
        ctx.pipeline().get(ConnectionHandler.class).attach(connection);
        ctx.pipeline().remove(this);
        if (!result.complete(connection)) {
            connection.close(new CommsException(ErrorCode.CANCELLED, "The connection was no longer needed."));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, ConnectFailures.classify(cause, endpoint));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(ctx, new CommsException(ErrorCode.CONNECTION_LOST, target() + " closed the connection during set-up, before it "
                + "accepted this side. If this keeps happening, the server may not trust this side's certificate, or "
                + "something in the network path ends the connection."));
        super.channelInactive(ctx);
    }

    private void fail(ChannelHandlerContext ctx, CommsException reason) {
        cancelDeadline();
        if (result.completeExceptionally(reason)) {
            ctx.close();
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    private String target() {
        return endpoint.host() + ":" + endpoint.port() + endpoint.proxySettings().map(p -> " (via proxy " + p + ")").orElse("");
    }
}
