package dev.tentacle.comms.internal.polling;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.connection.Connection;
import dev.tentacle.comms.internal.rpc.OutgoingCall;
import dev.tentacle.comms.internal.connection.SubscriberSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Server side of polling: one queue of pending calls per subscription. Subscriber connections register here when
 * they are accepted; a call for {@code poll://ID/} goes to the least busy connection of that subscription whose
 * certificate matches the endpoint's thumbprint, or waits until one arrives, at most the pickup timeout.
 */
public final class PollingQueues implements SubscriberSink, AutoCloseable {
    private final Map<String, SubscriptionQueue> queues = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Duration pickupTimeout;

    public PollingQueues(ScheduledExecutorService timer, Duration pickupTimeout) {
        this.timer = timer;
        this.pickupTimeout = pickupTimeout;
    }

    public void enqueue(ServiceEndpoint endpoint, OutgoingCall call) {
        queue(endpoint.host()).enqueue(endpoint.remoteThumbprint(), call, pickupTimeout, timer);
    }

    @Override
    public void subscriberConnected(String subscriptionId, Connection connection) {
        SubscriptionQueue queue = queue(subscriptionId);
        queue.connected(connection);
        connection.onClose(reason -> queue.disconnected(connection));
    }

    /** Open subscriber connections of the subscription; for diagnostics and tests. */
    public int connectedSubscribers(String subscriptionId) {
        SubscriptionQueue queue = queues.get(subscriptionId.toLowerCase(java.util.Locale.ROOT));
        return queue == null ? 0 : queue.connectionCount();
    }

    private SubscriptionQueue queue(String subscriptionId) {
        String key = subscriptionId.toLowerCase(java.util.Locale.ROOT);
        return queues.computeIfAbsent(key, SubscriptionQueue::new);
    }

    @Override
    public void close() {
        CommsException shutdown = new CommsException(ErrorCode.SHUTTING_DOWN, "The comms runtime is shutting down.");
        queues.values().forEach(queue -> queue.failAll(shutdown));
    }
}
