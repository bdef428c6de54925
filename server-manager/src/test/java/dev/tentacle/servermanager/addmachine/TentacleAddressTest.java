package dev.tentacle.servermanager.addmachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TentacleAddressTest {
    @Test
    void readsAHostAndThePortField() {
        assertThat(TentacleAddress.parse(" web01.example.com ", "10933")).isEqualTo(new TentacleAddress("web01.example.com", 10933));
        assertThat(TentacleAddress.parse("10.0.0.5", " 10934 ")).isEqualTo(new TentacleAddress("10.0.0.5", 10934));
    }

    @Test
    void readsAPortTypedWithTheHostOrAPastedAddress() {
        assertThat(TentacleAddress.parse("web01:10999", "10933")).isEqualTo(new TentacleAddress("web01", 10999));
        assertThat(TentacleAddress.parse("https://web01:10998/", "")).isEqualTo(new TentacleAddress("web01", 10998));
        assertThat(TentacleAddress.parse("https://web01/", "10933")).isEqualTo(new TentacleAddress("web01", 10933));
        assertThat(TentacleAddress.parse("HTTPS://[fe80::1]:10997/", "")).isEqualTo(new TentacleAddress("fe80::1", 10997));
    }

    @Test
    void readsIpv6Addresses() {
        assertThat(TentacleAddress.parse("::1", "10933")).isEqualTo(new TentacleAddress("::1", 10933));
        assertThat(TentacleAddress.parse("[::1]", "10933")).isEqualTo(new TentacleAddress("::1", 10933));
        assertThat(TentacleAddress.parse("[::1]:10996", "10933")).isEqualTo(new TentacleAddress("::1", 10996));
        assertThat(new TentacleAddress("::1", 10933).target()).isEqualTo("[::1]:10933");
    }

    @Test
    void rejectsWhatIsNoAddress() {
        assertThatThrownBy(() -> TentacleAddress.parse("", "10933")).hasMessage("Enter the Tentacle machine's host name or IP address.");
        assertThatThrownBy(() -> TentacleAddress.parse("web01/path", "10933")).hasMessageContaining("is not a host name or IP address");
        assertThatThrownBy(() -> TentacleAddress.parse("http://web01", "10933")).hasMessageContaining("https://HOST:10933");
        assertThatThrownBy(() -> TentacleAddress.parse("https://we b01", "10933")).hasMessageContaining("is not an address");
        assertThatThrownBy(() -> TentacleAddress.parse("[::1", "10933")).hasMessageContaining("does not close it");
        assertThatThrownBy(() -> TentacleAddress.parse("web01:", "10933")).hasMessageContaining("Enter the port");
        assertThatThrownBy(() -> TentacleAddress.parse("web01:x", "10933")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> TentacleAddress.parse("web01", "0")).hasMessage("The port must be 1 to 65535, not 0.");
        assertThat(TentacleAddress.hostProblem("web01")).isEmpty();
        assertThat(TentacleAddress.portProblem("-1")).contains("The port must be 1 to 65535, not -1.");
    }
}
