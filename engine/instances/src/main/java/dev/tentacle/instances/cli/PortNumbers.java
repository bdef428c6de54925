package dev.tentacle.instances.cli;

/** Checks port numbers given on the command line, naming the option in the error. */
public final class PortNumbers {
    private PortNumbers() {
    }

    public static int require(String option, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + " must be between 1 and 65535, was " + port + ".");
        }
        return port;
    }
}
