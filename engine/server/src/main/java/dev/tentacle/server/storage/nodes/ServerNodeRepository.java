package dev.tentacle.server.storage.nodes;

import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.ConnectionScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The nodes of this server, each kept alive by its own heartbeat. */
public final class ServerNodeRepository {

    private static final String SELECT = "SELECT name, started, last_seen, comms_port, api_url FROM server_nodes ";

    private final ConnectionScope scope;
    private final InstantSource clock;

    /** Created by {@code Storage}; use {@code storage.nodes()}. */
    public ServerNodeRepository(ConnectionScope scope, InstantSource clock) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records that the node started now: a new row, or the node's old row renewed. */
    public ServerNodeRecord started(String name, Integer commsPort, String apiUrl) {
        Objects.requireNonNull(name, "name");
        return scope.withConnection("recording that server node " + name + " started", connection -> {
            Instant now = clock.instant();
            try (PreparedStatement update = connection.prepareStatement("UPDATE server_nodes SET started = ?, "
                    + "last_seen = ?, comms_port = ?, api_url = ? WHERE name = ?")) {
                Columns.setInstant(update, 1, now);
                Columns.setInstant(update, 2, now);
                Columns.setNullableInt(update, 3, commsPort);
                update.setString(4, apiUrl);
                update.setString(5, name);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO server_nodes "
                            + "(name, started, last_seen, comms_port, api_url) VALUES (?, ?, ?, ?, ?)")) {
                        insert.setString(1, name);
                        Columns.setInstant(insert, 2, now);
                        Columns.setInstant(insert, 3, now);
                        Columns.setNullableInt(insert, 4, commsPort);
                        insert.setString(5, apiUrl);
                        insert.executeUpdate();
                    }
                }
            }
            return new ServerNodeRecord(name, Columns.stored(now), Columns.stored(now), commsPort, apiUrl);
        });
    }

    /** Records that the node is alive now. */
    public void heartbeat(String name) {
        Objects.requireNonNull(name, "name");
        scope.withConnection("recording that server node " + name + " is alive", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE server_nodes SET last_seen = ? WHERE name = ?")) {
                Columns.setInstant(update, 1, clock.instant());
                update.setString(2, name);
                return update.executeUpdate();
            }
        });
    }

    /** Every node that ever started, by name. */
    public List<ServerNodeRecord> list() {
        return scope.withConnection("listing the server nodes", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "ORDER BY name")) {
                return read(select);
            }
        });
    }

    /** Nodes other than {@code self} not seen since {@code seenBefore}: stopped, or cut off from the database. */
    public List<ServerNodeRecord> silentSince(Instant seenBefore, String self) {
        Objects.requireNonNull(seenBefore, "seenBefore");
        return scope.withConnection("listing the server nodes that stopped reporting", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE last_seen < ? AND name <> ? ORDER BY name")) {
                Columns.setInstant(select, 1, seenBefore);
                select.setString(2, self == null ? "" : self);
                return read(select);
            }
        });
    }

    /** Forgets a node, when it is shut down for good; returns whether it was known. */
    public boolean remove(String name) {
        Objects.requireNonNull(name, "name");
        return scope.withConnection("removing server node " + name, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM server_nodes WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private static List<ServerNodeRecord> read(PreparedStatement select) throws SQLException {
        List<ServerNodeRecord> nodes = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                nodes.add(new ServerNodeRecord(rows.getString("name"), Columns.getInstant(rows, "started"),
                        Columns.getInstant(rows, "last_seen"), Columns.getNullableInt(rows, "comms_port"),
                        rows.getString("api_url")));
            }
        }
        return List.copyOf(nodes);
    }
}
