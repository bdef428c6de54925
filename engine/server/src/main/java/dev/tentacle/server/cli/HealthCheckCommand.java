package dev.tentacle.server.cli;

import dev.tentacle.server.admin.HealthCheckRecords;
import dev.tentacle.server.admin.HealthHint;
import dev.tentacle.server.admin.HealthHints;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.TaskExecution;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.OutputFormat;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code health-check}: checks the health of machines now, and shows each one's result as it comes. */
@Command(name = "health-check", mixinStandardHelpOptions = true,
        header = "Checks the health of machines now.",
        sortOptions = false,
        description = {"Queues a health check of the machines and shows each machine's result as it arrives: healthy,"
                + " unhealthy or unavailable, with the round trip, the Tentacle's version, its free disk space and"
                + " what is wrong. The results join each machine's health history.",
            "A running server node of this instance runs the check; when none is running, this command runs it"
                + " itself, on the configured polling port.",
            "Exit code: 0 when every machine is healthy, 4 when one is not, 5 when the check was cancelled or timed"
                + " out, 1 for a problem found before the check started."})
final class HealthCheckCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--machine", paramLabel = "NAME", description = "A machine to check, by name; repeatable.")
    List<String> machines = new ArrayList<>();

    @Option(names = "--all", description = "Check every registered machine.")
    boolean all;

    @Mixin
    TaskTimeout timeout;

    @Mixin
    FormatOption format;

    /** One machine's result: status and the rest are null when the check recorded none (the part failed first). */
    record MachineHealth(String machine, String state, String status, Long latencyMillis, String agentVersion,
            Long freeDiskBytes, String reason, String hint) {
    }

    record Result(String taskId, String state, String failureReason, int healthy, int total,
            List<MachineHealth> machines) {
    }

    @Override
    public Integer call() {
        if (all == !machines.isEmpty()) {
            throw new IllegalArgumentException(all ? "Give either --all or --machine, not both."
                    : "Choose the machines to check: --machine NAME (repeatable), or --all.");
        }
        Duration limit = timeout.duration();
        ServerInstance target = instance.resolve(registry());
        ServerConfiguration configuration = target.configuration();
        boolean text = format.format() == OutputFormat.TEXT;
        PrintWriter out = out();
        try (Storage storage = target.openStorage();
             TaskExecution task = taskExecution(target, storage)) {
            List<Machine> chosen = all ? MachineSelection.all(storage) : MachineSelection.byNames(storage, machines);
            List<MachineHealth> results = new ArrayList<>();
            HealthHints hints = HealthHints.forInstance(target);
            Map<MachineId, Machine> byId = chosen.stream().collect(Collectors.toMap(Machine::id, m -> m));
            NewTask check = NewTask.healthCheck("Check the health of " + MachineSelection.describe(chosen),
                    task.requester(), chosen.stream().map(Machine::id).toList());
            TaskExecution.Outcome outcome = task.run(check, TaskExecution.needsPollingPort(chosen), limit,
                    new TaskExecution.Progress() {
                        @Override
                        public void line(TaskLogLine line) {
                            // The results are shown from the health history, with more than the log's summary line.
                        }

                        @Override
                        public void targetFinished(TaskTarget finished) {
                            MachineHealth health = healthOf(storage, hints, byId.get(finished.machineId()),
                                    finished);
                            results.add(health);
                            if (text) {
                                out.println(describe(health));
                                out.flush();
                            }
                        }
                    });
            int healthy = (int) results.stream().filter(r -> "HEALTHY".equals(r.status())).count();
            var result = new Result(outcome.task().id().toString(), outcome.task().state().name(),
                    outcome.task().failureReason(), healthy, chosen.size(), results);
            printer(format).print(result, w -> w.println("Health check " + result.taskId() + " "
                    + result.state() + ": " + healthy + " of " + chosen.size() + " machine(s) healthy"
                    + unhealthy(results) + "."));
            return TaskExitCodes.of(outcome);
        }
    }

    /** The machine's health check recorded by this task, if it recorded one. */
    private static MachineHealth healthOf(Storage storage, HealthHints hints, Machine machine, TaskTarget target) {
        Optional<HealthCheckResult> recorded = HealthCheckRecords.recordedBy(storage, target);
        if (recorded.isEmpty()) {
            return new MachineHealth(target.machineName(), target.state().name(), null, null, null, null,
                    target.failureReason(), hints.forReason(machine, target.failureReason()).map(HealthHint::text)
                            .orElse(null));
        }
        HealthCheckResult result = recorded.get();
        List<HealthHint> found = hints.forResult(machine, result);
        return new MachineHealth(target.machineName(), target.state().name(), result.status().name(),
                result.latency() == null ? null : result.latency().toMillis(), result.agentVersion(),
                result.freeDiskBytes(), result.reason(), found.isEmpty() ? null : String.join(" ",
                        found.stream().map(HealthHint::text).toList()));
    }

    /** {@code web01: HEALTHY in 12 ms, agent 8.1.0, 20.5 GiB free} or {@code db01: UNAVAILABLE: reason}. */
    static String describe(MachineHealth health) {
        StringBuilder text = new StringBuilder(health.machine()).append(": ")
                .append(health.status() == null ? health.state() : health.status());
        if (health.latencyMillis() != null) {
            text.append(" in ").append(health.latencyMillis()).append(" ms");
        }
        if (health.agentVersion() != null) {
            text.append(", agent ").append(health.agentVersion());
        }
        if (health.freeDiskBytes() != null) {
            text.append(", ").append(bytes(health.freeDiskBytes())).append(" free");
        }
        if (health.reason() != null) {
            text.append(": ").append(health.reason());
        }
        if (health.hint() != null) {
            text.append(System.lineSeparator()).append("  What to check: ").append(health.hint());
        }
        return text.toString();
    }

    private static String unhealthy(List<MachineHealth> results) {
        List<String> names = results.stream().filter(r -> !"HEALTHY".equals(r.status())).map(MachineHealth::machine)
                .toList();
        return names.isEmpty() ? "" : "; not healthy: " + String.join(", ", names);
    }

    /** Bytes in binary units with one decimal: {@code 20.5 GiB}. */
    static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
