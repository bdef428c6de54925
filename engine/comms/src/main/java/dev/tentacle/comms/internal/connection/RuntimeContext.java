package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.internal.rpc.RpcCodec;
import dev.tentacle.comms.internal.rpc.ServiceRegistry;
import dev.tentacle.comms.internal.tls.TlsContexts;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What every connection of one runtime shares: its identity, trust, options, services, I/O threads and the
 * virtual-thread executor that runs service calls and stream senders.
 */
public final class RuntimeContext implements AutoCloseable {
    private final CertificateIdentity identity;
    private final Supplier<TrustList> trust;
    private final CommsOptions options;
    private final ServiceRegistry services;
    private final CommsListener listener;
    private final RpcCodec codec = new RpcCodec();
    private final EventLoopGroup group;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("comms-worker-", 0).factory());
    private final Map<Thumbprint, SslContext> clientContexts = new ConcurrentHashMap<>();
    private volatile SslContext serverContext;

    public RuntimeContext(CertificateIdentity identity, Supplier<TrustList> trust, CommsOptions options, ServiceRegistry services,
            CommsListener listener) {
        this.identity = identity;
        this.trust = trust;
        this.options = options;
        this.services = services;
        this.listener = listener;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.group = new MultiThreadIoEventLoopGroup(threads, Thread.ofPlatform().name("comms-io-", 0).daemon(true).factory(),
                NioIoHandler.newFactory());
    }

    public CertificateIdentity identity() {
        return identity;
    }

    public TrustList trust() {
        return trust.get();
    }

    public CommsOptions options() {
        return options;
    }

    public ServiceRegistry services() {
        return services;
    }

    public CommsListener listener() {
        return listener;
    }

    public RpcCodec codec() {
        return codec;
    }

    public EventLoopGroup group() {
        return group;
    }

    public ExecutorService workers() {
        return workers;
    }

    public SslContext serverContext() {
        SslContext context = serverContext;
        if (context == null) {
            synchronized (this) {
                if (serverContext == null) {
                    serverContext = TlsContexts.server(identity, options.tlsProvider());
                }
                context = serverContext;
            }
        }
        return context;
    }

    public SslContext clientContext(Thumbprint expectedServer) {
        return clientContexts.computeIfAbsent(expectedServer, t -> TlsContexts.client(identity, t, options.tlsProvider()));
    }

    public Connection newConnection(io.netty.channel.Channel channel, boolean initiator, dev.tentacle.comms.CertificateThumbprints peer) {
        return new Connection(channel, initiator, peer, codec, options, services, workers);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownNow();
    }
}
