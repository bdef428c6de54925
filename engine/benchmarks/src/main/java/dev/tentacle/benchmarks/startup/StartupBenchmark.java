package dev.tentacle.benchmarks.startup;

import dev.tentacle.installers.debian.BuiltPackage;
import dev.tentacle.installers.debian.DebArchive;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the packaged {@code tentacle} command against the floor, {@code java -version} on the same runtime, side
 * by side in one run (docs/performance.md):
 * <ol>
 *   <li>extracts the Tentacle .deb the build made into a temporary directory (its launcher finds the runtime beside
 *       itself, so no install is needed);</li>
 *   <li>runs each command a few times to warm the file cache, and checks that each succeeds;</li>
 *   <li>then, round after round, runs every command once, in a new random order each round, timing each from
 *       process start to exit;</li>
 *   <li>and reports per command the median, 10th and 90th percentile and minimum, and the ratio to the floor: of the
 *       medians, and the median of the per-round ratios, which cancels most of the machine's load.</li>
 * </ol>
 * The commands: {@code java -version}, {@code tentacle help}, {@code tentacle version}, and {@code tentacle help}
 * with the AOT cache switched off, to show what the cache is worth. Where Xvfb and xwininfo are installed it then
 * times the Tentacle Manager's first window too ({@link FirstWindowBenchmark}).
 */
public final class StartupBenchmark {
    private static final int WARMUP_RUNS = 3;

    /** A command to time. */
    record Command(String label, List<String> command, Map<String, String> environment) {
    }

    private final List<Command> commands;
    private final int runs;
    private final Path workingDirectory;
    private final Map<String, String> baseEnvironment;

    StartupBenchmark(List<Command> commands, int runs, Path workingDirectory, Map<String, String> baseEnvironment) {
        this.commands = List.copyOf(commands);
        this.runs = runs;
        this.workingDirectory = workingDirectory;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path debDirectory = null;
        int runs = 25;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--deb-directory" -> debDirectory = Path.of(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --deb-directory DIR and --runs N");
            }
        }
        if (debDirectory == null || runs < 3) {
            throw new IllegalArgumentException("Usage: StartupBenchmark --deb-directory DIR [--runs N (3 or more)]");
        }
        DebArchive deb = DebArchive.of(BuiltPackage.deb(debDirectory, "tentacle"));
        Path work = Files.createTempDirectory("startup-benchmark");
        try {
            Path root = Files.createDirectories(work.resolve("root"));
            deb.extractTo(root);
            Path java = root.resolve("opt/tentacle/lib/runtime/bin/java");
            Path tentacle = root.resolve("usr/bin/tentacle");
            var commands = List.of(
                    new Command("java -version (the floor)", List.of(java.toString(), "-version"), Map.of()),
                    new Command("tentacle help", List.of(tentacle.toString(), "help"), Map.of()),
                    new Command("tentacle version", List.of(tentacle.toString(), "version"), Map.of()),
                    new Command("tentacle help, no AOT cache", List.of(tentacle.toString(), "help"),
                            Map.of("TENTACLE_JAVA_OPTS", "-XX:AOTMode=off")));
            var environment = Map.of("OCTOPUS_INSTANCES_DIR", work.resolve("registry").toString(),
                    "HOME", work.toString());
            var benchmark = new StartupBenchmark(commands, runs, work, environment);
            Map<Command, Samples> results = benchmark.measure();
            benchmark.report(deb.file(), results, System.out);
            var unavailable = FirstWindowBenchmark.unavailable();
            if (unavailable.isPresent()) {
                System.out.println();
                System.out.println("(The desktop app's first window was not measured: " + unavailable.get() + ".)");
            } else {
                int windowRuns = Math.max(3, runs / 3);
                FirstWindowBenchmark.report(new FirstWindowBenchmark(root.resolve("usr/bin/tentacle-manager"), work,
                        windowRuns).measure(), windowRuns, System.out);
            }
        } finally {
            delete(work);
        }
    }

    /** Warms up, then times every command {@code runs} times, interleaved. */
    Map<Command, Samples> measure() throws IOException, InterruptedException {
        for (Command command : commands) {
            for (int i = 0; i < WARMUP_RUNS; i++) {
                time(command, true);
            }
        }
        var samples = new LinkedHashMap<Command, Samples>();
        commands.forEach(command -> samples.put(command, new Samples()));
        var random = new Random(42);
        var order = new ArrayList<>(commands);
        for (int round = 0; round < runs; round++) {
            Collections.shuffle(order, random);
            for (Command command : order) {
                samples.get(command).add(time(command, false));
            }
        }
        return samples;
    }

    /**
     * Runs the command once and returns how long it took, in milliseconds.
     *
     * @param check when true, fails unless it exits with 0 (its output then goes to a file for the message)
     */
    private double time(Command command, boolean check) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command.command()).directory(workingDirectory.toFile());
        builder.environment().remove("TENTACLE_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(baseEnvironment);
        builder.environment().putAll(command.environment());
        Path output = workingDirectory.resolve("output.txt");
        builder.redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        if (check) {
            builder.redirectErrorStream(true).redirectOutput(output.toFile());
        } else {
            builder.redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.label() + " did not finish within 60 s");
        }
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        if (check && process.exitValue() != 0) {
            throw new IllegalStateException(command.label() + " failed with exit code " + process.exitValue() + ":\n"
                    + Files.readString(output));
        }
        return millis;
    }

    void report(Path deb, Map<Command, Samples> results, PrintStream out) throws IOException {
        Samples floor = results.values().iterator().next();
        out.println();
        out.println("## Start-up of the packaged tentacle command (" + LocalDate.now() + ")");
        out.println();
        out.println("Package: " + deb.getFileName() + "; " + runs + " runs of each command, interleaved in random"
                + " order, after " + WARMUP_RUNS + " warm-up runs.");
        out.println("Machine: " + Machine.describe());
        out.println();
        out.println("| command | median ms | p10 ms | p90 ms | min ms | median / floor | per-round ratio (median) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (var entry : results.entrySet()) {
            Samples samples = entry.getValue();
            out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f |%n", entry.getKey().label(),
                    samples.median(), samples.percentile(10), samples.percentile(90), samples.min(),
                    samples.median() / floor.median(), samples.medianRatioTo(floor));
        }
        out.println();
        out.println("Load average (1, 5, 15 min) at the end: " + Machine.loadAverage());
    }

    private static void delete(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
