package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.server.storage.apikeys.ApiKey;
import dev.tentacle.server.storage.apikeys.ApiKeyId;
import dev.tentacle.server.storage.apikeys.CreatedApiKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API keys, on every database. */
abstract class ApiKeyContract extends StorageContract {

    @Test
    void createsAKeyInTheOctopusFormat() {
        CreatedApiKey created = storage.apiKeys().create("register-with on web01");

        assertThat(created.plainKey()).matches("API-[A-Z2-7]{26}");
        assertThat(created.apiKey().name()).isEqualTo("register-with on web01");
        assertThat(created.apiKey().created()).isEqualTo(TestClock.START.truncatedTo(ChronoUnit.MICROS));
        assertThat(created.apiKey().lastUsed()).isNull();
        assertThat(created.apiKey().isRevoked()).isFalse();
        assertThat(created.toString()).doesNotContain(created.plainKey());
    }

    @Test
    void storesNeitherTheKeyNorAnythingThatContainsIt() throws Exception {
        CreatedApiKey created = storage.apiKeys().create("ci");
        String secretPart = created.plainKey().substring("API-".length());

        List<String> storedValues = new ArrayList<>();
        try (Connection connection = rawConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM api_keys")) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    storedValues.add(String.valueOf(rows.getObject(i)));
                }
            }
        }

        assertThat(storedValues).isNotEmpty().noneMatch(value -> value.contains(secretPart));
    }

    @Test
    void verifiesTheRightKeyAndRecordsItsUse() {
        CreatedApiKey first = storage.apiKeys().create("first");
        CreatedApiKey second = storage.apiKeys().create("second");
        clock.advance(Duration.ofMinutes(5));

        ApiKey verified = storage.apiKeys().verify(second.plainKey()).orElseThrow();

        assertThat(verified.id()).isEqualTo(second.apiKey().id());
        assertThat(verified.lastUsed()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(storage.apiKeys().verify(first.plainKey())).map(ApiKey::id).contains(first.apiKey().id());
    }

    @Test
    void rejectsUnknownAndMalformedKeys() {
        CreatedApiKey created = storage.apiKeys().create("ci");
        String lastCharacterChanged = created.plainKey().substring(0, 29)
                + (created.plainKey().endsWith("A") ? "B" : "A");

        assertThat(storage.apiKeys().verify(lastCharacterChanged)).isEmpty();
        assertThat(storage.apiKeys().verify(created.plainKey().toLowerCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(storage.apiKeys().verify("API-")).isEmpty();
        assertThat(storage.apiKeys().verify("")).isEmpty();
        assertThat(storage.apiKeys().verify(null)).isEmpty();
        assertThat(storage.apiKeys().get(created.apiKey().id()).orElseThrow().lastUsed()).isNull();
    }

    @Test
    void aRevokedKeyNoLongerVerifies() {
        CreatedApiKey created = storage.apiKeys().create("ci");

        assertThat(storage.apiKeys().revoke(created.apiKey().id())).isTrue();

        assertThat(storage.apiKeys().verify(created.plainKey())).isEmpty();
        assertThat(storage.apiKeys().get(created.apiKey().id()).orElseThrow().isRevoked()).isTrue();
        assertThat(storage.apiKeys().revoke(created.apiKey().id())).isFalse();
        assertThat(storage.apiKeys().revoke(new ApiKeyId(999))).isFalse();
    }

    @Test
    void listsAllKeysOldestFirstWithoutSecrets() {
        CreatedApiKey first = storage.apiKeys().create("first");
        CreatedApiKey second = storage.apiKeys().create("second");
        storage.apiKeys().revoke(first.apiKey().id());

        assertThat(storage.apiKeys().list()).extracting(ApiKey::name, ApiKey::isRevoked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", true),
                        org.assertj.core.groups.Tuple.tuple("second", false));
        assertThat(storage.apiKeys().list().get(1)).isEqualTo(second.apiKey());
    }

    @Test
    void twoKeysAreNeverEqual() {
        assertThat(storage.apiKeys().create("a").plainKey()).isNotEqualTo(storage.apiKeys().create("a").plainKey());
    }
}
