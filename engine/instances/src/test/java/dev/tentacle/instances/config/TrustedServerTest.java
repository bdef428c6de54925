package dev.tentacle.instances.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.Thumbprint;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedServerTest {
    static final Thumbprint THUMBPRINT = Thumbprint.parse("AB".repeat(20));

    @Test
    void aPollingServerWithoutAPortPollsPort10943() {
        TrustedServer server = TrustedServer.polling(THUMBPRINT, URI.create("https://octopus.example.com"), "sub");

        assertThat(server.address()).isEqualTo(URI.create("https://octopus.example.com:10943/"));
    }

    @Test
    void anExplicitPortIsKept() {
        TrustedServer server = TrustedServer.polling(THUMBPRINT, URI.create("https://octopus:443/"), "sub");

        assertThat(server.address()).isEqualTo(URI.create("https://octopus:443/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC123", "poll://abc123/", "POLL://ABC123", " abc123 "})
    void theSubscriptionIdIsStoredInItsCanonicalForm(String given) {
        TrustedServer server = TrustedServer.polling(THUMBPRINT, URI.create("https://octopus:10943/"), given);

        assertThat(server.subscriptionId()).isEqualTo("abc123");
        assertThat(server.pollingUri()).isEqualTo(URI.create("poll://abc123/"));
    }

    @Test
    void anInvalidSubscriptionIdIsRefused() {
        assertThatThrownBy(() -> TrustedServer.polling(THUMBPRINT, URI.create("https://octopus:10943/"), "has space"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A subscription id is 1 to 63 letters");
    }

    @Test
    void aPollingServerNeedsAnAddressAndASubscription() {
        assertThatThrownBy(() -> TrustedServer.polling(THUMBPRINT, null, "sub"))
                .hasMessageContaining("needs the address to poll, such as https://octopus.example.com:10943/");
        assertThatThrownBy(() -> TrustedServer.polling(THUMBPRINT, URI.create("https://octopus:10943/"), " "))
                .hasMessageContaining("needs the subscription id this Tentacle polls as");
    }

    @Test
    void aListeningServerHasNoSubscription() {
        assertThatThrownBy(() -> new TrustedServer(THUMBPRINT, CommunicationStyle.LISTENING, null, "sub"))
                .hasMessageContaining("has a subscriptionId, which only polling servers have");
        assertThatThrownBy(() -> TrustedServer.listening(THUMBPRINT).pollingUri())
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://octopus:10943/", "poll://octopus/", "octopus:10943"})
    void anAddressMustBeHttps(String address) {
        assertThatThrownBy(() -> TrustedServer.polling(THUMBPRINT, URI.create(address), "sub"))
                .hasMessageContaining("give it as https://HOST:PORT/");
    }

    @Test
    void thumbprintAndStyleAreRequired() {
        assertThatThrownBy(() -> new TrustedServer(null, CommunicationStyle.LISTENING, null, null))
                .hasMessageContaining("needs the thumbprint of its certificate");
        assertThatThrownBy(() -> new TrustedServer(THUMBPRINT, null, null, null))
                .hasMessageContaining("needs a communicationStyle: LISTENING or POLLING");
    }

    @Test
    void sameEntryComparesThumbprintStyleAndAddressOnly() {
        URI address = URI.create("https://octopus:10943/");
        TrustedServer a = TrustedServer.polling(THUMBPRINT, address, "one");

        assertThat(a.sameEntryAs(TrustedServer.polling(THUMBPRINT, address, "two"))).isTrue();
        assertThat(a.sameEntryAs(TrustedServer.polling(THUMBPRINT, URI.create("https://other:10943/"), "one"))).isFalse();
        assertThat(a.sameEntryAs(TrustedServer.listening(THUMBPRINT))).isFalse();
    }
}
