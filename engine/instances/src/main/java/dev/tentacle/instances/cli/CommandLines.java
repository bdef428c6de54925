package dev.tentacle.instances.cli;

import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;

/** The picocli settings both command lines share (tentacle and octopus-server), and running one command. */
public final class CommandLines {
    private CommandLines() {
    }

    /** A command line with the products' common conventions: case-insensitive names, one-line errors. */
    public static CommandLine configure(Object rootCommand, PrintWriter out, PrintWriter err) {
        return new CommandLine(rootCommand)
                .setOut(out)
                .setErr(err)
                .setOptionsCaseInsensitive(true)
                .setSubcommandsCaseInsensitive(true)
                .setUsageHelpAutoWidth(true)
                .setExecutionExceptionHandler(new CliErrors())
                .setParameterExceptionHandler(new CliParameterErrors());
    }

    /** Runs one command and flushes both outputs; returns the exit code. */
    public static int execute(CommandLine commandLine, String[] args) {
        Objects.requireNonNull(args, "args");
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return exitCode;
    }
}
