package dev.tentacle.manager.wizard.install;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.Command;
import dev.tentacle.instances.service.CommandLineSyntax;
import dev.tentacle.instances.setup.CommandScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code tentacle} commands that set up what a {@link SetupPlan} describes, in the order {@link SetupInstaller}
 * does it (see docs/cli.md): run one after the other, they give the same instance. A firewall rule the wizard adds
 * appears as the OS command that adds it. Secrets (the API key, a proxy password) are marked, so that the script can
 * be shown with them masked.
 */
public final class SetupScript extends CommandScript {
    /** The command line program the script calls. */
    public static final String PROGRAM = "tentacle";

    private SetupScript(List<Command> commands) {
        super(commands);
    }

    /** The script for this plan, quoted for the shell of {@code os}. */
    public static SetupScript of(SetupPlan plan, OperatingSystem os) {
        Objects.requireNonNull(plan, "plan");
        CommandLineSyntax syntax = syntax(os);
        String name = plan.instanceName();
        List<Command> commands = new ArrayList<>();
        commands.add(tentacle(syntax, "create-instance", name).add("--home", plan.homeDirectory().toString()).build());
        commands.add(tentacle(syntax, "new-certificate", name).add("--if-blank").build());

        Command.Builder configure = tentacle(syntax, "configure", name);
        if (!plan.applicationDirectory().equals(SetupPlan.defaultApplicationDirectory(plan.homeDirectory()))) {
            configure.add("--app", plan.applicationDirectory().toString());
        }
        plan.listening().ifPresent(listening -> configure.add("--port", Integer.toString(listening.port()),
                "--trust", listening.serverThumbprint().hex()));
        if (plan.style() == CommunicationStyle.POLLING) {
            configure.add("--noListen", "true");
        }
        commands.add(configure.build());

        if (plan.proxy().enabled()) {
            if (plan.style() == CommunicationStyle.POLLING) {
                commands.add(proxy(syntax, "polling-proxy", name, plan.proxy()));
            }
            commands.add(proxy(syntax, "proxy", name, plan.proxy()));
        }
        plan.polling().ifPresent(polling -> {
            Command.Builder register = tentacle(syntax, "register-with", name)
                    .add("--server", polling.server().address().toString())
                    .add("--apiKey").addSecret(polling.server().apiKey())
                    .add("--server-thumbprint", polling.server().serverThumbprint().hex())
                    .add("--comms-style", "TentacleActive")
                    .add("--name", polling.machineName());
            polling.tags().environments().forEach(environment -> register.add("--environment", environment));
            polling.tags().roles().forEach(role -> register.add("--role", role));
            if (polling.tags().policy() != null) {
                register.add("--policy", polling.tags().policy());
            }
            commands.add(register.build());
        });
        plan.listening().flatMap(SetupPlan.Listening::firewallRule).ifPresent(rule -> commands.addAll(rule.add()));
        if (plan.installService()) {
            commands.add(tentacle(syntax, "service", name).add("--install").build());
        }
        return new SetupScript(commands);
    }

    /** The {@code tentacle} commands' arguments (without the program), for running them through the CLI in-process. */
    public List<List<String>> tentacleArguments() {
        return commands().stream().filter(c -> c.program().equals(PROGRAM)).map(Command::arguments).toList();
    }

    private static Command.Builder tentacle(CommandLineSyntax syntax, String command, String instance) {
        return Command.builder(syntax, PROGRAM).add(command, "--instance", instance);
    }

    private static Command proxy(CommandLineSyntax syntax, String command, String instance, ProxyConfiguration proxy) {
        Command.Builder builder = tentacle(syntax, command, instance).add("--proxyEnable", "true",
                "--proxyHost", proxy.host(), "--proxyPort", Integer.toString(proxy.port()));
        if (proxy.username() != null) {
            builder.add("--proxyUsername", proxy.username());
        }
        if (proxy.password() != null) {
            builder.add("--proxyPassword").addSecret(proxy.password());
        }
        return builder.build();
    }
}
