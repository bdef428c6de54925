package dev.tentacle.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.quickstart.CommandLines.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The quickstart's steps. Every change is made by the real command lines, which it shows as it runs them, so the
 * output doubles as a script for setting up a real server and real Tentacles.
 */
final class Quickstart {
    static final String ENVIRONMENT = "Quickstart";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuickstartLayout layout;
    private final Console console;
    private final CommandLines commands;
    private final BackgroundProcesses processes;

    Quickstart(QuickstartLayout layout, Console console) {
        this.layout = layout;
        this.console = console;
        this.commands = new CommandLines(layout, console);
        this.processes = new BackgroundProcesses(layout);
    }

    /** Picks free ports and a fresh layout in {@code directory}, which must be empty or absent. */
    static QuickstartLayout newLayout(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                try (var entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new QuickstartException(directory.toAbsolutePath() + " is not empty. Give an empty or new "
                                + "directory with --dir, or run bin/quickstart delete --dir " + directory + " first if it "
                                + "holds an earlier quickstart.");
                    }
                }
            }
            Files.createDirectories(directory);
            int[] ports = freePorts(3);
            QuickstartLayout layout = new QuickstartLayout(directory, ports[0], ports[1], ports[2]);
            Files.createDirectories(layout.logsDirectory());
            layout.save();
            return layout;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the quickstart directory " + directory, e);
        }
    }

    /** Sets everything up, checks it and shows it; leaves it running unless {@code stopWhenDone}. */
    void up(boolean stopWhenDone) {
        console.line("Quickstart in " + layout.directory());
        console.line("Its instances are registered in " + layout.instancesDirectory()
                + " (OCTOPUS_INSTANCES_DIR), apart from this machine's own.");
        String apiKey = setUpServer();
        startServer();
        setUpListeningTentacle(apiKey);
        setUpPollingTentacle(apiKey);
        console.step("Checking the health of both Tentacles (the polling one answers through its own connection)");
        commands.run(Program.OCTOPUS_SERVER, "health-check", "--instance", QuickstartLayout.SERVER, "--all");
        console.step("Running a script on both Tentacles");
        commands.run(Program.OCTOPUS_SERVER, scriptArguments());
        showThumbprints();
        if (stopWhenDone) {
            stop();
        }
        printWhatNext(stopWhenDone);
    }

    private String setUpServer() {
        console.step("Creating the Octopus Server instance " + QuickstartLayout.SERVER + " (embedded H2 database)");
        String server = QuickstartLayout.SERVER;
        commands.run(Program.OCTOPUS_SERVER, "create-instance", "--instance", server, "--home",
                layout.home(server).toString());
        commands.run(Program.OCTOPUS_SERVER, "new-certificate", "--instance", server);
        commands.run(Program.OCTOPUS_SERVER, "configure", "--instance", server, "--webListenPrefixes", layout.apiUrl(),
                "--commsListenPort", Integer.toString(layout.commsPort()));
        CommandLines.Result key = commands.runQuietly(Program.OCTOPUS_SERVER, "create-api-key", "--instance", server,
                "--name", "quickstart", "--format", "json");
        if (key.exitCode() != 0) {
            throw new QuickstartException("octopus-server create-api-key failed: " + key.errors().strip());
        }
        console.output("(an API key for the quickstart; kept in " + layout.directory().resolve("api-key.txt") + ")");
        String apiKey = json(key.output()).path("apiKey").asText();
        write(layout.directory().resolve("api-key.txt"), apiKey + System.lineSeparator());
        return apiKey;
    }

    private void startServer() {
        console.step("Starting the server: API at " + layout.apiUrl() + ", polling Tentacles connect to port "
                + layout.commsPort());
        start(Program.OCTOPUS_SERVER, QuickstartLayout.SERVER, layout.apiPort());
    }

    private void setUpListeningTentacle(String apiKey) {
        String tentacle = QuickstartLayout.LISTENING;
        console.step("Setting up " + tentacle + ": a listening Tentacle on port " + layout.listeningPort());
        createTentacle(tentacle);
        commands.run(Program.TENTACLE, "configure", "--instance", tentacle, "--port",
                Integer.toString(layout.listeningPort()));
        commands.run(Program.TENTACLE, "register-with", "--instance", tentacle, "--server", layout.apiUrl(),
                "--apiKey", apiKey, "--name", tentacle, "--environment", ENVIRONMENT, "--role", "web",
                "--comms-style", "TentaclePassive", "--publicHostName", "localhost");
        start(Program.TENTACLE, tentacle, layout.listeningPort());
    }

    private void setUpPollingTentacle(String apiKey) {
        String tentacle = QuickstartLayout.POLLING;
        console.step("Setting up " + tentacle + ": a polling Tentacle that connects to the server's port "
                + layout.commsPort());
        createTentacle(tentacle);
        commands.run(Program.TENTACLE, "configure", "--instance", tentacle, "--noListen", "true");
        commands.run(Program.TENTACLE, "register-with", "--instance", tentacle, "--server", layout.apiUrl(),
                "--apiKey", apiKey, "--name", tentacle, "--environment", ENVIRONMENT, "--role", "db",
                "--comms-style", "TentacleActive", "--server-comms-port", Integer.toString(layout.commsPort()));
        Process process = commands.startInBackground(Program.TENTACLE, layout.log(tentacle), "run", "--instance", tentacle);
        processes.started(tentacle, process);
    }

    private void createTentacle(String tentacle) {
        commands.run(Program.TENTACLE, "create-instance", "--instance", tentacle, "--home", layout.home(tentacle).toString());
        commands.run(Program.TENTACLE, "new-certificate", "--instance", tentacle);
    }

    private void start(Program program, String instance, int port) {
        Process process = commands.startInBackground(program, layout.log(instance), "run", "--instance", instance);
        processes.started(instance, process);
        processes.awaitListening(instance, process, port);
        console.output(instance + " is running (process " + process.pid() + ", log " + layout.log(instance) + ")");
    }

    /** Starts the three processes again, after {@link #stop}. */
    void start() {
        console.step("Starting the quickstart's server and Tentacles");
        for (String instance : List.of(QuickstartLayout.SERVER, QuickstartLayout.LISTENING, QuickstartLayout.POLLING)) {
            if (processes.running(instance).isPresent()) {
                console.output(instance + " is already running");
                continue;
            }
            Program program = instance.equals(QuickstartLayout.SERVER) ? Program.OCTOPUS_SERVER : Program.TENTACLE;
            Process process = commands.startInBackground(program, layout.log(instance), "run", "--instance", instance);
            processes.started(instance, process);
            if (!instance.equals(QuickstartLayout.POLLING)) {
                processes.awaitListening(instance, process,
                        instance.equals(QuickstartLayout.SERVER) ? layout.apiPort() : layout.listeningPort());
            }
        }
    }

    /** Stops the three processes; their instances stay. */
    void stop() {
        console.step("Stopping the quickstart's server and Tentacles (their instances stay)");
        for (String instance : List.of(QuickstartLayout.POLLING, QuickstartLayout.LISTENING, QuickstartLayout.SERVER)) {
            console.output(instance + (processes.stop(instance) ? " stopped" : " was not running"));
        }
    }

    /** Stops everything, deletes the three instances and the directory. */
    void delete() {
        stop();
        console.step("Deleting the quickstart's instances and " + layout.directory());
        commands.run(Program.TENTACLE, "delete-instance", "--instance", QuickstartLayout.POLLING);
        commands.run(Program.TENTACLE, "delete-instance", "--instance", QuickstartLayout.LISTENING);
        commands.run(Program.OCTOPUS_SERVER, "delete-instance", "--instance", QuickstartLayout.SERVER);
        deleteTree(layout.directory());
        console.output("Deleted " + layout.directory());
    }

    private void showThumbprints() {
        console.step("Who trusts whom: each side trusts the other's certificate by thumbprint");
        commands.run(Program.OCTOPUS_SERVER, "show-thumbprint", "--instance", QuickstartLayout.SERVER);
        commands.run(Program.TENTACLE, "show-thumbprint", "--instance", QuickstartLayout.LISTENING);
        commands.run(Program.TENTACLE, "show-thumbprint", "--instance", QuickstartLayout.POLLING);
        commands.run(Program.OCTOPUS_SERVER, "machine", "list", "--instance", QuickstartLayout.SERVER);
    }

    private String[] scriptArguments() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String body = windows
                ? "Write-Output \"Hello from $env:COMPUTERNAME as $env:USERNAME, in $PWD\""
                : "echo \"Hello from $(hostname) as $(whoami), in $(pwd)\"; uname -sr";
        return new String[] {"run-script", "--instance", QuickstartLayout.SERVER, "--environment", ENVIRONMENT,
                "--syntax", windows ? "powershell" : "bash", "--script-body", body};
    }

    private void printWhatNext(boolean stopped) {
        String registry = "OCTOPUS_INSTANCES_DIR=" + Console.quoted(layout.instancesDirectory().toString());
        String dir = Console.quoted(layout.directory().toString());
        console.step(stopped ? "Done. The instances are in place; start them again with the commands below"
                : "Done. The server and both Tentacles keep running in the background");
        console.line("""

                  Look around (the quickstart's instances are in their own registry):
                    export %s
                    bin/octopus-server machine list --instance %s
                    bin/octopus-server health-check --instance %s --all
                    bin/octopus-server run-script --instance %s --role web --script-body 'uptime'
                    bin/tentacle show-configuration --instance %s
                    bin/tentacle show-thumbprint --instance %s
                  Logs: %s
                  API:  %s (API key in %s)

                  Stop, start again, restart, or delete everything:
                    bin/quickstart stop --dir %s
                    bin/quickstart start --dir %s
                    bin/quickstart restart --dir %s
                    bin/quickstart delete --dir %s
                """.formatted(registry, QuickstartLayout.SERVER, QuickstartLayout.SERVER, QuickstartLayout.SERVER,
                QuickstartLayout.LISTENING, QuickstartLayout.POLLING, layout.logsDirectory(), layout.apiUrl(),
                layout.directory().resolve("api-key.txt"), dir, dir, dir, dir));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new QuickstartException("Expected JSON from the command, got: " + text.strip());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        return ports;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root + "; delete it by hand", e);
        }
    }
}
