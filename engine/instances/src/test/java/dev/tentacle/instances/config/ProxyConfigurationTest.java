package dev.tentacle.instances.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.ProxySettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyConfigurationTest {
    @Test
    void anEnabledProxyBecomesCommsProxySettings() {
        ProxyConfiguration proxy = ProxyConfiguration.of("proxy.example.com", 3128).withCredentials("alice", "pw");

        assertThat(proxy.toProxySettings()).contains(ProxySettings.withCredentials("proxy.example.com", 3128, "alice", "pw"));
    }

    @Test
    void aDisabledProxyKeepsItsSettingsButConnectsDirectly() {
        ProxyConfiguration proxy = ProxyConfiguration.of("proxy.example.com", 3128).withEnabled(false);

        assertThat(proxy.toProxySettings()).isEmpty();
        assertThat(proxy.host()).isEqualTo("proxy.example.com");
        assertThat(proxy.withEnabled(true).toProxySettings()).isPresent();
    }

    @Test
    void anEnabledProxyNeedsAHostAndAPort() {
        assertThatThrownBy(() -> new ProxyConfiguration(true, " ", 3128, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enabled but has no host");
        assertThatThrownBy(() -> new ProxyConfiguration(true, "proxy", 0, null, null))
                .hasMessage("The proxy port must be between 1 and 65535, was 0.");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536})
    void refusesPortsOutsideTheRangeEvenWhenDisabled(int port) {
        assertThatThrownBy(() -> new ProxyConfiguration(false, null, port, null, null))
                .hasMessage("The proxy port must be between 1 and 65535, was " + port + ".");
    }

    @Test
    void aHostWithWhiteSpaceInsideIsRefused() {
        assertThatThrownBy(() -> ProxyConfiguration.of("proxy example", 3128)).hasMessageContaining("contains white space");
    }

    @Test
    void blankCredentialsMeanNone() {
        ProxyConfiguration proxy = ProxyConfiguration.of("proxy", 3128).withCredentials(" ", "");

        assertThat(proxy.username()).isNull();
        assertThat(proxy.password()).isNull();
        assertThat(proxy.toString()).isEqualTo("http://proxy:3128");
    }

    @Test
    void textNeverShowsThePassword() {
        assertThat(ProxyConfiguration.of("proxy", 3128).withCredentials("alice", "secret").toString())
                .isEqualTo("http://alice:***@proxy:3128");
        assertThat(ProxyConfiguration.disabled().toString()).isEqualTo("no proxy");
        assertThat(new ProxyConfiguration(false, "proxy", 3128, "a", "secret").toString())
                .isEqualTo("no proxy (disabled: proxy:3128)");
    }

    @Test
    void aCertificateLocationGivesItsPasswordAsCharactersAndNeverPrintsIt() {
        CertificateLocation withPassword = new CertificateLocation(Path.of("/c.pfx"), "secret");
        CertificateLocation without = new CertificateLocation(Path.of("/c.pfx"), "");

        assertThat(withPassword.passwordChars()).containsExactly('s', 'e', 'c', 'r', 'e', 't');
        assertThat(without.password()).isNull();
        assertThat(without.passwordChars()).isEmpty();
        assertThat(withPassword.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> new CertificateLocation(null, null)).hasMessageContaining("needs the path");
    }
}
