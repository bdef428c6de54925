package dev.tentacle.comms.internal.polling;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.internal.connection.Connection;
import dev.tentacle.comms.internal.rpc.OutgoingCall;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The pending calls and live connections of one polling subscription. */
final class SubscriptionQueue {
    private final String subscriptionId;
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final List<Connection> connections = new ArrayList<>();

    private record Pending(Thumbprint expected, OutgoingCall call, ScheduledFuture<?> timeout) {
    }

    SubscriptionQueue(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    void enqueue(Thumbprint expected, OutgoingCall call, Duration pickupTimeout, ScheduledExecutorService timer) {
        Connection target;
        synchronized (this) {
            target = pick(expected).orElse(null);
            if (target == null) {
                ScheduledFuture<?> timeout = timer.schedule(() -> expire(call, expected, pickupTimeout),
                        pickupTimeout.toMillis(), TimeUnit.MILLISECONDS);
                Pending pending = new Pending(expected, call, timeout);
                waiting.add(pending);
                call.result().whenComplete((v, e) -> {
                    synchronized (this) {
                        waiting.remove(pending);
                    }
                    timeout.cancel(false);
                });
                return;
            }
        }
        target.call(call);
    }

    void connected(Connection connection) {
        List<Pending> ready = new ArrayList<>();
        synchronized (this) {
            connections.add(connection);
            waiting.removeIf(pending -> {
                if (connection.peer().matches(pending.expected())) {
                    ready.add(pending);
                    return true;
                }
                return false;
            });
        }
        for (Pending pending : ready) {
            pending.timeout().cancel(false);
            // Spread the backlog over all live connections, least busy first.
            Connection target;
            synchronized (this) {
                target = pick(pending.expected()).orElse(connection);
            }
            target.call(pending.call());
        }
    }

    synchronized void disconnected(Connection connection) {
        connections.remove(connection);
    }

    synchronized int connectionCount() {
        return (int) connections.stream().filter(Connection::isOpen).count();
    }

    void failAll(CommsException reason) {
        List<Pending> all;
        synchronized (this) {
            all = new ArrayList<>(waiting);
            waiting.clear();
        }
        all.forEach(p -> p.call().result().completeExceptionally(reason));
    }

    private Optional<Connection> pick(Thumbprint expected) {
        return connections.stream()
                .filter(Connection::isOpen)
                .filter(c -> c.peer().matches(expected))
                .min(Comparator.comparingInt(Connection::inFlight));
    }

    private void expire(OutgoingCall call, Thumbprint expected, Duration pickupTimeout) {
        String detail;
        synchronized (this) {
            List<String> others = connections.stream().filter(Connection::isOpen)
                    .map(c -> c.peer().sha1().hex()).distinct().toList();
            detail = others.isEmpty()
                    ? " No Tentacle polling with this subscription is connected. Is it running, does it poll this server's "
                            + "address and port, and does it trust this server's thumbprint? Its log says why it cannot connect."
                    : " A Tentacle with this subscription is connected, but its certificate (" + String.join(", ", others)
                            + ") does not match the expected thumbprint " + expected + ". Update the thumbprint registered for "
                            + "this machine, or check which Tentacle is using this subscription id.";
        }
        call.result().completeExceptionally(new CommsException(ErrorCode.PICKUP_TIMEOUT, call.description()
                + " for poll://" + subscriptionId + "/ was not collected within " + pickupTimeout.toSeconds() + " s." + detail));
    }
}
