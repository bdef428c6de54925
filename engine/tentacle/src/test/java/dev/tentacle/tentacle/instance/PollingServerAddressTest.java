package dev.tentacle.tentacle.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PollingServerAddressTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "octopus.example.com, null, https://octopus.example.com:10943/",
        "octopus.example.com, 443, https://octopus.example.com:443/",
        "https://octopus.example.com/, null, https://octopus.example.com:10943/",
        "HTTPS://Octopus.example.com:10950, null, https://Octopus.example.com:10950/",
        "https://octopus:10950/, 10950, https://octopus:10950/",
        "10.0.0.5, null, https://10.0.0.5:10943/",
        "::1, null, https://[::1]:10943/",
        "https://[fe80::1]:10943/, null, https://[fe80::1]:10943/",
        "'  octopus  ', null, https://octopus:10943/"
    })
    void parsesWhatUsersType(String address, Integer port, String expected) {
        assertThat(PollingServerAddress.parse(address, port)).isEqualTo(URI.create(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://octopus:10943/", "ftp://octopus/", "poll://octopus/"})
    void refusesOtherSchemes(String address) {
        assertThatThrownBy(() -> PollingServerAddress.parse(address, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "octo pus", "https:///path"})
    void refusesWhatIsNotAnAddress(String address) {
        assertThatThrownBy(() -> PollingServerAddress.parse(address, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("octopus.example.com");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void refusesPortsOutOfRange(int port) {
        assertThatThrownBy(() -> PollingServerAddress.parse("octopus", port))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://octopus:10943/", "octopus:10943"})
    void refusesTwoDifferentPorts(String address) {
        assertThatThrownBy(() -> PollingServerAddress.parse(address, 443))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give the port once");
    }
}
