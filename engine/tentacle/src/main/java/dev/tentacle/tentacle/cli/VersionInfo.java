package dev.tentacle.tentacle.cli;

import picocli.CommandLine.IVersionProvider;

/** This build's version: the jar manifest's {@code Implementation-Version}, or "development build" outside a jar. */
public final class VersionInfo implements IVersionProvider {
    /** Shown when the classes do not come from a jar with a version in its manifest. */
    public static final String DEVELOPMENT_BUILD = "development build";

    public static String version() {
        String version = VersionInfo.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? DEVELOPMENT_BUILD : version;
    }

    public static String javaVersion() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    public static String operatingSystem() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    /** One line: "Tentacle for the JVM VERSION". */
    public static String summary() {
        return "Tentacle for the JVM " + version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {summary(), "Java " + javaVersion() + ", " + operatingSystem()};
    }
}
