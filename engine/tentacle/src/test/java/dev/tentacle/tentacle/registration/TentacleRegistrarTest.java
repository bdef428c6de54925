package dev.tentacle.tentacle.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where a registration says the Tentacle is, and where a polling Tentacle polls. */
class TentacleRegistrarTest {
    static final ServerConnection CONNECTION = new ServerConnection(URI.create("https://octopus.example.com:8443/"),
            "API-X", null);
    static final ServerIdentity SERVER = new ServerIdentity(CONNECTION.address(),
            CertificateFixtures.server().thumbprints(), ServerTrust.TRUSTED_ON_FIRST_USE, 10950, "Octopus Server", "1");

    static RegistrationSettings polling(String address, Integer port) {
        return new RegistrationSettings(CONNECTION, "db01", CommunicationStyle.POLLING, null, null, null, address, port,
                false);
    }

    @Test
    void pollsTheApisHostAtThePortTheServerReports() {
        assertThat(TentacleRegistrar.pollingAddress(polling(null, null), SERVER))
                .isEqualTo(URI.create("https://octopus.example.com:10950/"));
    }

    @Test
    void pollsTheGivenAddressAtItsOwnPortOrTheGivenOne() {
        assertThat(TentacleRegistrar.pollingAddress(polling("comms.example.com", null), SERVER))
                .isEqualTo(URI.create("https://comms.example.com:10950/"));
        assertThat(TentacleRegistrar.pollingAddress(polling("https://comms.example.com:443/", null), SERVER))
                .isEqualTo(URI.create("https://comms.example.com:443/"));
        assertThat(TentacleRegistrar.pollingAddress(polling("comms.example.com:444", null), SERVER))
                .isEqualTo(URI.create("https://comms.example.com:444/"));
        assertThat(TentacleRegistrar.pollingAddress(polling(null, 10943), SERVER))
                .isEqualTo(URI.create("https://octopus.example.com:10943/"));
    }

    @Test
    void aListeningTentacleIsRegisteredAtItsPublicHostAndPort() {
        assertThat(TentacleRegistrar.listeningUri("web01.example.com", 10933)).hasToString("https://web01.example.com:10933/");
        assertThat(TentacleRegistrar.listeningUri("::1", 10933)).hasToString("https://[::1]:10933/");
        assertThat(TentacleRegistrar.listeningUri("[fe80::1]", 10940)).hasToString("https://[fe80::1]:10940/");
        assertThatThrownBy(() -> TentacleRegistrar.listeningUri("web 01", 10933))
                .hasMessageContaining("--publicHostName 'web 01' is not a host name");
    }

    @Test
    void settingsNeedANameAndForListeningAHost() {
        assertThatThrownBy(() -> new RegistrationSettings(CONNECTION, " ", CommunicationStyle.POLLING, null, null, null,
                null, null, false)).hasMessageContaining("--name NAME");
        assertThatThrownBy(() -> new RegistrationSettings(CONNECTION, "web01", CommunicationStyle.LISTENING, null, null,
                null, null, null, false)).hasMessageContaining("--publicHostName HOST");
    }

    @Test
    void theApiKeyIsNeverShown() {
        assertThat(CONNECTION.toString()).doesNotContain("API-X");
        assertThatThrownBy(() -> new ServerConnection(URI.create("https://octopus/"), " ", null))
                .hasMessageContaining("octopus-server create-api-key");
    }

    @Test
    void tagsDropBlanksAndAnEmptyPolicy() {
        var tags = new MachineTags(java.util.List.of(" Production ", ""), null, java.util.List.of("Acme"), " ");

        assertThat(tags.environments()).containsExactly("Production");
        assertThat(tags.roles()).isEmpty();
        assertThat(tags.tenants()).containsExactly("Acme");
        assertThat(tags.policy()).isNull();
    }
}
