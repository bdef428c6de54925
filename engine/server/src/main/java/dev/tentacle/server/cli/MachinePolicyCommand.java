package dev.tentacle.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code machine-policy}: how often machines are health-checked and how calls to them are retried. */
@Command(name = "machine-policy", mixinStandardHelpOptions = true,
        header = "Lists and sets machine policies: health-check interval and RPC retries.",
        description = "Lists and sets machine policies. A machine policy says how often its machines are health-checked"
                + " and whether, and for how long, calls to them (health checks and scripts) are retried after a"
                + " network failure. Machines name their policy at registration (--policy).",
        subcommands = {MachinePolicyListCommand.class, MachinePolicySetCommand.class})
final class MachinePolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: its list. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
