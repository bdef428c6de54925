package dev.tentacle.testing.services;

import dev.tentacle.instances.service.ExecutableSearchPath;
import dev.tentacle.instances.service.ProcessCommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * A shell script called {@code systemctl} in a temporary directory that {@link #runner()} searches first. Each call
 * appends its arguments as one line to a log; the answer to a verb ({@code is-active}, {@code enable}...) is scripted
 * with {@link #respond}: what it prints on stdout and stderr, and its exit code (0 unless scripted). By default
 * {@code is-active} prints {@code active}.
 *
 * <p>engine/instances' own tests keep a copy: this module depends on tentacle-instances, so those tests cannot use it.
 */
public final class FakeSystemctl {
    private final Path binDirectory;
    private final Path log;
    private final Path responses;

    private FakeSystemctl(Path root) throws IOException {
        this.binDirectory = Files.createDirectories(root.resolve("bin"));
        this.log = root.resolve("systemctl-calls.log");
        this.responses = Files.createDirectories(root.resolve("responses"));
        Files.createFile(log);
        Path script = binDirectory.resolve("systemctl");
        Files.writeString(script, """
                #!/bin/sh
                printf '%%s\\n' "$*" >> '%s'
                answer='%s'/"$1"
                if [ -f "$answer.delay" ]; then sleep "$(cat "$answer.delay")"; fi
                if [ -f "$answer.out" ]; then cat "$answer.out"; fi
                if [ -f "$answer.err" ]; then cat "$answer.err" >&2; fi
                if [ -f "$answer.rc" ]; then exit "$(cat "$answer.rc")"; fi
                exit 0
                """.formatted(log, responses));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        respond("is-active", 0, "active\n", "");
    }

    public static FakeSystemctl in(Path root) {
        try {
            return new FakeSystemctl(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real process runner with the fake first on its PATH. */
    public ProcessCommandRunner runner() {
        return new ProcessCommandRunner(ExecutableSearchPath.fromEnvironment().prepend(binDirectory),
                Duration.ofSeconds(30));
    }

    public Path executable() {
        return binDirectory.resolve("systemctl");
    }

    public FakeSystemctl respond(String verb, int exitCode, String stdout, String stderr) {
        try {
            Files.writeString(responses.resolve(verb + ".out"), stdout);
            Files.writeString(responses.resolve(verb + ".err"), stderr);
            Files.writeString(responses.resolve(verb + ".rc"), Integer.toString(exitCode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Makes the verb take this many seconds, so that a test can press Cancel meanwhile. */
    public FakeSystemctl delay(String verb, int seconds) {
        try {
            Files.writeString(responses.resolve(verb + ".delay"), Integer.toString(seconds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The calls so far, one line of space-separated arguments each. */
    public List<String> calls() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls other than status queries ({@code is-active}), which the main window makes every few seconds. */
    public List<String> changes() {
        return calls().stream().filter(call -> !call.startsWith("is-active")).toList();
    }
}
