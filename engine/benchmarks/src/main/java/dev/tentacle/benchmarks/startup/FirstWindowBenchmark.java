package dev.tentacle.benchmarks.startup;

import dev.tentacle.installers.Processes;
import dev.tentacle.installers.linux.VirtualDisplay;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Tentacle Manager's time to its first window, with and without its AOT cache, on a virtual display (Xvfb,
 * software rendering): from process start until {@code xwininfo} sees a window of its class. Runs only where Xvfb
 * and xwininfo are installed; the report says when it did not.
 */
final class FirstWindowBenchmark {
    private static final String WINDOW_CLASS = "dev.tentacle.manager.TentacleManagerApp";

    private final Path manager;
    private final Path work;
    private final int runs;

    FirstWindowBenchmark(Path manager, Path work, int runs) {
        this.manager = manager;
        this.work = work;
        this.runs = runs;
    }

    /** Why it cannot run here, when that is so. */
    static Optional<String> unavailable() {
        return VirtualDisplay.unavailable().or(() -> Processes.find("xwininfo").isPresent() ? Optional.empty()
                : Optional.of("xwininfo is not installed (apt-get install x11-utils)"));
    }

    Map<String, Samples> measure() throws IOException, InterruptedException {
        var samples = new LinkedHashMap<String, Samples>();
        samples.put("tentacle-manager, first window", new Samples());
        samples.put("tentacle-manager, first window, no AOT cache", new Samples());
        try (VirtualDisplay display = VirtualDisplay.start(work)) {
            firstWindow(display, "");
            for (int round = 0; round < runs; round++) {
                samples.get("tentacle-manager, first window").add(firstWindow(display, ""));
                samples.get("tentacle-manager, first window, no AOT cache").add(firstWindow(display,
                        "-XX:AOTMode=off"));
            }
        }
        return samples;
    }

    private double firstWindow(VirtualDisplay display, String javaOptions) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(manager.toString()).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("DISPLAY", display.display(), "OCTOPUS_INSTANCES_DIR",
                work.resolve("registry").toString(), "HOME", work.toString(), "TENTACLE_JAVA_OPTS", javaOptions));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (process.isAlive()) {
                Processes.Result tree = Processes.run(List.of("xwininfo", "-root", "-tree"), work,
                        Map.of("DISPLAY", display.display()), Duration.ofSeconds(10));
                if (tree.stdout().contains("\"" + WINDOW_CLASS + "\"")) {
                    return (System.nanoTime() - start) / 1_000_000.0;
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("The Tentacle Manager showed no window within 60 s");
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("The Tentacle Manager exited with code " + process.exitValue()
                    + " before showing its window");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static void report(Map<String, Samples> results, int runs, PrintStream out) {
        out.println();
        out.println("Desktop app, on Xvfb with software rendering (" + runs + " runs each, alternating):");
        out.println();
        out.println("| command | median ms | p10 ms | p90 ms | min ms |");
        out.println("|---|---:|---:|---:|---:|");
        results.forEach((label, samples) -> out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f |%n", label,
                samples.median(), samples.percentile(10), samples.percentile(90), samples.min()));
    }
}
