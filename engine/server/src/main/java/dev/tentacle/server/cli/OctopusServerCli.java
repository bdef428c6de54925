package dev.tentacle.server.cli;

import dev.tentacle.instances.cli.CommandLines;
import dev.tentacle.instances.registry.HostEnvironment;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * The {@code octopus-server} command line. {@link #execute} runs one command and returns its exit code: 0 for
 * success, 1 for a problem the user can fix (the message says how), 2 for an unexpected failure.
 */
public final class OctopusServerCli {
    private OctopusServerCli() {
    }

    public static void main(String[] args) {
        Charset console = System.console() == null ? Charset.defaultCharset() : System.console().charset();
        var out = new PrintWriter(System.out, true, console);
        var err = new PrintWriter(System.err, true, console);
        System.exit(execute(args, out, err, HostEnvironment.current()));
    }

    /** Runs one command; {@code environment} decides where the instance registry is. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, HostEnvironment environment) {
        return execute(args, out, err, ServerCliContext.of(environment));
    }

    /** Runs one command in the given context (tests replace the service manager and the server's lifecycle). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, ServerCliContext context) {
        return CommandLines.execute(commandLine(context, out, err), args);
    }

    static CommandLine commandLine(ServerCliContext context, PrintWriter out, PrintWriter err) {
        return CommandLines.configure(new OctopusServerCommand(context), out, err);
    }
}
