package dev.tentacle.installers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs external programs (dpkg-deb, rpmbuild, the staged launchers) with a deadline and collects their output. */
public final class Processes {
    private Processes() {
    }

    /**
     * What a program did.
     *
     * @param command the command line, for messages
     * @param exitCode its exit code
     * @param stdout what it printed on standard output
     * @param stderr what it printed on standard error
     */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public Result {
            command = List.copyOf(command);
        }

        /** Standard output and error, for messages. */
        public String output() {
            return (stdout.strip() + "\n" + stderr.strip()).strip();
        }

        /**
         * This result when the exit code is 0.
         *
         * @throws PackagingException with the command, the exit code and the output otherwise
         */
        public Result requireSuccess(String whatFor) {
            if (exitCode != 0) {
                throw new PackagingException(String.join(" ", command) + " failed (exit code " + exitCode + ") while "
                        + whatFor + ".\nOutput:\n" + output());
            }
            return this;
        }
    }

    /**
     * Runs a program to its end.
     *
     * @param command the program and its arguments
     * @param directory the working directory
     * @param environment variables to set (a null value removes one)
     * @param timeout how long it may take; it is killed after that
     * @throws PackagingException when it cannot be started or outlives the timeout
     */
    public static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        var builder = new ProcessBuilder(command).directory(directory.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PackagingException("Cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Nothing is written to it; a program that already exited closed it first.
        }
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new PackagingException(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                        + " s and was stopped.");
            }
            return new Result(command, process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new PackagingException("Interrupted while running " + command.getFirst(), e);
        }
    }

    /** The program's path when it is on this process's {@code PATH} and executable. */
    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Reads a stream to its end on a thread of its own, so that a full pipe never blocks the program. */
    private static CompletableFuture<String> drain(InputStream stream) {
        var text = new CompletableFuture<String>();
        Thread.ofVirtual().name("process-output").start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return text;
    }
}
