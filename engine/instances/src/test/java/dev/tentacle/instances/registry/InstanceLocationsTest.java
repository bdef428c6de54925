package dev.tentacle.instances.registry;

import dev.tentacle.instances.ApplicationKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.registry.InstanceLocations.Source;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceLocationsTest {
    static final Path ALICE_HOME = Path.of("/home/alice");

    @TempDir
    Path directory;

    private static HostEnvironment linux(String user, Map<String, String> variables) {
        return new HostEnvironment(OperatingSystem.LINUX, variables, user, user.equals("root") ? Path.of("/root") : ALICE_HOME);
    }

    @Test
    void rootOnLinuxUsesEtcOctopus() {
        InstanceLocations locations = InstanceLocations.resolve(linux("root", Map.of()));

        assertThat(locations.registryDirectory()).isEqualTo(Path.of("/etc/octopus"));
        assertThat(locations.source()).isEqualTo(Source.SYSTEM);
    }

    @Test
    void rootOnMacOsUsesEtcOctopusToo() {
        var environment = new HostEnvironment(OperatingSystem.MACOS, Map.of(), "root", Path.of("/var/root"));

        assertThat(InstanceLocations.resolve(environment).registryDirectory()).isEqualTo(Path.of("/etc/octopus"));
    }

    @Test
    void anotherUserGetsAPerUserRegistryUnderDotConfig() {
        InstanceLocations locations = InstanceLocations.resolve(linux("alice", Map.of()));

        assertThat(locations.registryDirectory()).isEqualTo(ALICE_HOME.resolve(".config/octopus"));
        assertThat(locations.source()).isEqualTo(Source.USER);
    }

    @Test
    void anotherUserWithXdgConfigHomeGetsItsOctopusDirectory() {
        InstanceLocations locations = InstanceLocations.resolve(linux("alice", Map.of("XDG_CONFIG_HOME", "/data/alice-config")));

        assertThat(locations.registryDirectory()).isEqualTo(Path.of("/data/alice-config/octopus"));
    }

    @Test
    void aRelativeXdgConfigHomeIsIgnoredAsTheSpecificationSays() {
        InstanceLocations locations = InstanceLocations.resolve(linux("alice", Map.of("XDG_CONFIG_HOME", "relative/config")));

        assertThat(locations.registryDirectory()).isEqualTo(ALICE_HOME.resolve(".config/octopus"));
    }

    @Test
    void rootIgnoresXdgConfigHome() {
        InstanceLocations locations = InstanceLocations.resolve(linux("root", Map.of("XDG_CONFIG_HOME", "/root/.config")));

        assertThat(locations.registryDirectory()).isEqualTo(Path.of("/etc/octopus"));
    }

    @ParameterizedTest
    @CsvSource({"root", "alice"})
    void theEnvironmentVariableOverridesEveryDefault(String user) {
        var environment = linux(user, Map.of("OCTOPUS_INSTANCES_DIR", directory.toString(), "XDG_CONFIG_HOME", "/x"));

        InstanceLocations locations = InstanceLocations.resolve(environment);

        assertThat(locations.registryDirectory()).isEqualTo(directory);
        assertThat(locations.source()).isEqualTo(Source.ENVIRONMENT_VARIABLE);
        assertThat(locations.describe()).isEqualTo(directory + " (set by OCTOPUS_INSTANCES_DIR)");
    }

    @Test
    void theEnvironmentVariableOverridesWindowsToo() {
        var environment = new HostEnvironment(OperatingSystem.WINDOWS,
                Map.of("OCTOPUS_INSTANCES_DIR", directory.toString(), "ProgramData", "D:\\ProgramData"), "Administrator", ALICE_HOME);

        assertThat(InstanceLocations.resolve(environment).registryDirectory()).isEqualTo(directory);
    }

    @Test
    void aBlankEnvironmentVariableIsIgnored() {
        InstanceLocations locations = InstanceLocations.resolve(linux("root", Map.of("OCTOPUS_INSTANCES_DIR", "  ")));

        assertThat(locations.registryDirectory()).isEqualTo(Path.of("/etc/octopus"));
    }

    @Test
    void aRelativeEnvironmentVariableIsRefusedWithWhatToSetItTo() {
        assertThatThrownBy(() -> InstanceLocations.resolve(linux("alice", Map.of("OCTOPUS_INSTANCES_DIR", "octopus"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OCTOPUS_INSTANCES_DIR is set to 'octopus', which is not an absolute path")
                .hasMessageContaining("or unset it");
    }

    @Test
    void windowsUsesProgramDataWhateverTheUser() {
        var environment = new HostEnvironment(OperatingSystem.WINDOWS, Map.of("PROGRAMDATA", "D:\\ProgramData"), "alice", ALICE_HOME);

        InstanceLocations locations = InstanceLocations.resolve(environment);

        assertThat(locations.registryDirectory()).isEqualTo(Path.of("D:\\ProgramData").resolve("Octopus").toAbsolutePath());
        assertThat(locations.source()).isEqualTo(Source.SYSTEM);
    }

    @Test
    void windowsWithoutProgramDataUsesItsUsualPlace() {
        var environment = new HostEnvironment(OperatingSystem.WINDOWS, Map.of(), "alice", ALICE_HOME);

        assertThat(InstanceLocations.resolve(environment).registryDirectory())
                .isEqualTo(Path.of("C:\\ProgramData").resolve("Octopus").toAbsolutePath());
    }

    @Test
    void eachKindHasItsOwnDirectoryAndIndex() {
        InstanceLocations locations = InstanceLocations.at(directory);

        assertThat(locations.indexFile(ApplicationKind.TENTACLE)).isEqualTo(directory.resolve("Tentacle/instances.json"));
        assertThat(locations.indexFile(ApplicationKind.SERVER)).isEqualTo(directory.resolve("OctopusServer/instances.json"));
    }

    @Test
    void aNewInstanceLivesUnderItsKindByDefault() {
        InstanceLocations locations = InstanceLocations.at(directory);

        assertThat(locations.defaultHomeDirectory(ApplicationKind.TENTACLE, "web-01"))
                .isEqualTo(directory.resolve("Tentacle/instances/web-01"));
        assertThat(locations.defaultConfigFile(ApplicationKind.TENTACLE, "web-01"))
                .isEqualTo(directory.resolve("Tentacle/instances/web-01/Tentacle.config.json"));
        assertThat(locations.defaultConfigFile(ApplicationKind.SERVER, "OctopusServer"))
                .isEqualTo(directory.resolve("OctopusServer/instances/OctopusServer/OctopusServer.config.json"));
    }

    @Test
    void aDefaultHomeIsOnlyGivenForAValidName() {
        assertThatThrownBy(() -> InstanceLocations.at(directory).defaultHomeDirectory(ApplicationKind.TENTACLE, "../etc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid instance name");
    }

    @Test
    void thePerUserRegistryPointsRootUsersAtSudo() {
        assertThat(InstanceLocations.resolve(linux("alice", Map.of())).describe())
                .contains("per-user registry", "/etc/octopus", "sudo");
    }

    @Test
    void windowsVariablesAreFoundWhateverTheirCase() {
        var environment = new HostEnvironment(OperatingSystem.WINDOWS, Map.of("octopus_instances_dir", directory.toString()),
                "alice", ALICE_HOME);

        assertThat(environment.variable("OCTOPUS_INSTANCES_DIR")).contains(directory.toString());
        assertThat(linux("alice", Map.of("octopus_instances_dir", "/x")).variable("OCTOPUS_INSTANCES_DIR")).isEmpty();
    }

    @Test
    void onlyRootOnUnixCountsAsRoot() {
        assertThat(linux("root", Map.of()).isRoot()).isTrue();
        assertThat(linux("alice", Map.of()).isRoot()).isFalse();
        assertThat(new HostEnvironment(OperatingSystem.WINDOWS, Map.of(), "root", ALICE_HOME).isRoot()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"Linux, LINUX", "Mac OS X, MACOS", "Windows Server 2022, WINDOWS", "FreeBSD, OTHER_UNIX", "'', OTHER_UNIX"})
    void recognisesOperatingSystemNames(String osName, OperatingSystem expected) {
        assertThat(OperatingSystem.fromOsName(osName)).isEqualTo(expected);
    }

    @Test
    void theCurrentEnvironmentDescribesThisProcess() {
        HostEnvironment current = HostEnvironment.current();

        assertThat(current.userName()).isEqualTo(System.getProperty("user.name"));
        assertThat(current.operatingSystem()).isEqualTo(OperatingSystem.fromOsName(System.getProperty("os.name")));
    }
}
