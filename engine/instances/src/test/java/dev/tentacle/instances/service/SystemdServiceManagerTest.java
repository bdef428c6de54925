package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemdServiceManagerTest {
    private static final ServiceName WEB01 = ServiceName.tentacle("Web01");
    private static final ServiceName MY_INSTANCE = ServiceName.tentacle("My Instance");

    @TempDir
    Path temp;

    private FakeSystemctl systemctl;
    private Path unitDirectory;
    private Path runtimeDirectory;
    private SystemdServiceManager manager;

    @BeforeEach
    void setUp() throws IOException {
        systemctl = FakeSystemctl.in(temp.resolve("fake"));
        unitDirectory = temp.resolve("etc/systemd/system");
        runtimeDirectory = Files.createDirectories(temp.resolve("run/systemd/system"));
        manager = new SystemdServiceManager(new SystemdServiceManager.Settings(unitDirectory, "systemctl",
                runtimeDirectory), systemctl.runner());
    }

    private static ServiceDefinition web01() {
        return ServiceDefinition.builder(WEB01, "/opt/tentacle/bin/tentacle").build();
    }

    @Test
    void installWritesTheUnitThenReloadsEnablesAndStartsInThatOrder() throws IOException {
        manager.install(web01());

        assertThat(unitDirectory.resolve("tentacle-Web01.service")).hasContent("""
                # The OS service of Tentacle instance "Web01", written by `tentacle service --install`.
                # Installing the service again overwrites this file; change the instance, not this file.
                # Octopus Deploy Tentacle agent for instance "Web01": runs the deployments and scripts an Octopus Server sends it.
                [Unit]
                Description=OctopusDeploy Tentacle: Web01
                After=network-online.target
                Wants=network-online.target

                [Service]
                Type=simple
                ExecStart=/opt/tentacle/bin/tentacle run --instance Web01
                Restart=always
                RestartSec=5s
                SuccessExitStatus=143

                [Install]
                WantedBy=multi-user.target
                """);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                unitDirectory.resolve("tentacle-Web01.service")))).isEqualTo("rw-r--r--");
        assertThat(systemctl.calls()).containsExactly(
                "daemon-reload",
                "enable tentacle-Web01.service",
                "start tentacle-Web01.service");
        try (var files = Files.list(unitDirectory)) {
            assertThat(files).as("no temporary file is left behind").hasSize(1);
        }
    }

    @Test
    void installOfANameWithSpacesAndAUserEscapesTheUnitNameAndSetsUser() {
        manager.install(ServiceDefinition.builder(MY_INSTANCE, "/opt/tentacle/bin/tentacle")
                .userName("octopus").workingDirectory("/var/lib/octopus/My Instance")
                .environmentVariable("TENTACLE_HOME", "/var/lib/octopus/My Instance").build());

        Path unit = unitDirectory.resolve("tentacle-My\\x20Instance.service");
        assertThat(unit).content().contains("""
                [Unit]
                Description=OctopusDeploy Tentacle: My Instance
                """).contains("""
                [Service]
                Type=simple
                User=octopus
                WorkingDirectory=/var/lib/octopus/My Instance
                Environment="TENTACLE_HOME=/var/lib/octopus/My Instance"
                ExecStart=/opt/tentacle/bin/tentacle run --instance "My Instance"
                Restart=always
                """);
        assertThat(systemctl.calls()).containsExactly(
                "daemon-reload",
                "enable tentacle-My\\x20Instance.service",
                "start tentacle-My\\x20Instance.service");
    }

    @Test
    void reinstallingReplacesTheUnitAndRestartsSoTheNewDefinitionTakesEffect() {
        manager.install(web01());
        manager.install(web01().toBuilder().userName("octopus").build());

        assertThat(unitDirectory.resolve("tentacle-Web01.service")).content().contains("User=octopus");
        assertThat(systemctl.calls()).containsExactly(
                "daemon-reload", "enable tentacle-Web01.service", "start tentacle-Web01.service",
                "daemon-reload", "enable tentacle-Web01.service", "restart tentacle-Web01.service");
    }

    @Test
    void uninstallStopsDisablesRemovesTheUnitAndReloads() {
        manager.install(web01());

        boolean removed = manager.uninstall(WEB01);

        assertThat(removed).isTrue();
        assertThat(unitDirectory.resolve("tentacle-Web01.service")).doesNotExist();
        assertThat(systemctl.calls()).endsWith(
                "stop tentacle-Web01.service",
                "disable tentacle-Web01.service",
                "daemon-reload");
    }

    @Test
    void uninstallingWhatIsNotInstalledChangesNothing() {
        assertThat(manager.uninstall(WEB01)).isFalse();
        assertThat(systemctl.calls()).isEmpty();
    }

    @Test
    void startStopAndRestartCallSystemctlWithTheUnit() {
        manager.install(web01());

        manager.stop(WEB01);
        manager.start(WEB01);
        manager.restart(WEB01);

        assertThat(systemctl.calls()).endsWith(
                "stop tentacle-Web01.service",
                "start tentacle-Web01.service",
                "restart tentacle-Web01.service");
    }

    @Test
    void controllingAServiceThatIsNotInstalledSaysHowToInstallIt() {
        assertThatThrownBy(() -> manager.start(MY_INSTANCE))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessageContaining("The OS service of Tentacle instance \"My Instance\" is not installed")
                .hasMessageContaining("`tentacle service --instance 'My Instance' --install`");
        assertThat(systemctl.calls()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            active,       0, RUNNING
            reloading,    0, RUNNING
            inactive,     3, STOPPED
            failed,       3, STOPPED
            activating,   3, UNKNOWN
            deactivating, 3, UNKNOWN
            unknown,      4, UNKNOWN
            """)
    void statusMapsWhatIsActivePrints(String printed, int exitCode, ServiceStatus.State expected) {
        manager.install(web01());
        systemctl.respond("is-active", exitCode, printed + "\n", "");

        ServiceStatus status = manager.status(WEB01);

        assertThat(status.state()).isEqualTo(expected);
        assertThat(systemctl.calls()).last().isEqualTo("is-active tentacle-Web01.service");
    }

    @Test
    void aFailedUnitIsStoppedWithAHintWhereToLook() {
        manager.install(web01());
        systemctl.respond("is-active", 3, "failed\n", "");

        assertThat(manager.status(WEB01).detail()).contains("journalctl -u tentacle-Web01.service");
    }

    @Test
    void anUnexpectedAnswerIsUnknownAndQuotesIt() {
        manager.install(web01());
        systemctl.respond("is-active", 1, "", "Failed to get unit state: Connection timed out");

        ServiceStatus status = manager.status(WEB01);

        assertThat(status.state()).isEqualTo(ServiceStatus.State.UNKNOWN);
        assertThat(status.detail()).contains("`systemctl is-active tentacle-Web01.service` answered with exit code 1")
                .contains("Connection timed out");
    }

    @Test
    void statusOfANameTooLongForAUnitIsUnknownAndSaysWhy() {
        ServiceStatus status = manager.status(ServiceName.tentacle("é".repeat(60)));

        assertThat(status.state()).isEqualTo(ServiceStatus.State.UNKNOWN);
        assertThat(status.detail()).contains("choose a shorter instance name");
    }

    @Test
    void statusOfAServiceWithNoUnitIsNotInstalledWithoutAskingSystemctl() {
        assertThat(manager.status(WEB01)).isEqualTo(ServiceStatus.notInstalled());
        assertThat(systemctl.calls()).isEmpty();
    }

    @Test
    void aFailingSystemctlCallQuotesTheCommandAndItsOutputAndSaysWhatToDo() {
        systemctl.respond("enable", 1, "", "Failed to enable unit: Access denied\n");

        assertThatThrownBy(() -> manager.install(web01()))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessageContaining("The OS service of Tentacle instance \"Web01\" was written to "
                        + unitDirectory.resolve("tentacle-Web01.service") + " but could not be enabled")
                .hasMessageContaining("`systemctl enable tentacle-Web01.service` failed with exit code 1")
                .hasMessageContaining("Failed to enable unit: Access denied")
                .hasMessageContaining("run the command again with sudo");
        assertThat(systemctl.calls()).containsExactly("daemon-reload", "enable tentacle-Web01.service");
    }

    @Test
    void aSystemctlThatFindsNoSystemdSaysToRunInTheForeground() {
        systemctl.respond("daemon-reload", 1, "",
                "System has not been booted with systemd as init system (PID 1). Can't operate.\n"
                        + "Failed to connect to bus: Host is down\n");

        assertThatThrownBy(() -> manager.install(ServiceDefinition.builder(MY_INSTANCE, "/opt/t/tentacle").build()))
                .hasMessageContaining("`systemctl daemon-reload` failed with exit code 1")
                .hasMessageContaining("System has not been booted with systemd")
                .hasMessageContaining("systemd is not running on this machine (containers often lack it): run the "
                        + "agent in the foreground with `tentacle run --instance 'My Instance'` instead.");
    }

    @Test
    void otherFailuresPointAtTheJournal() {
        manager.install(web01());
        systemctl.respond("restart", 1, "", "Job for tentacle-Web01.service failed because the control process "
                + "exited with error code.\n");

        assertThatThrownBy(() -> manager.restart(WEB01))
                .hasMessageContaining("could not be restarted")
                .hasMessageContaining("`systemctl restart tentacle-Web01.service` failed with exit code 1")
                .hasMessageContaining("See `systemctl status tentacle-Web01.service` and "
                        + "`journalctl -u tentacle-Web01.service`");
    }

    @Test
    void withoutSystemdNothingIsWrittenAndTheMessageSaysToRunInTheForeground() throws IOException {
        Files.delete(runtimeDirectory);

        assertThatThrownBy(() -> manager.install(ServiceDefinition.builder(MY_INSTANCE, "/opt/t/tentacle").build()))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessageContaining("systemd is not running on this machine (" + runtimeDirectory
                        + " does not exist; containers often lack it)")
                .hasMessageContaining("cannot be installed")
                .hasMessageContaining("`tentacle run --instance 'My Instance'`");
        assertThat(unitDirectory).doesNotExist();
        assertThat(systemctl.calls()).isEmpty();
        assertThat(manager.isSupported()).isFalse();
        assertThat(manager.describe()).startsWith("systemd is not running on this machine");
    }

    @Test
    void statusWithoutSystemdIsUnknownForAnInstalledUnit() throws IOException {
        manager.install(web01());
        Files.delete(runtimeDirectory);

        ServiceStatus status = manager.status(WEB01);

        assertThat(status.state()).isEqualTo(ServiceStatus.State.UNKNOWN);
        assertThat(status.detail()).contains("systemd is not running");
    }

    @Test
    void aUnitDirectoryThatCannotBeWrittenSaysRootIsNeeded() throws IOException {
        Files.createDirectories(unitDirectory.getParent());
        Files.writeString(unitDirectory, "not a directory");

        assertThatThrownBy(() -> manager.install(web01()))
                .hasMessageContaining("Could not write the systemd unit " + unitDirectory.resolve("tentacle-Web01.service"))
                .hasMessageContaining("run the command with sudo");
        assertThat(systemctl.calls()).isEmpty();
    }

    @Test
    void anInvalidDefinitionIsRejectedBeforeAnythingChanges() {
        ServiceDefinition relative = ServiceDefinition.builder(WEB01, "bin/tentacle").build();

        assertThatThrownBy(() -> manager.install(relative))
                .hasMessageContaining("the launcher \"bin/tentacle\" is not an absolute path")
                .hasMessageContaining("give the full path, starting with /");
        assertThat(unitDirectory).doesNotExist();
        assertThat(systemctl.calls()).isEmpty();
    }

    @Test
    void isSupportedAndDescribeNameTheUnitDirectoryAndSystemctl() {
        assertThat(manager.isSupported()).isTrue();
        assertThat(manager.describe()).isEqualTo("systemd units in " + unitDirectory + ", controlled with "
                + systemctl.executable() + ".");
    }

    @Test
    void aMissingSystemctlIsNotSupportedAndSaysSo() {
        SystemdServiceManager withoutSystemctl = new SystemdServiceManager(new SystemdServiceManager.Settings(
                unitDirectory, "no-such-systemctl", runtimeDirectory), systemctl.runner());

        assertThat(withoutSystemctl.isSupported()).isFalse();
        assertThat(withoutSystemctl.describe()).contains("no-such-systemctl was not found on the PATH");
        assertThatThrownBy(() -> withoutSystemctl.install(web01()))
                .hasMessageContaining("no-such-systemctl was not found in any directory of the PATH");
    }

    @Test
    void tentacleAndServerInstancesOfTheSameNameGetDifferentUnits() {
        manager.install(web01());
        manager.install(ServiceDefinition.builder(ServiceName.octopusServer("Web01"), "/opt/octopus/octopus-server")
                .build());

        assertThat(unitDirectory.resolve("tentacle-Web01.service")).exists();
        assertThat(unitDirectory.resolve("octopus-server-Web01.service")).content()
                .contains("Description=OctopusDeploy: Web01");
    }
}
