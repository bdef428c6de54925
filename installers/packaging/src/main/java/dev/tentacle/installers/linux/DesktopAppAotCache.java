package dev.tentacle.installers.linux;

import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.TreeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records the desktop app's AOT cache at package time, as {@link AotCache} does for the command line: the staged
 * launcher opens the app on a virtual display ({@link VirtualDisplay}) with an empty instance registry (its welcome
 * screen) and {@code -XX:AOTCacheOutput}; once its window shows, it is stopped (SIGTERM: the JVM's exit writes the
 * cache). It is then checked by opening the window again with {@code -XX:AOTMode=on}. The window shows about twice as
 * fast with the cache (docs/performance.md).
 *
 * <p>Built only where Xvfb is installed; without it the package has no cache for the desktop app, which starts
 * without one.
 */
public final class DesktopAppAotCache {
    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);
    /** Without xwininfo, how long to let the app start before stopping it. */
    private static final Duration WITHOUT_XWININFO = Duration.ofSeconds(12);
    /** After the window shows, time for the first screen to finish loading what it loads lazily. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(3);

    private DesktopAppAotCache() {
    }

    /** The cache's place in the tree: {@code lib/app/GUI.aot}. */
    public static Path file(LinuxTree tree) {
        return tree.appDirectory().resolve("lib/app").resolve(tree.product().gui().name() + ".aot");
    }

    /**
     * Records and checks the cache.
     *
     * @param work an empty directory
     * @param time the tree's modification time, given to the cache too
     * @throws PackagingException when the app does not show its window, or cannot use the cache
     */
    public static void record(LinuxTree tree, Path work, FileTime time) {
        Path cache = file(tree);
        try (VirtualDisplay display = VirtualDisplay.start(work)) {
            Map<String, String> environment = environment(tree, work, display);
            environment.put(AotCache.OUTPUT_VARIABLE, cache.toString());
            Process training = start(tree, work, environment, "training");
            if (!display.awaitWindow(tree.product().gui().windowClass(), training, WINDOW_TIMEOUT, WITHOUT_XWININFO)) {
                throw new PackagingException("The " + tree.product().gui().title() + " did not show its window while"
                        + " recording its AOT cache" + output(work, "training"));
            }
            Thread.sleep(SETTLE.toMillis());
            training.destroy();
            if (!training.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                training.destroyForcibly();
                throw new PackagingException("The " + tree.product().gui().title() + " did not exit within "
                        + EXIT_TIMEOUT.toMinutes() + " min of being stopped while recording its AOT cache.");
            }
            if (!Files.isRegularFile(cache)) {
                throw new PackagingException("The " + tree.product().gui().title() + " exited without writing its AOT"
                        + " cache " + cache + output(work, "training"));
            }
            Files.setPosixFilePermissions(cache, TreeFiles.READABLE);
            Files.getFileAttributeView(cache, BasicFileAttributeView.class).setTimes(time, null, null);
            check(tree, work, display);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackagingException("Interrupted while recording the desktop app's AOT cache", e);
        } catch (IOException e) {
            throw new PackagingException("Cannot record the desktop app's AOT cache: " + e.getMessage(), e);
        }
    }

    /** Opens the window with {@code -XX:AOTMode=on}, which refuses to start unless the JVM uses the cache. */
    private static void check(LinuxTree tree, Path work, VirtualDisplay display) throws IOException,
            InterruptedException {
        Map<String, String> environment = environment(tree, work, display);
        environment.put(tree.product().cli().javaOptionsVariable(), "-XX:AOTMode=on");
        Process check = start(tree, work, environment, "check");
        try {
            if (!display.awaitWindow(tree.product().gui().windowClass(), check, WINDOW_TIMEOUT, WITHOUT_XWININFO)) {
                throw new PackagingException("The " + tree.product().gui().title() + " cannot use the AOT cache it was"
                        + " given (" + file(tree) + ")" + output(work, "check"));
            }
        } finally {
            check.destroy();
            if (!check.waitFor(30, TimeUnit.SECONDS)) {
                check.destroyForcibly();
            }
        }
    }

    private static Process start(LinuxTree tree, Path work, Map<String, String> environment, String name)
            throws IOException {
        var builder = new ProcessBuilder(tree.guiLauncher().toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        return builder.start();
    }

    /** The training environment: nothing from the build, an empty registry, software rendering on the display. */
    private static Map<String, String> environment(LinuxTree tree, Path work, VirtualDisplay display)
            throws IOException {
        var environment = new HashMap<String, String>();
        System.getenv().keySet().stream().filter(name -> !name.equals("PATH"))
                .forEach(name -> environment.put(name, null));
        Path registry = Files.createDirectories(work.resolve("registry"));
        environment.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        environment.put("OCTOPUS_INSTANCES_DIR", registry.toString());
        environment.put("DISPLAY", display.display());
        environment.put("LANG", "C.UTF-8");
        return environment;
    }

    private static String output(Path work, String name) {
        try {
            String text = Files.readString(work.resolve(name + ".log")).strip();
            return text.isEmpty() ? "." : ". Its output:\n" + text;
        } catch (IOException e) {
            return ".";
        }
    }
}
