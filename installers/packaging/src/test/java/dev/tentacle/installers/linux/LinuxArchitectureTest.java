package dev.tentacle.installers.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinuxArchitectureTest {
    @Test
    void namesTheProcessorAsDebianAndRpmDo() {
        assertThat(LinuxArchitecture.of("amd64")).isEqualTo(new LinuxArchitecture("amd64", "x86_64"));
        assertThat(LinuxArchitecture.of("aarch64")).isEqualTo(new LinuxArchitecture("arm64", "aarch64"));
    }

    @Test
    void refusesAProcessorThePackagesAreNotBuiltFor() {
        assertThatThrownBy(() -> LinuxArchitecture.of("s390x")).hasMessageContaining("this machine is s390x");
    }
}
