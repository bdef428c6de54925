package dev.tentacle.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceEndpointTest {
    private static final Thumbprint EXPECTED = Thumbprint.parse("AB".repeat(20));
    private static final ProxySettings PROXY = ProxySettings.withCredentials("proxy.example", 3128, "deploy", "s3cret-Pa55");

    @Test
    void aListeningEndpointIsAnHttpsAddress() {
        ServiceEndpoint endpoint = ServiceEndpoint.listening("tentacle.example", 10933, EXPECTED);

        assertThat(endpoint.uri()).isEqualTo(URI.create("https://tentacle.example:10933/"));
        assertThat(endpoint.isPolling()).isFalse();
        assertThat(endpoint.host()).isEqualTo("tentacle.example");
        assertThat(endpoint.port()).isEqualTo(10933);
        assertThat(endpoint.remoteThumbprint()).isEqualTo(EXPECTED);
        assertThat(endpoint.proxySettings()).isEmpty();
    }

    @Test
    void anHttpsAddressWithoutAPortUsesTheDefaultListeningPort() {
        ServiceEndpoint endpoint = new ServiceEndpoint(URI.create("https://tentacle.example/"), EXPECTED, null);

        assertThat(ServiceEndpoint.DEFAULT_LISTENING_PORT).isEqualTo(10933);
        assertThat(endpoint.port()).isEqualTo(10933);
    }

    @Test
    void anExplicitPortIsKept() {
        assertThat(ServiceEndpoint.listening("10.0.0.5", 443, EXPECTED).port()).isEqualTo(443);
    }

    @Test
    void theDefaultPollingPortIs10943() {
        assertThat(ServiceEndpoint.DEFAULT_POLLING_PORT).isEqualTo(10943);
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(new ServiceEndpoint(URI.create("HTTPS://tentacle.example/"), EXPECTED, null).isPolling()).isFalse();
        assertThat(new ServiceEndpoint(URI.create("POLL://abc/"), EXPECTED, null).isPolling()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://tentacle.example:10933/", "ftp://tentacle.example/", "tentacle.example", "//tentacle.example/"})
    void rejectsAnAddressThatIsNeitherHttpsNorPoll(String address) {
        assertThatThrownBy(() -> new ServiceEndpoint(URI.create(address), EXPECTED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://")
                .hasMessageContaining("poll://")
                .hasMessageContaining(address);
    }

    @Test
    void rejectsAnHttpsAddressWithoutAHost() {
        assertThatThrownBy(() -> new ServiceEndpoint(URI.create("https:///path"), EXPECTED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no host");
    }

    @Test
    void rejectsAPollAddressWithoutASubscriptionId() {
        assertThatThrownBy(() -> new ServiceEndpoint(URI.create("poll:///"), EXPECTED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no host (subscription id)");
    }

    @Test
    void requiresAnAddressAndAThumbprint() {
        assertThatNullPointerException().isThrownBy(() -> new ServiceEndpoint(null, EXPECTED, null)).withMessage("uri");
        assertThatNullPointerException()
                .isThrownBy(() -> new ServiceEndpoint(URI.create("https://a/"), null, null))
                .withMessage("remoteThumbprint");
    }

    @Test
    void aPollingEndpointUsesTheCanonicalPollAddress() {
        ServiceEndpoint endpoint = ServiceEndpoint.polling("abcdefghijklmnopqrst", EXPECTED);

        assertThat(endpoint.uri()).isEqualTo(URI.create("poll://abcdefghijklmnopqrst/"));
        assertThat(endpoint.isPolling()).isTrue();
        assertThat(endpoint.host()).isEqualTo("abcdefghijklmnopqrst");
    }

    @Test
    void theCanonicalFormOfASubscriptionIdIsLowercase() {
        assertThat(ServiceEndpoint.pollingUri("ABCdef123")).isEqualTo(URI.create("poll://abcdef123/"));
        assertThat(ServiceEndpoint.polling("ABCdef123", EXPECTED)).isEqualTo(ServiceEndpoint.polling("abcdef123", EXPECTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "tentacle-01", "A1-b2-c3", "web-server-1a"})
    void acceptsSubscriptionIdsThatAreHostNameLabels(String id) {
        assertThat(ServiceEndpoint.polling(id, EXPECTED).host()).isEqualTo(id.toLowerCase());
    }

    @Test
    void acceptsASubscriptionIdOf63Characters() {
        String id = "a".repeat(63);

        assertThat(ServiceEndpoint.polling(id, EXPECTED).uri()).isEqualTo(URI.create("poll://" + id + "/"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-abc", "abc-", "_abc", "tentacle_01", "web.server.1a", "a..b", "has space", "slash/id",
            "colon:id", "at@id", "ünïcode"})
    void rejectsAMalformedSubscriptionIdWithTheRules(String id) {
        assertThatThrownBy(() -> ServiceEndpoint.pollingUri(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 63 letters, digits or '-'")
                .hasMessageContaining("'" + id + "'");
    }

    @Test
    void rejectsASubscriptionIdLongerThan63Characters() {
        assertThatThrownBy(() -> ServiceEndpoint.pollingUri("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListeningEndpointMayUseAProxy() {
        ServiceEndpoint endpoint = ServiceEndpoint.listening("tentacle.example", 10933, EXPECTED).withProxy(PROXY);

        assertThat(endpoint.proxySettings()).contains(PROXY);
        assertThat(endpoint.proxy()).isEqualTo(PROXY);
    }

    @Test
    void withProxyLeavesTheOriginalDirect() {
        ServiceEndpoint direct = ServiceEndpoint.listening("tentacle.example", 10933, EXPECTED);

        direct.withProxy(PROXY);

        assertThat(direct.proxySettings()).isEmpty();
    }

    @Test
    void rejectsAProxyForAPollEndpoint() {
        ServiceEndpoint polling = ServiceEndpoint.polling("abc", EXPECTED);

        assertThatThrownBy(() -> polling.withProxy(PROXY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poll://")
                .hasMessageContaining("takes no proxy");
        assertThatThrownBy(() -> new ServiceEndpoint(URI.create("poll://abc/"), EXPECTED, ProxySettings.of("p", 8080)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesTheAddressAndTheExpectedThumbprint() {
        ServiceEndpoint endpoint = ServiceEndpoint.listening("tentacle.example", 10933, EXPECTED);

        assertThat(endpoint.toString()).isEqualTo("https://tentacle.example:10933/ (expects " + EXPECTED.hex() + ")");
    }

    @Test
    void itsDescriptionNamesTheProxyButNeverShowsItsPassword() {
        ServiceEndpoint endpoint = ServiceEndpoint.listening("tentacle.example", 10933, EXPECTED).withProxy(PROXY);

        assertThat(endpoint.toString())
                .contains("via proxy http://deploy:***@proxy.example:3128")
                .doesNotContain("s3cret-Pa55");
    }
}
