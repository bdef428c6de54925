package dev.tentacle.desktop.fx;

import java.nio.file.Path;

/** Opens a directory in the desktop's file manager. */
@FunctionalInterface
public interface FileManager {

    /**
     * Opens the directory; may block while the file manager starts, so call it off the UI thread.
     *
     * @throws IllegalStateException saying what to do, when the directory does not exist or no file manager could
     *     be started
     */
    void open(Path directory);

    /** The desktop's file manager: {@code java.awt.Desktop} where supported, else {@code xdg-open} (or the OS's own). */
    static FileManager forThisMachine() {
        return new DesktopFileManager(System.getProperty("os.name", ""));
    }
}
