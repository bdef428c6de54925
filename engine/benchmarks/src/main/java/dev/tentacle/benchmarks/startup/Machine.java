package dev.tentacle.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a benchmark ran on, for its report: processor, cores, memory, OS. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }

    static String loadAverage() {
        List<String> fields = read(Path.of("/proc/loadavg")).map(text -> List.of(text.strip().split("\\s+")))
                .orElse(List.of());
        return fields.size() < 3 ? "unknown" : String.join(", ", fields.subList(0, 3));
    }

    private static String cpuModel() {
        return read(Path.of("/proc/cpuinfo")).flatMap(text -> text.lines()
                        .filter(line -> line.startsWith("model name")).findFirst())
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown processor");
    }

    private static String memory() {
        return read(Path.of("/proc/meminfo")).flatMap(text -> text.lines()
                        .filter(line -> line.startsWith("MemTotal:")).findFirst())
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / (1024 * 1024) + " GiB RAM")
                .orElse("unknown RAM");
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
