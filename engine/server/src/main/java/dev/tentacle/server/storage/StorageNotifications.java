package dev.tentacle.server.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every server node sharing the database that something changed, so they act at once instead of at their next
 * scan. On PostgreSQL this is {@code NOTIFY}/{@code LISTEN}, on a connection of its own that reconnects after an
 * outage (and then wakes its subscribers, since notifications sent meanwhile were lost). On H2, which one process
 * owns, subscribers in this process are called directly.
 *
 * <p>Notifications only make nodes act sooner: every node also scans on a timer, so a lost notification delays
 * work, never loses it.
 */
public final class StorageNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageNotifications.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final StorageConfiguration configuration;
    private final Storage storage;
    private final Map<StorageChannel, List<Runnable>> subscribers = new EnumMap<>(StorageChannel.class);
    private volatile boolean closed;
    private Thread listener;

    StorageNotifications(StorageConfiguration configuration, Storage storage) {
        this.configuration = configuration;
        this.storage = storage;
        for (StorageChannel channel : StorageChannel.values()) {
            subscribers.put(channel, new CopyOnWriteArrayList<>());
        }
    }

    /**
     * Announces a change on {@code channel}. On PostgreSQL it reaches every node; failures are logged, not thrown,
     * because the change itself is already stored and scans will find it.
     */
    public void publish(StorageChannel channel) {
        Objects.requireNonNull(channel, "channel");
        if (configuration.kind() == DatabaseKind.H2) {
            fire(channel);
            return;
        }
        try {
            storage.announce(channel);
        } catch (StorageException e) {
            LOG.warn("Could not announce a change on {}: {}; other nodes will see it at their next scan",
                    channel.sqlName(), e.getMessage());
        }
    }

    /**
     * Calls {@code subscriber} whenever a change is announced on {@code channel}, on a background thread, until the
     * returned handle is closed.
     */
    public synchronized AutoCloseable subscribe(StorageChannel channel, Runnable subscriber) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(subscriber, "subscriber");
        if (closed) {
            throw new IllegalStateException("The storage notifications are closed");
        }
        subscribers.get(channel).add(subscriber);
        if (configuration.kind() == DatabaseKind.POSTGRESQL && listener == null) {
            listener = Thread.ofPlatform().daemon().name("octopus-storage-listener").start(this::listenLoop);
        }
        return () -> subscribers.get(channel).remove(subscriber);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listenLoop() {
        boolean reconnecting = false;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(configuration.jdbcUrl(), configuration.user(),
                    configuration.password())) {
                try (Statement statement = connection.createStatement()) {
                    for (StorageChannel channel : StorageChannel.values()) {
                        statement.execute("LISTEN " + channel.sqlName());
                    }
                }
                if (reconnecting) {
                    LOG.info("Listening for changes from other server nodes again");
                    for (StorageChannel channel : StorageChannel.values()) {
                        fire(channel);
                    }
                }
                reconnecting = true;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            for (StorageChannel channel : StorageChannel.values()) {
                                if (channel.sqlName().equals(notification.getName())) {
                                    fire(channel);
                                }
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                reconnecting = true;
                LOG.warn("Lost the database connection that hears other server nodes' changes ({}); reconnecting in {} s."
                        + " Until then this node finds new work at its regular scans", e.getMessage(),
                        RECONNECT_DELAY.toSeconds());
                try {
                    Thread.sleep(RECONNECT_DELAY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void fire(StorageChannel channel) {
        for (Runnable subscriber : subscribers.get(channel)) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                LOG.warn("A subscriber to {} failed: {}", channel.sqlName(), e.toString());
            }
        }
    }
}
