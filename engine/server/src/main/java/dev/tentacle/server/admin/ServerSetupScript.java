package dev.tentacle.server.admin;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.Command;
import dev.tentacle.instances.service.CommandLineSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code octopus-server} commands that set up what a {@link ServerSetupPlan} describes, in the order
 * {@link ServerSetup} does it (see docs/cli.md): run one after the other, they give the same instance. A password in the
 * PostgreSQL connection string is a secret: {@link #render(boolean) render(false)} masks it, so that the script can be
 * shared.
 */
public final class ServerSetupScript {
    /** The command line program the script calls. */
    public static final String PROGRAM = "octopus-server";
    static final String MASK = "********";
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private final List<Command> commands;

    private ServerSetupScript(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    /** The script for this plan, quoted for the shell of {@code os}. */
    public static ServerSetupScript of(ServerSetupPlan plan, OperatingSystem os) {
        Objects.requireNonNull(plan, "plan");
        CommandLineSyntax syntax = os.isWindows() ? CommandLineSyntax.WINDOWS : CommandLineSyntax.POSIX;
        String name = plan.instanceName();
        List<Command> commands = new ArrayList<>();
        commands.add(command(syntax, "create-instance", name).add("--home", plan.homeDirectory().toString()).build());
        commands.add(command(syntax, "new-certificate", name).build());
        Command.Builder configure = command(syntax, "configure", name)
                .add("--webListenPrefixes", plan.webListen().prefix())
                .add("--commsListenPort", Integer.toString(plan.commsListenPort()));
        String connectionString = plan.storage().connectionString();
        if (connectionString != null) {
            configure.add("--storageConnectionString");
            if (URL_PASSWORD.matcher(connectionString).find()) {
                configure.addSecret(connectionString);
            } else {
                configure.add(connectionString);
            }
        }
        commands.add(configure.build());
        commands.add(command(syntax, "create-api-key", name).add("--name", plan.apiKeyName()).build());
        if (plan.installService()) {
            commands.add(command(syntax, "service", name).add("--install", "--start").build());
        }
        return new ServerSetupScript(commands);
    }

    /** The commands, in order. */
    public List<Command> commands() {
        return commands;
    }

    /** Each command's arguments (without the program), for running them through the command line in-process. */
    public List<List<String>> arguments() {
        return commands.stream().map(Command::arguments).toList();
    }

    /**
     * The script as text, one command a line.
     *
     * @param showSecrets true to write the database password as it is (the script then runs as it is); false to mask
     *     it with {@code ********}, keeping the rest of the connection string readable
     */
    public String render(boolean showSecrets) {
        return commands.stream().map(c -> showSecrets ? c.syntax().join(c.argv()) : masked(c))
                .collect(Collectors.joining(System.lineSeparator())) + System.lineSeparator();
    }

    /** True when the script holds a secret that {@link #render(boolean)} masks. */
    public boolean hasSecrets() {
        return commands.stream().anyMatch(c -> !c.secretPositions().isEmpty());
    }

    private static String masked(Command command) {
        List<String> shown = new ArrayList<>(command.argv());
        for (int position : command.secretPositions()) {
            shown.set(position, URL_PASSWORD.matcher(shown.get(position)).replaceAll("$1" + MASK));
        }
        return command.syntax().join(shown);
    }

    private static Command.Builder command(CommandLineSyntax syntax, String command, String instance) {
        return Command.builder(syntax, PROGRAM).add(command, "--instance", instance);
    }

    /** An instance name as it is typed after {@code --instance} in messages: in double quotes when it has a space. */
    static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }
}
