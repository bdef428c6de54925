package dev.tentacle.instances.registry;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

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

    /**
     * The prefix of system properties that stand in for environment variables which are not set:
     * {@code -Dtentacle.env.NAME=VALUE}. jpackage's native launchers (the Windows and macOS installers) cannot set
     * environment variables, so they tell the program its own launcher's path this way
     * ({@code -Dtentacle.env.TENTACLE_LAUNCHER=$BINDIR/tentacle.exe}); see docs/installers.md.
     */
    public static final String VARIABLE_PROPERTY_PREFIX = "tentacle.env.";

    /** The environment of this process, with {@value #VARIABLE_PROPERTY_PREFIX} system properties as defaults. */
    public static HostEnvironment current() {
        return new HostEnvironment(OperatingSystem.current(), withPropertyDefaults(System.getenv(),
                System.getProperties()), System.getProperty("user.name"), Path.of(System.getProperty("user.home")));
    }

    /**
     * The variables, plus each {@code tentacle.env.NAME} property whose variable is not set (in any case: Windows
     * ignores it). A variable that is set always wins.
     */
    static Map<String, String> withPropertyDefaults(Map<String, String> variables, Properties properties) {
        var merged = new HashMap<>(variables);
        for (String property : properties.stringPropertyNames()) {
            String name = property.substring(Math.min(property.length(), VARIABLE_PROPERTY_PREFIX.length()));
            if (property.startsWith(VARIABLE_PROPERTY_PREFIX) && !name.isEmpty()
                    && merged.keySet().stream().noneMatch(existing -> existing.equalsIgnoreCase(name))) {
                merged.put(name, properties.getProperty(property));
            }
        }
        return merged;
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
