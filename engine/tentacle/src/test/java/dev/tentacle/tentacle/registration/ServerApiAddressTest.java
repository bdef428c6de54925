package dev.tentacle.tentacle.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerApiAddressTest {

    @ParameterizedTest
    @CsvSource({
        "https://octopus.example.com:8443/, https://octopus.example.com:8443/",
        "https://octopus.example.com:8443, https://octopus.example.com:8443/",
        "HTTPS://Octopus.example.com:8443/, https://Octopus.example.com:8443/",
        "https://octopus.example.com/, https://octopus.example.com/",
        "octopus.example.com:8443, https://octopus.example.com:8443/",
        "octopus.example.com, https://octopus.example.com/",
        "https://octopus.example.com:8443/api, https://octopus.example.com:8443/",
        "https://octopus.example.com:8443/api/, https://octopus.example.com:8443/",
        "https://octopus.example.com/octopus, https://octopus.example.com/octopus/",
        "https://octopus.example.com/octopus/api, https://octopus.example.com/octopus/",
        "'  https://10.0.0.5:8443/  ', https://10.0.0.5:8443/",
        "https://[::1]:8443/, https://[::1]:8443/"
    })
    void givesTheBaseAddressTheApiIsResolvedAgainst(String given, String expected) {
        URI base = ServerApiAddress.parse(given);

        assertThat(base).hasToString(expected);
        assertThat(base.resolve("api/machines").getPath()).endsWith("/api/machines");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://octopus:8443/", "HTTP://octopus/"})
    void refusesPlainHttpBecauseTheApiIsHttpsOnly(String given) {
        assertThatThrownBy(() -> ServerApiAddress.parse(given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uses http://")
                .hasMessageContaining("HTTPS only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://octopus/", "https://user:pw@octopus/", "https://octopus/?apikey=API-X",
        "https://octopus/#x", "https:///nohost", "https://octo pus/"})
    void refusesWhatIsNotAServerAddress(String given) {
        assertThatThrownBy(() -> ServerApiAddress.parse(given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--server")
                .hasMessageContaining("https://octopus.example.com:8443/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptyAddress(String given) {
        assertThatThrownBy(() -> ServerApiAddress.parse(given)).hasMessageContaining("--server is empty");
    }
}
