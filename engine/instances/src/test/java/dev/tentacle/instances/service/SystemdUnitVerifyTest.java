package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code systemd-analyze verify} on the units {@link SystemdServiceManager} writes, where the machine has it
 * (systemd need not be running). verify loads the unit as systemd would and checks that {@code ExecStart=} names an
 * existing executable, so a quoting mistake in a path shows up as an error.
 */
class SystemdUnitVerifyTest {
    @TempDir
    Path temp;

    private final ProcessCommandRunner runner = new ProcessCommandRunner(ExecutableSearchPath.fromEnvironment(),
            Duration.ofSeconds(60));
    private SystemdServiceManager manager;
    private Path unitDirectory;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(runner.locate("systemd-analyze").isPresent(), "systemd-analyze is not installed on this machine");
        FakeSystemctl systemctl = FakeSystemctl.in(temp.resolve("fake"));
        unitDirectory = temp.resolve("units");
        manager = new SystemdServiceManager(new SystemdServiceManager.Settings(unitDirectory, "systemctl",
                Files.createDirectories(temp.resolve("run/systemd/system"))), systemctl.runner());
    }

    private Path launcherIn(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path launcher = directory.resolve("tentacle");
        Files.writeString(launcher, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }

    private CommandResult verify(Path unit) {
        return runner.run(Command.posix("systemd-analyze", "verify", unit.toString()));
    }

    @Test
    void theGeneratedUnitForAPlainNamePassesVerify() throws IOException {
        ServiceName service = ServiceName.tentacle("Web01");
        manager.install(ServiceDefinition.builder(service, launcherIn(temp.resolve("opt/tentacle/bin"))).build());

        CommandResult result = verify(manager.unitFile(service));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain(manager.unitFile(service).toString());
    }

    @Test
    void aUnitWithSpacesPercentDollarAndQuotesEverywherePassesVerify() throws IOException {
        ServiceName service = ServiceName.tentacle("My 100% \"quoted\" $HOME Instance");
        Path launcher = launcherIn(temp.resolve("Program Files/Octopus 100%/$bin"));
        Path home = Files.createDirectories(temp.resolve("home with space/100%"));
        manager.install(ServiceDefinition.builder(service, launcher)
                .userName("root")
                .workingDirectory(home)
                .environmentVariable("TENTACLE_HOME", home + "/\"quoted\" \\ 50% $HOME")
                .build());
        Path unit = manager.unitFile(service);

        CommandResult result = verify(unit);

        assertThat(unit.getFileName().toString())
                .isEqualTo("tentacle-My\\x20100\\x25\\x20\\x22quoted\\x22\\x20\\x24HOME\\x20Instance.service");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain(unit.toString());
    }

    @Test
    void verifyCatchesAUnitWhoseExecutableIsMissingSoThePassingTestsMeanSomething() throws IOException {
        ServiceName service = ServiceName.tentacle("Web01");
        manager.install(ServiceDefinition.builder(service, temp.resolve("no/such/tentacle")).build());

        CommandResult result = verify(manager.unitFile(service));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("no/such/tentacle");
    }
}
