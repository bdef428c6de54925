package dev.tentacle.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PackageVersionTest {
    @Test
    void aSnapshotSortsBeforeItsReleaseOnLinux() {
        PackageVersion version = PackageVersion.parse("0.1.0-SNAPSHOT");

        assertThat(version.linux()).isEqualTo("0.1.0~SNAPSHOT");
        assertThat(version.numeric()).isEqualTo("0.1.0");
        assertThat(version.windows()).isEqualTo("0.1.0");
    }

    @Test
    void aReleaseKeepsItsNumbers() {
        PackageVersion version = PackageVersion.parse("2.4.1");

        assertThat(version.linux()).isEqualTo("2.4.1");
        assertThat(version.macOs()).contains("2.4.1");
    }

    @Test
    void missingNumbersAreZeroAndQualifiersLoseCharactersDebianForbids() {
        assertThat(PackageVersion.parse("2.0-rc_1").linux()).isEqualTo("2.0.0~rc.1");
        assertThat(PackageVersion.parse("3").numeric()).isEqualTo("3.0.0");
    }

    @Test
    void macOsHasNoVersionStartingWithZero() {
        assertThat(PackageVersion.parse("0.1.0-SNAPSHOT").macOs()).isEmpty();
    }

    @Test
    void windowsRefusesNumbersWindowsInstallerCannotHold() {
        assertThatThrownBy(() -> PackageVersion.parse("256.0.0").windows())
                .hasMessageContaining("MAJOR and MINOR up to 255");
    }

    @Test
    void rejectsAVersionThatDoesNotStartWithANumber() {
        assertThatThrownBy(() -> PackageVersion.parse("SNAPSHOT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with a number");
        assertThatThrownBy(() -> PackageVersion.parse("99999999999.0"))
                .hasMessageContaining("too large");
    }
}
