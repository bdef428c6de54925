package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code bin/tentacle} as a process. Its first run builds the project offline, which is skipped (not
 * failed) when this machine cannot build without network access.
 */
class LauncherTest {
    /** Upper bound for a first run that builds, so that a stuck build fails the test instead of hanging it. */
    private static final long SAFETY_LIMIT_MINUTES = 10;

    @TempDir
    static Path temp;

    static Path launcher;
    static Launched version;

    record Launched(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void buildOnce() throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "bin/tentacle is a bash script");
        launcher = findLauncher();
        assumeTrue(launcher != null, "bin/tentacle is not above " + Path.of("").toAbsolutePath());
        version = launch("version");
        assumeTrue(version.exitCode() != 3, "bin/tentacle could not build offline: " + version.err());
    }

    @Test
    void versionComesFromTheJarManifest() {
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("Tentacle for the JVM ").doesNotContain(VersionInfo.DEVELOPMENT_BUILD);
        assertThat(version.out().lines().toList()).hasSize(2);
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Launched help = launch("help");

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: tentacle", "create-instance", "show-thumbprint", "poll-server", "service");
    }

    @Test
    void standardOutputHoldsOnlyTheJson() throws Exception {
        Launched json = launch("version", "--format", "json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).get("version").asText()).isNotBlank();
    }

    @Test
    void passesTheCommandsExitCodeOn() throws Exception {
        Launched unknown = launch("no-such-command");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("'no-such-command' is not a tentacle command.");
    }

    @Test
    void usesTheRegistryInOctopusInstancesDir() throws Exception {
        Launched created = launch("create-instance", "--instance", "FromLauncher");
        Launched listed = launch("list-instances", "--format", "json");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(new ObjectMapper().readTree(listed.out()).get("registry").asText()).isEqualTo(registry().toString());
        assertThat(registry().resolve("Tentacle/instances/FromLauncher/Tentacle.config.json")).exists();
    }

    private static Path registry() {
        return temp.resolve("registry");
    }

    private static Launched launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("TENTACLE_OFFLINE", "1");
        builder.environment().put("OCTOPUS_INSTANCES_DIR", registry().toString());
        Process process = builder.start();
        if (!process.waitFor(SAFETY_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/tentacle " + String.join(" ", args) + " did not finish within "
                    + SAFETY_LIMIT_MINUTES + " minutes; stderr so far: " + Files.readString(err));
        }
        return new Launched(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path findLauncher() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bin/tentacle");
            if (Files.isExecutable(candidate) && Files.exists(dir.resolve("engine/tentacle/pom.xml"))) {
                return candidate;
            }
        }
        return null;
    }
}
