package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.TaskExecution;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.OutputFormat;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskLogSource;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.server.tasks.ScriptPayload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run-script}: runs a script on machines and streams its output as it arrives. */
@Command(name = "run-script", mixinStandardHelpOptions = true,
        header = "Runs a script on machines and shows its output as it arrives.",
        sortOptions = false,
        description = {"Queues a script task on the machines chosen by name, role or environment, and shows the"
                + " script's output as it arrives, each line prefixed by its machine's name: standard output on"
                + " standard output, standard error and the server's own lines on standard error. Then one line per"
                + " machine with its exit code, and a summary.",
            "A running server node of this instance runs the script; when none is running, this command runs it"
                + " itself, on the configured polling port.",
            "Exit code: 0 when the script exited with 0 on every machine, 4 when it failed on one, 5 when the task"
                + " was cancelled or timed out, 1 for a problem found before the task started."})
final class RunScriptCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--machine", paramLabel = "NAME", description = "A machine to run on, by name; repeatable.")
    List<String> machines = new ArrayList<>();

    @Option(names = "--role", paramLabel = "ROLE", description = "Run on every machine with this role.")
    String role;

    @Option(names = "--environment", paramLabel = "NAME", description = "Run on every machine in this environment"
            + " (with --role: the machines with the role in the environment).")
    String environment;

    @Option(names = "--script-body", paramLabel = "TEXT", description = "The script to run.")
    String scriptBody;

    @Option(names = "--file", paramLabel = "PATH", description = "A file holding the script to run (UTF-8).")
    Path file;

    @Option(names = "--syntax", paramLabel = "SYNTAX", description = "bash, powershell or cmd (default: from the"
            + " file's extension, .ps1 powershell, .cmd and .bat cmd; else bash).")
    String syntax;

    @Mixin
    TaskTimeout timeout;

    @Mixin
    FormatOption format;

    record MachineOutcome(String machine, String state, Integer exitCode, String failureReason, String node) {
    }

    record LogLine(long sequence, String machine, String source, Instant time, String text) {
    }

    record Result(String taskId, String state, String failureReason, List<MachineOutcome> machines, List<LogLine> log) {
    }

    @Override
    public Integer call() {
        boolean byName = !machines.isEmpty();
        boolean byTags = notBlank(role) || notBlank(environment);
        if (byName == byTags) {
            throw new IllegalArgumentException(byName ? "Give either --machine, or --role and/or --environment, not"
                    + " both." : "Choose the machines: --machine NAME (repeatable), --role ROLE or --environment NAME.");
        }
        String body = script();
        ScriptSyntax scriptSyntax = syntax();
        Duration limit = timeout.duration();
        ServerInstance target = instance.resolve(registry());
        ServerConfiguration configuration = target.configuration();
        try (Storage storage = target.openStorage();
             TaskExecution task = taskExecution(target, storage)) {
            List<Machine> chosen = byName ? MachineSelection.byNames(storage, machines)
                    : MachineSelection.byTags(storage, blankToNull(role), blankToNull(environment));
            Map<MachineId, String> names = new HashMap<>();
            chosen.forEach(m -> names.put(m.id(), m.name()));
            Stream stream = new Stream(format.format() == OutputFormat.TEXT, names, out(), err());
            NewTask script = NewTask.script("Run a " + scriptSyntax.name().toLowerCase(Locale.ROOT) + " script on "
                    + MachineSelection.describe(chosen), task.requester(), new ScriptPayload(body, scriptSyntax).toJson(),
                    chosen.stream().map(Machine::id).toList());
            TaskExecution.Outcome outcome = task.run(script, TaskExecution.needsPollingPort(chosen), limit, stream);
            List<MachineOutcome> outcomes = outcome.targets().stream().map(RunScriptCommand::outcomeOf).toList();
            var result = new Result(outcome.task().id().toString(), outcome.task().state().name(),
                    outcome.task().failureReason(), outcomes, stream.log);
            printer(format).print(result, w -> w.println(summary(result)));
            return TaskExitCodes.of(outcome);
        }
    }

    private String script() {
        if ((scriptBody == null) == (file == null)) {
            throw new IllegalArgumentException(scriptBody == null ? "Give the script: --script-body TEXT or --file PATH."
                    : "Give either --script-body or --file, not both.");
        }
        String body = scriptBody != null ? scriptBody : readFile(file);
        if (body.isBlank()) {
            throw new IllegalArgumentException(scriptBody != null ? "The --script-body is empty; give the script to run."
                    : "The script file " + file.toAbsolutePath() + " is empty.");
        }
        return body;
    }

    private static String readFile(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("The script file " + absolute + " does not exist. Check the path given"
                    + " with --file.");
        }
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("The script file " + absolute + " is not a file. Give the path of the"
                    + " script with --file.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(absolute)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The script file " + absolute + " is not UTF-8 text; save it as UTF-8.",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the script file " + absolute + ": " + e.getMessage()
                    + ". Check that this user may read it.", e);
        }
    }

    private ScriptSyntax syntax() {
        if (syntax == null) {
            String name = file == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".ps1") ? ScriptSyntax.POWERSHELL
                    : name.endsWith(".cmd") || name.endsWith(".bat") ? ScriptSyntax.CMD : ScriptSyntax.BASH;
        }
        String given = syntax.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(ScriptSyntax.values()).filter(s -> s.name().equals(given)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Invalid value for --syntax: '" + syntax + "'; give"
                        + " bash, powershell or cmd."));
    }

    private static MachineOutcome outcomeOf(TaskTarget target) {
        return new MachineOutcome(target.machineName(), target.state().name(), target.exitCode(),
                target.failureReason(), target.claimedBy());
    }

    /** {@code web01: SUCCEEDED, exit code 0} or {@code db01: FAILED: [PICKUP_TIMEOUT] ...}. */
    static String describe(MachineOutcome outcome) {
        return outcome.machine() + ": " + outcome.state()
                + (outcome.exitCode() == null ? "" : ", exit code " + outcome.exitCode())
                + (outcome.exitCode() == null && outcome.failureReason() != null ? ": " + outcome.failureReason() : "");
    }

    private static String summary(Result result) {
        long succeeded = result.machines().stream().filter(m -> m.state().equals(TaskState.SUCCEEDED.name())).count();
        List<String> failed = result.machines().stream().filter(m -> !m.state().equals(TaskState.SUCCEEDED.name()))
                .map(m -> m.machine() + (m.exitCode() == null ? "" : " (exit code " + m.exitCode() + ")")).toList();
        return "Script task " + result.taskId() + " " + result.state() + ": succeeded on " + succeeded + " of "
                + result.machines().size() + " machine(s)" + (failed.isEmpty() ? "" : "; not on " + String.join(", ",
                failed)) + ".";
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static String blankToNull(String text) {
        return notBlank(text) ? text.strip() : null;
    }

    /** Shows the log as it arrives (text), or keeps it for the JSON document. */
    private static final class Stream implements TaskExecution.Progress {
        private final boolean text;
        private final Map<MachineId, String> names;
        private final PrintWriter out;
        private final PrintWriter err;
        final List<LogLine> log = new ArrayList<>();

        Stream(boolean text, Map<MachineId, String> names, PrintWriter out, PrintWriter err) {
            this.text = text;
            this.names = names;
            this.out = out;
            this.err = err;
        }

        @Override
        public void line(TaskLogLine line) {
            String machine = line.machineId() == null ? null : names.getOrDefault(line.machineId(),
                    line.machineId().toString());
            if (!text) {
                log.add(new LogLine(line.sequence(), machine, line.source().name(), line.time(), line.text()));
                return;
            }
            PrintWriter target = line.source() == TaskLogSource.STDOUT ? out : err;
            target.println("[" + (machine == null ? "server" : machine) + "] " + line.text());
            target.flush();
        }

        @Override
        public void targetFinished(TaskTarget target) {
            if (text) {
                out.println(describe(outcomeOf(target)));
                out.flush();
            }
        }
    }
}
