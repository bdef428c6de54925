package dev.tentacle.desktop.fx;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens directories with {@code java.awt.Desktop} when this JVM supports it, otherwise with the OS's opener:
 * {@code xdg-open} on Linux and BSD, {@code open} on macOS, {@code explorer} on Windows.
 */
final class DesktopFileManager implements FileManager {
    private static final long OPENER_TIMEOUT_SECONDS = 15;

    private final String osName;

    DesktopFileManager(String osName) {
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("The directory " + directory + " does not exist"
                    + (Files.exists(directory) ? " (a file is in its place)" : " yet") + ". The agent creates it when"
                    + " it first needs it; run the Tentacle once, or create the directory yourself.");
        }
        if (desktopCanOpen()) {
            try {
                Desktop.getDesktop().open(directory.toFile());
                return;
            } catch (IOException | RuntimeException e) {
                // Fall back to the OS's opener, which often works where the AWT integration does not.
            }
        }
        runOpener(opener(), directory);
    }

    private static boolean desktopCanOpen() {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The program that opens a directory here. */
    String opener() {
        if (osName.startsWith("windows")) {
            return "explorer";
        }
        return osName.startsWith("mac") ? "open" : "xdg-open";
    }

    static void runOpener(String opener, Path directory) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(opener, directory.toString())).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not open " + directory + ": " + opener + " could not be started ("
                    + e.getMessage() + "). Install a file manager and " + opener + " (on Linux, the xdg-utils package),"
                    + " or open the directory yourself.", e);
        }
        try {
            if (!process.waitFor(OPENER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return; // Some openers stay while the file manager runs: it started, which is all we asked for.
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            // explorer.exe exits with 1 even when it opened the window.
            if (process.exitValue() != 0 && !opener.equals("explorer")) {
                throw new IllegalStateException("Could not open " + directory + ": " + opener + " exited with code "
                        + process.exitValue() + (output.isEmpty() ? "" : " and said: " + output) + ". Check that a"
                        + " file manager is installed and set as the default for directories, or open the directory"
                        + " yourself.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read what " + opener + " said: " + e.getMessage(), e);
        }
    }
}
