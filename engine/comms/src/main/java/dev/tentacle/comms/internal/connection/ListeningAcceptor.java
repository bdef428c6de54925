package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.preamble.WelcomePage;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.BindException;
import java.net.InetSocketAddress;

/** Binds a TLS port that serves callers, polling subscribers and browsers (the welcome page). */
public final class ListeningAcceptor {
    private ListeningAcceptor() {
    }

    /**
     * @return the bound server channel; close it to stop listening
     * @throws CommsException ADDRESS_IN_USE when another process holds the port
     */
    public static Channel bind(RuntimeContext context, InetSocketAddress address, WelcomePage welcome, SubscriberSink subscribers) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(context.group())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        Pipelines.server(channel.pipeline(), context, welcome, subscribers);
                    }
                });
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            if (cause instanceof BindException) {
                throw new CommsException(ErrorCode.ADDRESS_IN_USE, "Port " + address.getPort() + " on " + address.getHostString()
                        + " is already in use by another process, so this endpoint cannot listen there. Stop the process that "
                        + "holds it (find it with 'ss -ltnp' on Linux or 'netstat -o -n -a -b' on Windows; a leftover child process "
                        + "of an earlier agent can hold it), or configure a different port.", cause);
            }
            throw new CommsException(ErrorCode.ADDRESS_IN_USE, "Could not listen on " + address + ": " + cause.getMessage(), cause);
        }
        return bound.channel();
    }
}
