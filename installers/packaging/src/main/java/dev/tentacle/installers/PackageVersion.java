package dev.tentacle.installers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's version as each package format wants it. Maven's {@code 0.1.0-SNAPSHOT} has a qualifier that
 * Debian and RPM would read wrongly (a hyphen starts Debian's revision; RPM forbids it) and that Windows Installer
 * and macOS forbid altogether.
 */
public final class PackageVersion {
    private static final Pattern MAVEN = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-.]?(.*))?");

    private final String original;
    private final int major;
    private final int minor;
    private final int patch;
    private final String qualifier;

    private PackageVersion(String original, int major, int minor, int patch, String qualifier) {
        this.original = original;
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.qualifier = qualifier;
    }

    /**
     * Parses a Maven version: up to three numbers and an optional qualifier ({@code 1.2.3}, {@code 0.1.0-SNAPSHOT},
     * {@code 2.0-rc1}).
     *
     * @throws IllegalArgumentException when the text does not start with a number
     */
    public static PackageVersion parse(String version) {
        Matcher matcher = MAVEN.matcher(version == null ? "" : version.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("The version '" + version + "' is not a Maven version such as 1.2.3 or"
                    + " 0.1.0-SNAPSHOT: it must start with a number.");
        }
        try {
            return new PackageVersion(version.strip(), number(matcher.group(1)), number(matcher.group(2)),
                    number(matcher.group(3)), matcher.group(4) == null ? "" : matcher.group(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The version '" + version + "' has a number too large for a package"
                    + " version.", e);
        }
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** As Maven wrote it. */
    public String original() {
        return original;
    }

    /** {@code MAJOR.MINOR.PATCH}, without the qualifier. */
    public String numeric() {
        return major + "." + minor + "." + patch;
    }

    /**
     * For Debian and RPM: the qualifier after a tilde, which both sort before the release ({@code 0.1.0~SNAPSHOT} is
     * older than {@code 0.1.0}).
     */
    public String linux() {
        String cleaned = qualifier.replaceAll("[^A-Za-z0-9.+]", ".");
        return qualifier.isEmpty() ? numeric() : numeric() + "~" + cleaned;
    }

    /** For Windows Installer: numbers only, major and minor up to 255, patch up to 65535. */
    public String windows() {
        if (major > 255 || minor > 255 || patch > 65535) {
            throw new IllegalArgumentException("Windows Installer versions are MAJOR.MINOR.BUILD with MAJOR and MINOR"
                    + " up to 255 and BUILD up to 65535; " + original + " does not fit.");
        }
        return numeric();
    }

    /**
     * For the macOS bundle: numbers only, and jpackage refuses a first number of 0. Empty when this version starts
     * with 0; give {@code --mac-version} then.
     */
    public Optional<String> macOs() {
        return major == 0 ? Optional.empty() : Optional.of(numeric());
    }
}
