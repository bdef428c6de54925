package dev.tentacle.installers.linux;

import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An X server without a screen (Xvfb) on a display number it picks itself ({@code -displayfd}), for running a
 * desktop app at package time. Closing it stops the server.
 */
public final class VirtualDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Why no virtual display can be started here, when that is so. */
    public static Optional<String> unavailable() {
        return Processes.find("Xvfb").isPresent() ? Optional.empty()
                : Optional.of("Xvfb is not installed (Debian/Ubuntu: apt-get install xvfb; Fedora: dnf install"
                        + " xorg-x11-server-Xvfb)");
    }

    /**
     * Starts Xvfb and waits for it to say which display it took.
     *
     * @throws PackagingException when it does not start within 30 s
     */
    public static VirtualDisplay start(Path work) {
        Process process;
        try {
            process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new PackagingException("Cannot start Xvfb: " + e.getMessage(), e);
        }
        var firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String number = firstLine.get(30, TimeUnit.SECONDS);
            if (number == null || !number.strip().matches("\\d+")) {
                throw new PackagingException("Xvfb did not report a display number (it printed '" + number + "').");
            }
            return new VirtualDisplay(process, ":" + number.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new PackagingException("Interrupted while starting Xvfb", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new PackagingException("Xvfb did not start within 30 s: " + e, e);
        }
    }

    /** The value of {@code DISPLAY}, such as {@code :1}. */
    public String display() {
        return display;
    }

    /**
     * Waits until a window of the given X11 class is shown, using {@code xwininfo} (x11-utils) when installed;
     * without it, waits the whole {@code fallback}.
     *
     * @param process the app, whose end stops the wait
     * @return true when the window was seen (or the fallback time passed with the app running)
     */
    public boolean awaitWindow(String windowClass, Process process, Duration timeout, Duration fallback)
            throws InterruptedException {
        boolean canLook = Processes.find("xwininfo").isPresent();
        Instant deadline = Instant.now().plus(canLook ? timeout : fallback);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            if (canLook && windowShown(windowClass)) {
                return true;
            }
            Thread.sleep(100);
        }
        return !canLook && process.isAlive();
    }

    private boolean windowShown(String windowClass) {
        Processes.Result tree = Processes.run(List.of("xwininfo", "-root", "-tree"), Path.of("."),
                Map.of("DISPLAY", display), Duration.ofSeconds(10));
        return tree.exitCode() == 0 && tree.stdout().contains("\"" + windowClass + "\"");
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            xvfb.destroyForcibly();
        }
    }
}
