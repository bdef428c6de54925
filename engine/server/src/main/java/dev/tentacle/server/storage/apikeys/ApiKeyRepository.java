package dev.tentacle.server.storage.apikeys;

import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.internal.Names;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** API keys: created once in plain text, stored as a salted hash (see {@link ApiKeyHashing}), verified, revoked. */
public final class ApiKeyRepository {

    private static final String SELECT = "SELECT id, name, created, last_used, revoked FROM api_keys ";

    private final ConnectionScope scope;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    /** Created by {@code Storage}; use {@code storage.apiKeys()} or {@code tx.apiKeys()}. */
    public ApiKeyRepository(ConnectionScope scope, InstantSource clock) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a key. The result holds the plain key, which exists nowhere else: show it once.
     *
     * @param name what the key is for; several keys may share a name
     */
    public CreatedApiKey create(String name) {
        String checkedName = Names.require(name, "API key name");
        String plainKey = ApiKeyHashing.newKey(random);
        byte[] salt = ApiKeyHashing.newSalt(random);
        byte[] hash = ApiKeyHashing.hash(salt, plainKey);
        return scope.withConnection("creating API key '" + checkedName + "'", connection -> {
            String sql = "INSERT INTO api_keys (name, salt, key_hash, created) VALUES (?, ?, ?, ?)";
            try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
                insert.setString(1, checkedName);
                insert.setString(2, Base64.getEncoder().encodeToString(salt));
                insert.setString(3, Base64.getEncoder().encodeToString(hash));
                Columns.setInstant(insert, 4, clock.instant());
                insert.executeUpdate();
                ApiKeyId id = new ApiKeyId(Columns.generatedId(insert));
                return new CreatedApiKey(find(connection, id).orElseThrow(), plainKey);
            }
        });
    }

    /**
     * Checks a presented key against every valid stored key, hashing it once per key and never stopping early, so the
     * time taken depends on how many keys exist and not on which one (if any) matches. A match records the time of
     * use.
     *
     * @return the matching key, or empty when the key is unknown, malformed or revoked
     */
    public Optional<ApiKey> verify(String presentedKey) {
        if (!ApiKeyHashing.isWellFormed(presentedKey)) {
            return Optional.empty();
        }
        return scope.withConnection("verifying an API key", connection -> {
            Long matched = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, salt, key_hash FROM api_keys WHERE revoked IS NULL");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] salt = Base64.getDecoder().decode(rows.getString("salt"));
                    byte[] expected = Base64.getDecoder().decode(rows.getString("key_hash"));
                    if (MessageDigest.isEqual(expected, ApiKeyHashing.hash(salt, presentedKey))) {
                        matched = rows.getLong("id");
                    }
                }
            }
            if (matched == null) {
                return Optional.empty();
            }
            ApiKeyId id = new ApiKeyId(matched);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE api_keys SET last_used = ? WHERE id = ? AND revoked IS NULL")) {
                Columns.setInstant(update, 1, clock.instant());
                update.setLong(2, id.value());
                if (update.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return find(connection, id);
        });
    }

    public Optional<ApiKey> get(ApiKeyId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("reading API key " + id, connection -> find(connection, id));
    }

    /** All keys, revoked ones included, oldest first. */
    public List<ApiKey> list() {
        return scope.withConnection("listing API keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "ORDER BY id")) {
                return read(select);
            }
        });
    }

    /**
     * Revokes a key: it stops verifying at once and for good.
     *
     * @return true if this call revoked it; false when there is no such key or it was already revoked
     */
    public boolean revoke(ApiKeyId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("revoking API key " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE api_keys SET revoked = ? WHERE id = ? AND revoked IS NULL")) {
                Columns.setInstant(update, 1, clock.instant());
                update.setLong(2, id.value());
                return update.executeUpdate() == 1;
            }
        });
    }

    private static Optional<ApiKey> find(Connection connection, ApiKeyId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE id = ?")) {
            select.setLong(1, id.value());
            return read(select).stream().findFirst();
        }
    }

    private static List<ApiKey> read(PreparedStatement select) throws SQLException {
        List<ApiKey> keys = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(new ApiKey(new ApiKeyId(rows.getLong("id")), rows.getString("name"),
                        Columns.getInstant(rows, "created"), Columns.getInstant(rows, "last_used"),
                        Columns.getInstant(rows, "revoked")));
            }
        }
        return List.copyOf(keys);
    }
}
