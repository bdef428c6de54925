package dev.tentacle.quickstart;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/quickstart}: sets up and checks an Octopus Server and two Tentacles on this machine; {@code stop},
 * {@code start}, {@code restart} and {@code delete} manage what an earlier run left.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Sets up an Octopus Server (embedded H2) and two Tentacles, one listening and one polling, on this "
                + "machine with the real command lines; registers both, checks their health, runs a script on both, "
                + "and leaves everything running.",
        subcommands = {QuickstartCli.Stop.class, QuickstartCli.Start.class, QuickstartCli.Restart.class,
                QuickstartCli.Delete.class})
public final class QuickstartCli implements Callable<Integer> {

    @Option(names = "--dir", description = "An empty or new directory for everything; default: a new temporary one")
    Path directory;

    @Option(names = "--stop-when-done", description = "Stop the server and Tentacles at the end (their instances stay)")
    boolean stopWhenDone;

    private final PrintStream out;

    QuickstartCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the quickstart command line; returns its exit code (0 done, 1 a step failed). */
    static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine line = new CommandLine(new QuickstartCli(out), new Factory(out));
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof QuickstartException) {
                err.println();
                err.println("Quickstart failed: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Path target = directory != null ? directory : Files.createTempDirectory("tentacle-quickstart-");
        QuickstartLayout layout = Quickstart.newLayout(target);
        new Quickstart(layout, new Console(out)).up(stopWhenDone);
        return 0;
    }

    /** The options of the commands that work on an earlier quickstart. */
    abstract static class Existing implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The directory the quickstart printed")
        Path directory;

        final PrintStream out;

        Existing(PrintStream out) {
            this.out = out;
        }

        Quickstart quickstart() {
            return new Quickstart(QuickstartLayout.load(directory), new Console(out));
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the server and both Tentacles.")
    static final class Stop extends Existing {
        Stop(PrintStream out) {
            super(out);
        }

        @Override
        public Integer call() {
            quickstart().stop();
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts the server and both Tentacles again.")
    static final class Start extends Existing {
        Start(PrintStream out) {
            super(out);
        }

        @Override
        public Integer call() {
            quickstart().start();
            return 0;
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Stops, then starts, the server and both Tentacles.")
    static final class Restart extends Existing {
        Restart(PrintStream out) {
            super(out);
        }

        @Override
        public Integer call() {
            Quickstart quickstart = quickstart();
            quickstart.stop();
            quickstart.start();
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Stops everything, deletes the three instances and removes the directory.")
    static final class Delete extends Existing {
        Delete(PrintStream out) {
            super(out);
        }

        @Override
        public Integer call() {
            quickstart().delete();
            return 0;
        }
    }

    /** Gives every command the output stream. */
    private record Factory(PrintStream out) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == QuickstartCli.class) {
                return type.cast(new QuickstartCli(out));
            }
            if (Existing.class.isAssignableFrom(type)) {
                var constructor = type.getDeclaredConstructor(PrintStream.class);
                return constructor.newInstance(out);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
