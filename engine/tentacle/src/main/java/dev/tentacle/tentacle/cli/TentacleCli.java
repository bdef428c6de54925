package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.CommandLines;
import dev.tentacle.instances.registry.HostEnvironment;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * The {@code tentacle} command line. {@link #execute} runs one command and returns its exit code: 0 for success,
 * 1 for a problem the user can fix (the message says how), 2 for an unexpected failure.
 */
public final class TentacleCli {
    private TentacleCli() {
    }

    public static void main(String[] args) {
        // Before the writers below wrap the streams, so that what they print reaches the log file too.
        ProcessLog.installForThisProcess();
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
        return CommandLines.execute(commandLine(context, out, err), args);
    }

    /** The configured picocli command line, for {@link #execute} and for generating documentation. */
    static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        return CommandLines.configure(new TentacleCommand(context), out, err).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
