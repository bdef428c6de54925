package dev.tentacle.installers.linux;

import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Processes;
import dev.tentacle.installers.TreeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the command line's AOT cache at package time (JEP 483 and 514, the successor of AppCDS in JDK 25): the
 * staged launcher runs the training command (such as {@code help}) with {@code -XX:AOTCacheOutput}, and the JVM
 * writes the classes it loaded, parsed and linked into {@code lib/app/NAME.aot}. The installed launcher passes
 * {@code -XX:AOTCache}, and the JVM maps them instead of reading jars.
 *
 * <p>The cache is recorded against the staged tree and used from {@code /opt/NAME}: the JVM accepts a class path
 * that moved as long as every jar keeps its size and modification time, which the packages preserve (the tree's
 * times are set once, before the training). A cache that does not match is ignored with a warning on standard
 * error, and the command starts without it. So that this never ships, {@link #record} checks the new cache with
 * {@code -XX:AOTMode=on}, which refuses to start without it.
 */
public final class AotCache {
    /** The launcher variable that switches it from using the cache to recording it. */
    public static final String OUTPUT_VARIABLE = "PACKAGE_BUILD_AOT_CACHE_OUTPUT";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private AotCache() {
    }

    /**
     * Records the cache, then checks that the launcher uses it.
     *
     * @param tree the staged tree, its times already set
     * @param trainingArguments the command to run, such as {@code help}
     * @param work an empty directory for the training run's home and registry
     * @param time the tree's modification time, given to the cache too
     * @throws PackagingException when the training fails or the launcher cannot use the cache
     */
    public static void record(LinuxTree tree, List<String> trainingArguments, Path work, FileTime time) {
        Path cache = tree.aotCache();
        Map<String, String> environment = trainingEnvironment(tree, work);
        environment.put(OUTPUT_VARIABLE, cache.toString());
        var training = new ArrayList<String>();
        training.add(tree.cliLauncher().toString());
        training.addAll(trainingArguments);
        Processes.run(training, work, environment, TIMEOUT).requireSuccess("recording the AOT cache with "
                + String.join(" ", trainingArguments));
        if (!Files.isRegularFile(cache)) {
            throw new PackagingException("The training run ended without writing the AOT cache " + cache + ".");
        }
        try {
            Files.setPosixFilePermissions(cache, TreeFiles.READABLE);
            Files.getFileAttributeView(cache, BasicFileAttributeView.class).setTimes(time, null, null);
        } catch (IOException e) {
            throw new PackagingException("Cannot set the permissions of " + cache + ": " + e.getMessage(), e);
        }
        check(tree, work);
    }

    /** Runs {@code version} with {@code -XX:AOTMode=on}: it starts only when the JVM can map the cache. */
    static void check(LinuxTree tree, Path work) {
        Map<String, String> environment = trainingEnvironment(tree, work);
        environment.put(tree.product().cli().javaOptionsVariable(), "-XX:AOTMode=on");
        Processes.Result result = Processes.run(List.of(tree.cliLauncher().toString(), "version"), work, environment,
                TIMEOUT);
        if (result.exitCode() != 0) {
            throw new PackagingException("The launcher cannot use the AOT cache it was given (" + tree.aotCache()
                    + "): " + tree.cliLauncher() + " version with -XX:AOTMode=on failed with exit code "
                    + result.exitCode() + ":\n" + result.output());
        }
    }

    /**
     * A clean environment: nothing from the build's (no JAVA_TOOL_OPTIONS, no option variable), its own home and
     * instance registry so that nothing reads or writes the machine's.
     */
    private static Map<String, String> trainingEnvironment(LinuxTree tree, Path work) {
        try {
            Files.createDirectories(work.resolve("home"));
            Files.createDirectories(work.resolve("registry"));
        } catch (IOException e) {
            throw new PackagingException("Cannot create " + work + ": " + e.getMessage(), e);
        }
        var environment = new HashMap<String, String>();
        for (String name : System.getenv().keySet()) {
            if (!name.equals("PATH")) {
                environment.put(name, null);
            }
        }
        environment.put("HOME", work.resolve("home").toString());
        environment.put("OCTOPUS_INSTANCES_DIR", work.resolve("registry").toString());
        environment.put("LANG", "C.UTF-8");
        return environment;
    }
}
