package dev.tentacle.servermanager.server;

import dev.tentacle.instances.service.CommandLineSyntax;

/** The {@code octopus-server} command lines that do what the server window's buttons do, for their tooltips. */
final class EquivalentCommands {
    private EquivalentCommands() {
    }

    static String service(String instance, String action) {
        return "octopus-server service --instance " + CommandLineSyntax.POSIX.quote(instance) + " --" + action;
    }

    static String quote(String argument) {
        return CommandLineSyntax.POSIX.quote(argument);
    }
}
