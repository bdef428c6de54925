package dev.tentacle.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The quickstart's long-running processes (the server and the two agents), tracked by pid files in its logs
 * directory so that a later {@code bin/quickstart stop} finds them.
 */
final class BackgroundProcesses {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final QuickstartLayout layout;

    BackgroundProcesses(QuickstartLayout layout) {
        this.layout = layout;
    }

    void started(String instance, Process process) {
        try {
            Files.writeString(layout.pidFile(instance), Long.toString(process.pid()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.pidFile(instance), e);
        }
    }

    /** The running process of an instance, if its pid file names one that is alive. */
    Optional<ProcessHandle> running(String instance) {
        Path file = layout.pidFile(instance);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until the instance's process accepts connections on {@code port}.
     *
     * @throws QuickstartException when the process ends first or the port stays closed, with the end of its log
     */
    void awaitListening(String instance, Process process, int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new QuickstartException(instance + " stopped with exit code " + process.exitValue()
                        + " before it was ready. The end of its log (" + layout.log(instance) + "):\n" + tail(instance));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(200));
            }
        }
        throw new QuickstartException(instance + " did not open port " + port + " within " + READY_TIMEOUT.toSeconds()
                + " s. The end of its log (" + layout.log(instance) + "):\n" + tail(instance));
    }

    /** Stops the instance's process, if it runs, as Ctrl+C would; returns whether one was running. */
    boolean stop(String instance) {
        Optional<ProcessHandle> process = running(instance);
        process.ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(layout.pidFile(instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process.isPresent();
    }

    String tail(String instance) {
        try {
            List<String> lines = Files.readAllLines(layout.log(instance));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuickstartException("Interrupted while waiting for a process to start");
        }
    }
}
