package dev.tentacle.comms.internal;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.internal.connection.ConnectionPool;
import dev.tentacle.comms.internal.connection.ListeningAcceptor;
import dev.tentacle.comms.internal.rpc.OutgoingCall;
import dev.tentacle.comms.internal.connection.RuntimeContext;
import dev.tentacle.comms.internal.polling.PollingQueues;
import dev.tentacle.comms.internal.polling.PollingSubscriber;
import dev.tentacle.comms.internal.preamble.WelcomePage;
import dev.tentacle.comms.internal.rpc.ClientProxy;
import dev.tentacle.comms.internal.rpc.ServiceRegistry;
import dev.tentacle.comms.internal.tls.TlsContexts;
import dev.tentacle.comms.retry.RetryingCaller;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The implementation behind {@link dev.tentacle.comms.CommsRuntime}; keeps Netty out of the public API. */
public final class CommsEngine implements AutoCloseable {
    private static final String VERSION = CommsEngine.class.getPackage().getImplementationVersion() == null
            ? "development build" : CommsEngine.class.getPackage().getImplementationVersion();

    private final RuntimeContext context;
    private final ConnectionPool pool;
    private final PollingQueues queues;
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, PollingSubscriber> subscribers = new ConcurrentHashMap<>();
    private volatile TrustList trust;

    public CommsEngine(CertificateIdentity identity, TrustList trust, CommsOptions options, CommsListener listener,
            Map<Class<?>, Object> services) {
        this.trust = trust;
        ServiceRegistry registry = new ServiceRegistry();
        services.forEach((type, implementation) -> register(registry, type, implementation));
        this.context = new RuntimeContext(identity, () -> this.trust, options, registry, listener);
        this.pool = new ConnectionPool(context);
        this.queues = new PollingQueues(context.group(), options.pickupTimeout());
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(ServiceRegistry registry, Class<T> type, Object implementation) {
        registry.register(type, (T) implementation);
    }

    public int listen(InetSocketAddress address, String description) {
        Channel channel = ListeningAcceptor.bind(context, address, new WelcomePage(description, VERSION), queues);
        listeners.add(channel);
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public void poll(String subscriptionId, ServiceEndpoint server) {
        if (server.isPolling()) {
            throw new IllegalArgumentException("Poll a server at its https:// address, not " + server.uri());
        }
        String key = ServiceEndpoint.pollingUri(subscriptionId) + " " + server.uri();
        PollingSubscriber subscriber = new PollingSubscriber(context, subscriptionId, server);
        if (subscribers.putIfAbsent(key, subscriber) != null) {
            throw new IllegalStateException("This side already polls " + server.uri() + " as " + subscriptionId + ".");
        }
        subscriber.start();
    }

    public void stopPolling(String subscriptionId, ServiceEndpoint server) {
        PollingSubscriber subscriber = subscribers.remove(ServiceEndpoint.pollingUri(subscriptionId) + " " + server.uri());
        if (subscriber != null) {
            subscriber.close();
        }
    }

    public <T> T client(ServiceEndpoint endpoint, Class<T> service, RetryingCaller retrying) {
        return ClientProxy.create(service, endpoint, context.codec(), this::route, retrying);
    }

    private void route(ServiceEndpoint endpoint, OutgoingCall call) {
        if (endpoint.isPolling()) {
            queues.enqueue(endpoint, call);
            return;
        }
        pool.acquire(endpoint).whenComplete((connection, failure) -> {
            if (failure != null) {
                call.result().completeExceptionally(failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause() : failure);
            } else {
                connection.call(call);
            }
        });
    }

    public void trust(TrustList newTrust) {
        this.trust = newTrust;
    }

    public TrustList trust() {
        return trust;
    }

    public CertificateThumbprints thumbprints() {
        return context.identity().thumbprints();
    }

    public CommsOptions options() {
        return context.options();
    }

    public int connectedSubscribers(String subscriptionId) {
        return queues.connectedSubscribers(subscriptionId);
    }

    public int openConnections(ServiceEndpoint endpoint) {
        return pool.openConnections(endpoint);
    }

    public String tlsImplementation() {
        return TlsContexts.sslProvider(context.options().tlsProvider()) == io.netty.handler.ssl.SslProvider.JDK ? "JDK" : "OpenSSL (BoringSSL)";
    }

    @Override
    public void close() {
        subscribers.values().forEach(PollingSubscriber::close);
        subscribers.clear();
        listeners.forEach(channel -> channel.close().syncUninterruptibly());
        queues.close();
        pool.close();
        context.close();
    }
}
