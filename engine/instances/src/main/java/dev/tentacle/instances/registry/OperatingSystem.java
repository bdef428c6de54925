package dev.tentacle.instances.registry;

import java.util.Locale;

/** The operating system families whose conventions decide where instances are registered. */
public enum OperatingSystem {
    LINUX, MACOS, WINDOWS, OTHER_UNIX;

    /** The family of an {@code os.name} value such as "Linux", "Mac OS X" or "Windows 11". */
    public static OperatingSystem fromOsName(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("linux")) {
            return LINUX;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return OTHER_UNIX;
    }

    public static OperatingSystem current() {
        return fromOsName(System.getProperty("os.name"));
    }

    public boolean isWindows() {
        return this == WINDOWS;
    }
}
