package dev.tentacle.server.node;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a server node runs.
 *
 * @param name the node's name, unique among the nodes sharing a database (default: the host name)
 * @param commsListen where polling Tentacles connect (default port 10943 on every interface); port 0 picks a free one
 * @param scanInterval how often the node looks for queued work even without a notification (default 1 s)
 * @param pollingClaimGrace how long a machine part for a polling Tentacle that is not connected to this node waits for
 *     the node it is connected to, before this node takes it anyway and waits for the Tentacle to poll (default 10 s)
 * @param maxConcurrentTargets machine parts of tasks this node runs at once (default 50)
 * @param heartbeatInterval how often the node records that it is alive (default 10 s)
 * @param silentNodeTimeout a node not seen for this long is taken as stopped, and its running work is failed so its
 *     tasks can finish (default 2 min)
 * @param scheduleInterval how often the node looks for machines whose scheduled health check is due (default 30 s)
 */
public record NodeSettings(
        String name,
        InetSocketAddress commsListen,
        Duration scanInterval,
        Duration pollingClaimGrace,
        int maxConcurrentTargets,
        Duration heartbeatInterval,
        Duration silentNodeTimeout,
        Duration scheduleInterval) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public NodeSettings {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A server node name is 1 to 100 letters, digits, '.', '_' or '-', starting"
                    + " with a letter or digit; was " + (name == null ? "missing" : "'" + name + "'"));
        }
        Objects.requireNonNull(commsListen, "commsListen");
        positive(scanInterval, "scanInterval");
        positive(pollingClaimGrace, "pollingClaimGrace");
        if (maxConcurrentTargets < 1 || maxConcurrentTargets > 10_000) {
            throw new IllegalArgumentException("maxConcurrentTargets must be 1 to 10000, was " + maxConcurrentTargets);
        }
        positive(heartbeatInterval, "heartbeatInterval");
        positive(silentNodeTimeout, "silentNodeTimeout");
        if (silentNodeTimeout.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("silentNodeTimeout (" + silentNodeTimeout + ") must be at least three "
                    + "heartbeat intervals (" + heartbeatInterval.multipliedBy(3) + "), or busy nodes would be taken as stopped");
        }
        positive(scheduleInterval, "scheduleInterval");
    }

    /** The production defaults, for a node of this name listening for polling Tentacles on {@code commsListen}. */
    public static NodeSettings defaults(String name, InetSocketAddress commsListen) {
        return new NodeSettings(name, commsListen, Duration.ofSeconds(1), Duration.ofSeconds(10), 50,
                Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    public NodeSettings withCommsListen(InetSocketAddress value) {
        return new NodeSettings(name, value, scanInterval, pollingClaimGrace, maxConcurrentTargets, heartbeatInterval,
                silentNodeTimeout, scheduleInterval);
    }

    public NodeSettings withScanInterval(Duration value) {
        return new NodeSettings(name, commsListen, value, pollingClaimGrace, maxConcurrentTargets, heartbeatInterval,
                silentNodeTimeout, scheduleInterval);
    }

    public NodeSettings withPollingClaimGrace(Duration value) {
        return new NodeSettings(name, commsListen, scanInterval, value, maxConcurrentTargets, heartbeatInterval,
                silentNodeTimeout, scheduleInterval);
    }

    public NodeSettings withHeartbeat(Duration interval, Duration silentTimeout) {
        return new NodeSettings(name, commsListen, scanInterval, pollingClaimGrace, maxConcurrentTargets, interval,
                silentTimeout, scheduleInterval);
    }

    public NodeSettings withScheduleInterval(Duration value) {
        return new NodeSettings(name, commsListen, scanInterval, pollingClaimGrace, maxConcurrentTargets, heartbeatInterval,
                silentNodeTimeout, value);
    }

    private static void positive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
