package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.instances.registry.OperatingSystem;

/**
 * The commands advice names, written for this instance and this operating system, so that a person can copy them.
 */
final class Commands {
    private final String instanceOption;
    private final OperatingSystem os;

    Commands(String instanceName, OperatingSystem os) {
        this.instanceOption = "--instance " + (instanceName.contains(" ") ? '"' + instanceName + '"' : instanceName);
        this.os = os;
    }

    /** {@code tentacle COMMAND --instance NAME OPTIONS}. */
    String tentacle(String command, String options) {
        return "tentacle " + command + " " + instanceOption + (options.isEmpty() ? "" : " " + options);
    }

    String tentacle(String command) {
        return tentacle(command, "");
    }

    /** How to start this Tentacle, as a service and in a terminal. */
    String start() {
        return "Start it: " + tentacle("service", "--start") + " (or in Tentacle Manager, Start), or in a terminal: "
                + tentacle("run") + ".";
    }

    /** How to see which process listens on the port, on this OS. */
    String findListener(int port) {
        return switch (os) {
            case LINUX -> "sudo ss -ltnp 'sport = :" + port + "'";
            case WINDOWS -> "netstat -a -n -o -b (as Administrator; look for :" + port + ")";
            case MACOS, OTHER_UNIX -> "sudo lsof -nP -iTCP:" + port + " -sTCP:LISTEN";
        };
    }
}
