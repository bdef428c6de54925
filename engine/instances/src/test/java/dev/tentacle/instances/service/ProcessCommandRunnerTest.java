package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCommandRunnerTest {
    @TempDir
    Path temp;

    private final ProcessCommandRunner runner = new ProcessCommandRunner(ExecutableSearchPath.fromEnvironment(),
            Duration.ofSeconds(30));

    private Path script(Path directory, String name, String body) throws IOException {
        Files.createDirectories(directory);
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void capturesStandardOutputStandardErrorAndTheExitCode() {
        CommandResult result = runner.run(Command.posix("sh", "-c", "printf 'to out'; printf 'to err' >&2; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("to out");
        assertThat(result.stderr()).isEqualTo("to err");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void passesArgumentsWithoutAShell() {
        CommandResult result = runner.run(Command.posix("printf", "%s|", "My Instance", "$HOME", "a\"b", "*"));

        assertThat(result.stdout()).isEqualTo("My Instance|$HOME|a\"b|*|");
    }

    @Test
    void findsProgramsInItsOwnSearchPathFirstAndHandsThatPathToTheChild() throws IOException {
        Path bin = temp.resolve("fake bin");
        script(bin, "systemctl", "echo \"fake systemctl $*\"; echo \"$PATH\" >&2");
        ProcessCommandRunner withFake = new ProcessCommandRunner(ExecutableSearchPath.fromEnvironment().prepend(bin),
                Duration.ofSeconds(30));

        CommandResult result = withFake.run(Command.posix("systemctl", "is-active", "x.service"));

        assertThat(withFake.locate("systemctl")).contains(bin.resolve("systemctl"));
        assertThat(result.stdout().strip()).isEqualTo("fake systemctl is-active x.service");
        assertThat(result.stderr()).startsWith(bin + ":");
    }

    @Test
    void closesStandardInputSoAProgramThatReadsItDoesNotHang() {
        CommandResult result = runner.run(Command.posix("cat"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aMissingProgramSaysWhereItWasLookedFor() {
        ProcessCommandRunner narrow = new ProcessCommandRunner(ExecutableSearchPath.of(temp), Duration.ofSeconds(5));

        assertThatThrownBy(() -> narrow.run(Command.posix("systemctl", "start", "x.service")))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessage("Cannot run `systemctl start x.service`: systemctl was not found in any directory of the "
                        + "PATH (" + temp + "). Install it, or add the directory that holds it to the PATH.");
    }

    @Test
    void aCommandThatRunsTooLongIsKilledWithItsChildrenAndReported() throws IOException {
        Path pidFile = temp.resolve("child.pid");
        Path slow = script(temp.resolve("bin"), "slow", "echo started; sleep 600 & echo $! > '" + pidFile + "'; wait");
        ProcessCommandRunner impatient = new ProcessCommandRunner(ExecutableSearchPath.fromEnvironment(),
                Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.run(Command.posix(slow.toString())))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessageContaining("did not finish within 500 ms and was stopped")
                .hasMessageContaining("started");
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(childPid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void keepsOnlyTheFirst64KiBOfOutput() {
        CommandResult result = runner.run(Command.posix("sh", "-c", "head -c 200000 /dev/zero | tr '\\0' a"));

        assertThat(result.stdout()).startsWith("a".repeat(ProcessCommandRunner.OUTPUT_LIMIT))
                .doesNotContain("a".repeat(ProcessCommandRunner.OUTPUT_LIMIT + 1))
                .endsWith("[output cut after 65536 bytes]");
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> new ProcessCommandRunner(ExecutableSearchPath.of(temp), Duration.ZERO))
                .hasMessageContaining("must be positive");
    }
}
