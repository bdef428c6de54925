package dev.tentacle.server.cli;

import picocli.CommandLine.IVersionProvider;

/** This build's version: the jar manifest's {@code Implementation-Version}, or "development build" outside a jar. */
final class ServerVersion implements IVersionProvider {
    static String version() {
        String version = ServerVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "development build" : version;
    }

    static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Octopus Server for the JVM " + version(), "Java " + java() + ", " + os()};
    }
}
