package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.preamble.Preamble;
import dev.tentacle.comms.internal.preamble.PreambleReceived;
import dev.tentacle.comms.internal.preamble.ServerPreambleHandler;
import dev.tentacle.comms.internal.tls.TlsContexts;
import dev.tentacle.comms.internal.tls.TlsFailures;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Server side of connection set-up: enforces the pre-authentication deadline, checks the client certificate's
 * thumbprint against the trust list once the preamble names the peer's role, and answers accept or a named
 * rejection. Removes itself once the connection is accepted.
 */
final class ServerAuthenticator extends ChannelInboundHandlerAdapter {
    private final RuntimeContext context;
    private final SubscriberSink subscribers;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> deadline;
    private boolean reported;

    ServerAuthenticator(RuntimeContext context, SubscriberSink subscribers) {
        this.context = context;
        this.subscribers = subscribers;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        long millis = context.options().preAuthenticationTimeout().toMillis();
        deadline = ctx.executor().schedule(() -> {
            rejected(new CommsException(ErrorCode.PRE_AUTHENTICATION_TIMEOUT, "The peer at " + ctx.channel().remoteAddress()
                    + " did not complete TLS and identify itself within " + millis + " ms, so the connection was closed."));
            ctx.close();
        }, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** Reports a refused connection once; the handler that found the problem closes the channel. */
    void rejected(CommsException reason) {
        if (!reported) {
            reported = true;
            context.listener().connectionRejected(ctx == null ? null : ctx.channel().remoteAddress(), reason);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof PreambleReceived received) {
            authorize(ctx, received.identity());
            return;
        }
        if (evt instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            // A peer that simply hangs up during the handshake (browsers open spare connections and drop them) has
            // been refused nothing: there is nothing to report.
            if (!(handshake.cause() instanceof java.nio.channels.ClosedChannelException)) {
                rejected(TlsFailures.classifyIncoming(handshake.cause(), String.valueOf(ctx.channel().remoteAddress())));
            }
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    private void authorize(ChannelHandlerContext ctx, Preamble.Identity identity) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        Optional<CertificateThumbprints> peer = tls == null ? Optional.empty() : TlsContexts.peerThumbprints(tls.engine().getSession());
        if (peer.isEmpty()) {
            reject(ctx, new CommsException(ErrorCode.UNTRUSTED_PEER, "The peer at " + ctx.channel().remoteAddress()
                    + " presented no client certificate. Tentacle and Octopus Server always present one; is something else connecting?"));
            return;
        }
        CertificateThumbprints thumbprints = peer.get();
        boolean trusted = context.trust().thumbprints().stream().anyMatch(thumbprints::matches);
        if (!trusted) {
            reject(ctx, new CommsException(ErrorCode.UNTRUSTED_PEER, "This endpoint does not trust the certificate the connecting side "
                    + "presented (thumbprint " + thumbprints.sha1() + ", SHA-256 " + thumbprints.sha256() + "). Add that thumbprint "
                    + "to this endpoint's trusted list (for a Tentacle: tentacle configure --trust THUMBPRINT), or check that the "
                    + "connecting side uses the certificate you expect."));
            return;
        }
        deadline.cancel(false);
        ServerPreambleHandler.accept(ctx.channel());
        Connection connection = context.newConnection(ctx.channel(), false, thumbprints);
        ctx.pipeline().get(ConnectionHandler.class).attach(connection);
        ctx.pipeline().remove(this);
        if (identity instanceof Preamble.Identity.Subscriber subscriber) {
            context.listener().connectionAccepted(ctx.channel().remoteAddress(), thumbprints, "subscriber " + subscriber.subscriptionUri());
            subscribers.subscriberConnected(subscriber.subscriptionId(), connection);
        } else {
            context.listener().connectionAccepted(ctx.channel().remoteAddress(), thumbprints, "client");
        }
    }

    private void reject(ChannelHandlerContext ctx, CommsException reason) {
        rejected(reason);
        ServerPreambleHandler.reject(ctx.channel(), reason);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        CommsException reason = cause instanceof CommsException comms ? comms
                : TlsFailures.classifyIncoming(cause, String.valueOf(ctx.channel().remoteAddress()));
        rejected(reason);
        ctx.close();
    }
}
