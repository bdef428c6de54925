package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.CliParameterErrors;
import dev.tentacle.instances.cli.CliErrors;
import dev.tentacle.instances.registry.HostEnvironment;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The {@code tentacle} command line. {@link #execute} runs one command and returns its exit code: 0 for success,
 * 1 for a problem the user can fix (the message says how), 2 for an unexpected failure.
 */
public final class TentacleCli {
    private TentacleCli() {
    }

    public static void main(String[] args) {
        Charset console = System.console() == null ? Charset.defaultCharset() : System.console().charset();
        var out = new PrintWriter(System.out, true, console);
        var err = new PrintWriter(System.err, true, console);
        System.exit(execute(args, out, err, HostEnvironment.current()));
    }

    /** Runs one command against the machine's service manager, with the agent stopped by a JVM shutdown hook. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, HostEnvironment environment) {
        return execute(args, out, err, CliContext.of(environment));
    }

    /** Runs one command with the given context; tests use this to replace the service manager and agent lifecycle. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
        Objects.requireNonNull(args, "args");
        int exitCode = commandLine(context, out, err).execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** The configured picocli command line, for {@link #execute} and for generating documentation. */
    static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        return new CommandLine(new TentacleCommand(context))
                .setOut(out)
                .setErr(err)
                .setOptionsCaseInsensitive(true)
                .setSubcommandsCaseInsensitive(true)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true)
                .setExecutionExceptionHandler(new CliErrors())
                .setParameterExceptionHandler(new CliParameterErrors());
    }
}
