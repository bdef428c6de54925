package dev.tentacle.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code machine}: the Tentacles this server manages. */
@Command(name = "machine", mixinStandardHelpOptions = true,
        header = "Lists, adds and removes the Tentacles this server manages.",
        description = "Lists, adds and removes the Tentacles (machines) registered with this server.",
        subcommands = {MachineListCommand.class, MachineAddListeningCommand.class, MachineAddPollingCommand.class,
            MachineRemoveCommand.class})
final class MachineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: its list. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
