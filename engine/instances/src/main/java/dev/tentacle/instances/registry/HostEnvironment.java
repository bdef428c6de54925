package dev.tentacle.instances.registry;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry location depends on: the operating system, the environment variables, and who runs the process.
 * Tests build one by hand so that they never look at the real machine's registry.
 *
 * @param operatingSystem the OS family
 * @param variables environment variables; looked up case-insensitively on Windows, as Windows does
 * @param userName the user running the process; "root" on Linux and macOS means the system-wide registry
 * @param userHome the user's home directory
 */
public record HostEnvironment(OperatingSystem operatingSystem, Map<String, String> variables, String userName, Path userHome) {
    public HostEnvironment {
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(userHome, "userHome");
    }

    /** The environment of this process. */
    public static HostEnvironment current() {
        return new HostEnvironment(OperatingSystem.current(), System.getenv(), System.getProperty("user.name"),
                Path.of(System.getProperty("user.home")));
    }

    /** The variable's value, when it is set and not blank. */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        if (value == null && operatingSystem.isWindows()) {
            value = variables.entrySet().stream()
                    .filter(e -> e.getKey().toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * True when the process runs as root on Linux or macOS, and therefore uses the system-wide registry. On Windows
     * the registry is always system-wide, so this is false there.
     */
    public boolean isRoot() {
        return !operatingSystem.isWindows() && "root".equals(userName);
    }
}
