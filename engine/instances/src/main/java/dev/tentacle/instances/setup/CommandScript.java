package dev.tentacle.instances.setup;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.Command;
import dev.tentacle.instances.service.CommandLineSyntax;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line equivalent of a setup: commands that, run one after the other, give the same instance. Arguments
 * marked secret (an API key, a password) are masked unless the script is rendered with its secrets, so that it can be
 * shown and shared.
 */
public abstract class CommandScript {
    private final List<Command> commands;

    protected CommandScript(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    /** How the commands are quoted on this operating system's shell. */
    protected static CommandLineSyntax syntax(OperatingSystem os) {
        return os.isWindows() ? CommandLineSyntax.WINDOWS : CommandLineSyntax.POSIX;
    }

    /** An instance name as it is typed after {@code --instance} in messages: in double quotes when it has a space. */
    public static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }

    /** The commands, in order. */
    public List<Command> commands() {
        return commands;
    }

    /**
     * The script as text, one command a line.
     *
     * @param showSecrets true to write the secrets as they are (the script then runs as it is); false to mask them
     */
    public String render(boolean showSecrets) {
        return commands.stream().map(c -> showSecrets ? c.syntax().join(c.argv()) : masked(c))
                .collect(Collectors.joining(System.lineSeparator())) + System.lineSeparator();
    }

    /** True when the script holds a secret that {@link #render(boolean)} masks. */
    public boolean hasSecrets() {
        return commands.stream().anyMatch(c -> !c.secretPositions().isEmpty());
    }

    /** The command with its secrets masked; by default each secret argument is {@code ********} as a whole. */
    protected String masked(Command command) {
        return command.display();
    }
}
