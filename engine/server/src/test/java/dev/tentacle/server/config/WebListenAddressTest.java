package dev.tentacle.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebListenAddressTest {
    @Test
    void readsAPrefixAsOctopusServerWritesIt() {
        assertThat(WebListenAddress.parsePrefix("https://localhost:8443/")).isEqualTo(new WebListenAddress("localhost", 8443));
        assertThat(WebListenAddress.parsePrefix("https://+:9443/")).isEqualTo(new WebListenAddress(null, 9443));
        assertThat(WebListenAddress.parsePrefix("https://*:9443")).isEqualTo(new WebListenAddress(null, 9443));
        assertThat(WebListenAddress.parsePrefix("HTTPS://octopus.example.com")).isEqualTo(
                new WebListenAddress("octopus.example.com", 443));
    }

    @Test
    void writesThePrefixItWasReadFrom() {
        assertThat(WebListenAddress.parsePrefix("https://+:9443/").prefix()).isEqualTo("https://+:9443/");
        assertThat(WebListenAddress.defaults().prefix()).isEqualTo("https://localhost:8443/");
    }

    @Test
    void rejectsPlainHttpSeveralPrefixesAndPaths() {
        assertThatThrownBy(() -> WebListenAddress.parsePrefix("http://localhost:80/")).hasMessageContaining("only serves HTTPS");
        assertThatThrownBy(() -> WebListenAddress.parsePrefix("https://a:1/,https://b:2/")).hasMessageContaining("several");
        assertThatThrownBy(() -> WebListenAddress.parsePrefix("https://localhost:8443/octopus")).hasMessageContaining("path");
        assertThatThrownBy(() -> WebListenAddress.parsePrefix("localhost:8443")).hasMessageContaining("https://");
        assertThatThrownBy(() -> WebListenAddress.parsePrefix("https://localhost:99999/")).hasMessageContaining("65535");
    }
}
