package dev.tentacle.instances.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for instance names. A name becomes a directory name, part of a service name and a command-line
 * argument, so it is 1 to 64 ASCII letters, digits, spaces, '-', '_' and '.', starting with a letter or digit and
 * not ending with a space or '.'. Names are unique regardless of case ("Web" and "web" are the same instance), and
 * the device names Windows reserves (CON, NUL, COM1, ...) are refused.
 */
public final class InstanceName {
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9 ._-]*[A-Za-z0-9_-])?");
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private InstanceName() {
    }

    /** What is wrong with the name, or empty when it is valid. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("An instance name is required, such as Tentacle or web-01.");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("The instance name '" + name + "' is " + name.length() + " characters long; use at most "
                    + MAX_LENGTH + ".");
        }
        if (!VALID.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a valid instance name: use letters, digits, spaces, '-', '_' and"
                    + " '.', starting with a letter or digit and not ending with a space or '.'. For example: Tentacle, web-01.");
        }
        String device = name.split("[ .]", 2)[0].toUpperCase(Locale.ROOT);
        if (WINDOWS_DEVICES.contains(device)) {
            return Optional.of("'" + name + "' cannot be an instance name: Windows reserves " + device
                    + " as a device name. Choose another name.");
        }
        return Optional.empty();
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /** The form in which names are compared: two names with equal keys are the same instance. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** True when both name the same instance. */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
