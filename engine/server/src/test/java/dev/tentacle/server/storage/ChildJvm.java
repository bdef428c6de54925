package dev.tentacle.server.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A {@link StorageChild} in a JVM of its own, which the test kills with SIGKILL (no shutdown hooks, no cleanup). */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final Path errors;

    private ChildJvm(Process process, Path errors) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.errors = errors;
    }

    static ChildJvm start(String mode, StorageConfiguration configuration, Path workDirectory) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path errors = Files.createTempFile(workDirectory, "child-", ".err");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                StorageChild.class.getName(), mode, configuration.jdbcUrl(), nullToEmpty(configuration.user()),
                nullToEmpty(configuration.password())))
                .redirectError(errors.toFile())
                .start();
        return new ChildJvm(process, errors);
    }

    /** Blocks until the child prints {@code marker}; fails with the child's error output if it exits first. */
    void awaitLine(String marker) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            if (line.equals(marker)) {
                return;
            }
        }
        throw new AssertionError("The child JVM ended before printing " + marker + ". Its error output:\n"
                + Files.readString(errors));
    }

    /** Writes a line to the child's standard input. */
    void send(String line) throws IOException {
        var input = process.getOutputStream();
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    long pid() {
        return process.pid();
    }

    /** Kills the child as a crash would and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the killed child JVM to exit", e);
        }
    }

    @Override
    public void close() throws IOException {
        kill();
        output.close();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
