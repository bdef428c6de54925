package dev.tentacle.instances.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TentacleConfigurationTest {
    static final Path HOME = Path.of("/srv/octopus/Tentacle").toAbsolutePath();
    static final Thumbprint SERVER_A = Thumbprint.parse("AA".repeat(20));
    static final Thumbprint SERVER_B = Thumbprint.parse("BB".repeat(32));
    static final Thumbprint SERVER_C = Thumbprint.parse("CC".repeat(20));
    static final URI POLL_ADDRESS = URI.create("https://octopus.example.com:10943/");

    private final TentacleConfiguration defaults = TentacleConfiguration.defaults(HOME);

    @Test
    void defaultsListenOn10933WithFivePollingConnectionsAndNoProxyTrustOrCertificate() {
        assertThat(defaults.homeDirectory()).isEqualTo(HOME);
        assertThat(defaults.applicationDirectory()).isEqualTo(HOME.resolve("Applications"));
        assertThat(defaults.listenPort()).isEqualTo(10933);
        assertThat(defaults.listenAddress()).isNull();
        assertThat(defaults.noListen()).isFalse();
        assertThat(defaults.trustedServers()).isEmpty();
        assertThat(defaults.pollingConnectionCount()).isEqualTo(5);
        assertThat(defaults.proxy()).isEqualTo(ProxyConfiguration.disabled());
        assertThat(defaults.pollingProxy()).isEqualTo(ProxyConfiguration.disabled());
        assertThat(defaults.certificate()).isNull();
    }

    @Test
    void withersChangeOneFieldAndLeaveTheOriginalAlone() {
        TentacleConfiguration changed = defaults.withListenPort(10999).withListenAddress(" 10.0.0.5 ").withNoListen(true)
                .withPollingConnectionCount(12).withApplicationDirectory(Path.of("/data/apps").toAbsolutePath())
                .withPollingProxy(ProxyConfiguration.of("proxy", 3128));

        assertThat(changed.listenPort()).isEqualTo(10999);
        assertThat(changed.listenAddress()).isEqualTo("10.0.0.5");
        assertThat(changed.noListen()).isTrue();
        assertThat(changed.pollingConnectionCount()).isEqualTo(12);
        assertThat(changed.applicationDirectory()).isEqualTo(Path.of("/data/apps").toAbsolutePath());
        assertThat(changed.pollingProxy().host()).isEqualTo("proxy");
        assertThat(changed.proxy()).isEqualTo(ProxyConfiguration.disabled());
        assertThat(defaults.listenPort()).isEqualTo(10933);
    }

    @Test
    void relativeApplicationAndCertificatePathsAreTakenRelativeToTheHome() {
        TentacleConfiguration configuration = defaults.withApplicationDirectory(Path.of("apps"))
                .withCertificate(CertificateLocation.of(Path.of("Certificates", "tentacle.pfx")));

        assertThat(configuration.applicationDirectory()).isEqualTo(HOME.resolve("apps"));
        assertThat(configuration.certificate().file()).isEqualTo(HOME.resolve("Certificates/tentacle.pfx"));
    }

    @Test
    void theHomeDirectoryMustBeAbsolute() {
        assertThatThrownBy(() -> TentacleConfiguration.defaults(Path.of("relative/home")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("homeDirectory must be an absolute path").hasMessageContaining("'relative/home'");
        assertThatThrownBy(() -> TentacleConfiguration.defaults(null))
                .hasMessageContaining("homeDirectory must be an absolute path").hasMessageContaining("was missing");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 100_000})
    void refusesPortsOutsideTheValidRange(int port) {
        assertThatThrownBy(() -> defaults.withListenPort(port))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listenPort must be between 1 and 65535, was " + port + ". The usual port is 10933.");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65535})
    void acceptsTheEndsOfThePortRange(int port) {
        assertThat(defaults.withListenPort(port).listenPort()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 101})
    void refusesPollingConnectionCountsOutsideOneToAHundred(int count) {
        assertThatThrownBy(() -> defaults.withPollingConnectionCount(count))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pollingConnectionCount must be between 1 and 100, was " + count);
    }

    @Test
    void acceptsOneAndAHundredPollingConnections() {
        assertThat(defaults.withPollingConnectionCount(1).pollingConnectionCount()).isEqualTo(1);
        assertThat(defaults.withPollingConnectionCount(100).pollingConnectionCount()).isEqualTo(100);
    }

    @Test
    void aListenAddressWithSpacesInsideIsRefusedAndABlankOneMeansAll() {
        assertThatThrownBy(() -> defaults.withListenAddress("10.0.0.1 10.0.0.2"))
                .hasMessageContaining("listenAddress '10.0.0.1 10.0.0.2' contains white space");
        assertThat(defaults.withListenAddress("  ").listenAddress()).isNull();
    }

    @Test
    void withTrustedServerAddsNewEntriesInOrder() {
        TentacleConfiguration configuration = defaults.withTrustedServer(TrustedServer.listening(SERVER_A))
                .withTrustedServer(TrustedServer.polling(SERVER_B, POLL_ADDRESS, "sub-1"));

        assertThat(configuration.trustedServers()).extracting(TrustedServer::thumbprint).containsExactly(SERVER_A, SERVER_B);
        assertThat(configuration.trusts(SERVER_B)).isTrue();
        assertThat(configuration.trusts(SERVER_C)).isFalse();
        assertThat(configuration.pollingServers()).extracting(TrustedServer::subscriptionId).containsExactly("sub-1");
    }

    @Test
    void withTrustedServerReplacesTheSameEntryInsteadOfAddingASecond() {
        TentacleConfiguration configuration = defaults
                .withTrustedServer(TrustedServer.polling(SERVER_B, POLL_ADDRESS, "old-subscription"))
                .withTrustedServer(TrustedServer.listening(SERVER_A))
                .withTrustedServer(TrustedServer.polling(SERVER_B, POLL_ADDRESS, "new-subscription"));

        assertThat(configuration.trustedServers()).containsExactly(
                TrustedServer.polling(SERVER_B, POLL_ADDRESS, "new-subscription"), TrustedServer.listening(SERVER_A));
    }

    @Test
    void onePollingServerMayBeTrustedAtSeveralAddresses() {
        TentacleConfiguration configuration = defaults
                .withTrustedServer(TrustedServer.polling(SERVER_B, URI.create("https://node1:10943/"), "sub"))
                .withTrustedServer(TrustedServer.polling(SERVER_B, URI.create("https://node2:10943/"), "sub"));

        assertThat(configuration.trustedServers()).hasSize(2);
    }

    @Test
    void withoutTrustRemovesEveryEntryWithTheThumbprintAndIgnoresUnknownOnes() {
        TentacleConfiguration configuration = defaults.withTrustedServer(TrustedServer.listening(SERVER_A))
                .withTrustedServer(TrustedServer.polling(SERVER_A, POLL_ADDRESS, "sub"))
                .withTrustedServer(TrustedServer.listening(SERVER_B));

        assertThat(configuration.withoutTrust(SERVER_A).trustedServers()).containsExactly(TrustedServer.listening(SERVER_B));
        assertThat(configuration.withoutTrust(SERVER_C)).isEqualTo(configuration);
    }

    @Test
    void withTrustReplacedKeepsStyleAddressAndSubscription() {
        TentacleConfiguration configuration = defaults.withTrustedServer(TrustedServer.polling(SERVER_A, POLL_ADDRESS, "sub"))
                .withTrustedServer(TrustedServer.listening(SERVER_B));

        TentacleConfiguration replaced = configuration.withTrustReplaced(SERVER_A, SERVER_C);

        assertThat(replaced.trustedServers()).containsExactly(
                TrustedServer.polling(SERVER_C, POLL_ADDRESS, "sub"), TrustedServer.listening(SERVER_B));
    }

    @Test
    void withTrustReplacedMergesAnEntryThatBecomesADuplicate() {
        TentacleConfiguration configuration = defaults.withTrustedServer(TrustedServer.listening(SERVER_A))
                .withTrustedServer(TrustedServer.listening(SERVER_B));

        assertThat(configuration.withTrustReplaced(SERVER_A, SERVER_B).trustedServers())
                .containsExactly(TrustedServer.listening(SERVER_B));
    }

    @Test
    void withTrustReplacedOfAThumbprintNotTrustedListsTheTrustedOnes() {
        TentacleConfiguration configuration = defaults.withTrustedServer(TrustedServer.listening(SERVER_B))
                .withTrustedServer(TrustedServer.listening(SERVER_A));

        assertThatThrownBy(() -> configuration.withTrustReplaced(SERVER_C, SERVER_A))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No trusted server has the thumbprint " + SERVER_C + ". Trusted thumbprints: " + SERVER_A + ", "
                        + SERVER_B + ". Give one of those as the old thumbprint, or add the server with configure --trust.");
        assertThatThrownBy(() -> defaults.withTrustReplaced(SERVER_C, SERVER_A))
                .hasMessageContaining("This Tentacle trusts no server yet");
    }

    @Test
    void withTrustResetTrustsNobody() {
        TentacleConfiguration configuration = defaults.withTrustedServer(TrustedServer.listening(SERVER_A));

        assertThat(configuration.withTrustReset().trustedServers()).isEmpty();
    }

    @Test
    void theTrustListHoldsEveryTrustedThumbprint() {
        TentacleConfiguration configuration = defaults.withTrustedServer(TrustedServer.listening(SERVER_A))
                .withTrustedServer(TrustedServer.polling(SERVER_B, POLL_ADDRESS, "sub"));

        assertThat(configuration.trustList()).isEqualTo(TrustList.of(SERVER_A, SERVER_B));
    }

    @Test
    void aListWithTheSameEntryTwiceOrAnEmptyEntryIsRefused() {
        assertThatThrownBy(() -> defaults.withTrustedServers(List.of(TrustedServer.listening(SERVER_A), TrustedServer.listening(SERVER_A))))
                .hasMessage("trustedServers lists the listening server " + SERVER_A + " twice (entries 0 and 1); remove one of them.");
        assertThatThrownBy(() -> defaults.withTrustedServers(Arrays.asList(TrustedServer.listening(SERVER_A), null)))
                .hasMessage("trustedServers[1] is empty (null); remove it from the list.");
    }

    @Test
    void theTrustedServerListCannotBeChangedFromOutside() {
        var servers = new java.util.ArrayList<>(List.of(TrustedServer.listening(SERVER_A)));
        TentacleConfiguration configuration = defaults.withTrustedServers(servers);

        servers.clear();

        assertThat(configuration.trustedServers()).hasSize(1);
        assertThatThrownBy(() -> configuration.trustedServers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void textFormsNeverShowPasswords() {
        TentacleConfiguration configuration = defaults
                .withProxy(ProxyConfiguration.of("proxy", 3128).withCredentials("alice", "proxy-secret"))
                .withCertificate(new CertificateLocation(HOME.resolve("c.pfx"), "pfx-secret"));

        assertThat(configuration.toString()).doesNotContain("proxy-secret", "pfx-secret")
                .contains("http://alice:***@proxy:3128", "(password protected)");
    }
}
