package dev.tentacle.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxySettingsTest {

    @Test
    void aProxyWithoutCredentials() {
        ProxySettings proxy = ProxySettings.of("proxy.example", 3128);

        assertThat(proxy.host()).isEqualTo("proxy.example");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.hasCredentials()).isFalse();
        assertThat(proxy.username()).isNull();
        assertThat(proxy.password()).isNull();
    }

    @Test
    void aProxyWithCredentials() {
        ProxySettings proxy = ProxySettings.withCredentials("proxy.example", 3128, "deploy", "pw");

        assertThat(proxy.hasCredentials()).isTrue();
        assertThat(proxy.username()).isEqualTo("deploy");
        assertThat(proxy.password()).isEqualTo("pw");
    }

    @Test
    void anEmptyUsernameMeansNoCredentials() {
        assertThat(ProxySettings.withCredentials("proxy.example", 3128, "", "pw").hasCredentials()).isFalse();
        assertThat(ProxySettings.withCredentials("proxy.example", 3128, null, "pw").hasCredentials()).isFalse();
    }

    @Test
    void requiresAHost() {
        assertThatNullPointerException().isThrownBy(() -> ProxySettings.of(null, 3128)).withMessage("host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void rejectsABlankHost(String host) {
        assertThatThrownBy(() -> ProxySettings.of(host, 3128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy host is empty");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 65536, Integer.MAX_VALUE})
    void rejectsAPortOutsideOneTo65535(int port) {
        assertThatThrownBy(() -> ProxySettings.of("proxy.example", port))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The proxy port must be between 1 and 65535, was " + port + ".");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 80, 65535})
    void acceptsThePortRangeInclusive(int port) {
        assertThat(ProxySettings.of("proxy.example", port).port()).isEqualTo(port);
    }

    @Test
    void describesAProxyWithoutCredentialsAsAnHttpAddress() {
        assertThat(ProxySettings.of("proxy.example", 3128)).hasToString("http://proxy.example:3128");
    }

    @Test
    void itsDescriptionShowsTheUsernameButNeverThePassword() {
        ProxySettings proxy = ProxySettings.withCredentials("proxy.example", 3128, "deploy", "s3cret-Pa55");

        assertThat(proxy).hasToString("http://deploy:***@proxy.example:3128");
        assertThat(proxy.toString()).doesNotContain("s3cret-Pa55");
    }

    @Test
    void aPasswordWithoutAUsernameIsNotShownEither() {
        ProxySettings proxy = ProxySettings.withCredentials("proxy.example", 3128, null, "s3cret-Pa55");

        assertThat(proxy).hasToString("http://proxy.example:3128");
    }
}
