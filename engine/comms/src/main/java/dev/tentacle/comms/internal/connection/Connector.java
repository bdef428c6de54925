package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.preamble.Preamble;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** Opens an authenticated connection to a listening endpoint, directly or through an HTTP CONNECT proxy. */
public final class Connector {
    private final RuntimeContext context;

    public Connector(RuntimeContext context) {
        this.context = context;
    }

    public CompletableFuture<Connection> connect(ServiceEndpoint endpoint, Preamble.Identity identity) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(context.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, context.options().connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        Pipelines.client(channel.pipeline(), context, endpoint, new ClientSetup(context, endpoint, identity, result));
                    }
                });
        if (endpoint.proxySettings().isPresent()) {
            // The proxy handler connects to the proxy and asks it to CONNECT to the target; the proxy resolves the name.
            bootstrap.resolver(NoopAddressResolverGroup.INSTANCE);
        }
        ChannelFuture connecting = bootstrap.connect(InetSocketAddress.createUnresolved(endpoint.host(), endpoint.port()));
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(ConnectFailures.classify(f.cause(), endpoint));
            }
        });
        result.whenComplete((connection, failure) -> {
            if (result.isCancelled()) {
                connecting.channel().close();
            }
        });
        return result;
    }
}
