package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.framing.FrameDecoder;
import dev.tentacle.comms.internal.framing.FrameEncoder;
import dev.tentacle.comms.internal.preamble.PlainTextProbeHandler;
import dev.tentacle.comms.internal.preamble.ServerPreambleHandler;
import dev.tentacle.comms.internal.preamble.WelcomePage;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The one place that decides which handlers a connection has, and in which order. */
final class Pipelines {
    private Pipelines() {
    }

    /** probe (then TLS) → preamble → frames → idle → authenticator → connection. */
    static void server(ChannelPipeline pipeline, RuntimeContext context, WelcomePage welcome, SubscriberSink subscribers) {
        CommsOptions options = context.options();
        SslHandler tls = context.serverContext().newHandler(pipeline.channel().alloc());
        tls.setHandshakeTimeoutMillis(0); // the authenticator's pre-authentication deadline covers the handshake
        ServerAuthenticator authenticator = new ServerAuthenticator(context, subscribers);
        pipeline.addLast(PipelineNames.PROBE, new PlainTextProbeHandler(PipelineNames.TLS, tls, authenticator::rejected));
        pipeline.addLast(PipelineNames.PREAMBLE, new ServerPreambleHandler(welcome, context.listener()::welcomePageServed));
        addFraming(pipeline, options);
        pipeline.addLast(PipelineNames.AUTHENTICATOR, authenticator);
        pipeline.addLast(PipelineNames.CONNECTION, new ConnectionHandler(options.heartbeatInterval()));
    }

    /** [proxy] → HTTP-answer sniffer → TLS → (preamble, added after the handshake) → frames → idle → setup → connection. */
    static void client(ChannelPipeline pipeline, RuntimeContext context, ServiceEndpoint endpoint, ClientSetup setup) {
        CommsOptions options = context.options();
        endpoint.proxySettings().ifPresent(proxy -> {
            InetSocketAddress proxyAddress = new InetSocketAddress(proxy.host(), proxy.port());
            HttpProxyHandler handler = proxy.hasCredentials()
                    ? new HttpProxyHandler(proxyAddress, proxy.username(), proxy.password() == null ? "" : proxy.password())
                    : new HttpProxyHandler(proxyAddress);
            handler.setConnectTimeoutMillis(options.connectTimeout().toMillis());
            pipeline.addLast(PipelineNames.PROXY, handler);
        });
        SslHandler tls = context.clientContext(endpoint.remoteThumbprint()).newHandler(pipeline.channel().alloc(), endpoint.host(), endpoint.port());
        tls.setHandshakeTimeoutMillis(0); // the set-up deadline covers the handshake
        pipeline.addLast(PipelineNames.HTTP_SNIFFER, new HttpAnswerSniffer(endpoint.host() + ":" + endpoint.port()));
        pipeline.addLast(PipelineNames.TLS, tls);
        addFraming(pipeline, options);
        pipeline.addLast(PipelineNames.SETUP, setup);
        pipeline.addLast(PipelineNames.CONNECTION, new ConnectionHandler(options.heartbeatInterval()));
    }

    private static void addFraming(ChannelPipeline pipeline, CommsOptions options) {
        pipeline.addLast(PipelineNames.FRAME_DECODER, new FrameDecoder(options.maxFrameSize()));
        pipeline.addLast(PipelineNames.FRAME_ENCODER, new FrameEncoder(options.maxFrameSize()));
        long heartbeat = options.heartbeatInterval().toMillis();
        pipeline.addLast(PipelineNames.IDLE, new IdleStateHandler(heartbeat * 3, heartbeat, 0, TimeUnit.MILLISECONDS));
    }
}
