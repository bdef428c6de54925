package dev.tentacle.comms.internal.tls;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;

/**
 * Real TLS handshakes between a Netty server and a Netty client over loopback, each side observed separately:
 * its handshake outcome, and the first error it sees afterwards (where a TLS 1.3 rejection of the client shows up).
 */
final class TlsLoopback implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 20;

    /** What one side of a connection saw. */
    record Side(CompletableFuture<SSLSession> handshake, CompletableFuture<Throwable> laterError) {
        Side() {
            this(new CompletableFuture<>(), new CompletableFuture<>());
        }

        SSLSession session() throws Exception {
            return handshake.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        /** The handshake failure, or the first error after a successful handshake. */
        Throwable failure() throws Exception {
            try {
                handshake.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            }
            return laterError.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private Channel serverChannel;
    private final CompletableFuture<Side> serverSide = new CompletableFuture<>();

    /** Starts a TLS server on an ephemeral loopback port. */
    int startServer(SslContext context) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        Side side = new Side();
                        SslHandler ssl = context.newHandler(channel.alloc());
                        channel.pipeline().addLast(ssl, new Observer(side));
                        watch(ssl.handshakeFuture(), side);
                        serverSide.complete(side);
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return port();
    }

    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The server side of the first accepted connection. */
    Side serverSide() throws Exception {
        return serverSide.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Connects a TLS client to the port and returns what it sees. */
    Side connect(SslContext context, int port) throws InterruptedException {
        Side side = new Side();
        new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        SslHandler ssl = context.newHandler(channel.alloc(), "localhost", port);
                        channel.pipeline().addLast(ssl, new Observer(side));
                        watch(ssl.handshakeFuture(), side);
                    }
                })
                .connect(new InetSocketAddress("127.0.0.1", port)).sync();
        return side;
    }

    private static void watch(Future<Channel> handshake, Side side) {
        handshake.addListener(f -> {
            if (f.isSuccess()) {
                side.handshake().complete(((Channel) f.getNow()).pipeline().get(SslHandler.class).engine().getSession());
            } else {
                side.handshake().completeExceptionally(f.cause());
            }
        });
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Records the first exception, and an end of stream, after the handshake. */
    private static final class Observer extends ChannelInboundHandlerAdapter {
        private final Side side;

        Observer(Side side) {
            this.side = side;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            side.laterError().complete(cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            side.laterError().complete(new java.nio.channels.ClosedChannelException());
            ctx.fireChannelInactive();
        }
    }
}
