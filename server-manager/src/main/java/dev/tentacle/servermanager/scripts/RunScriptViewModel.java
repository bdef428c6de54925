package dev.tentacle.servermanager.scripts;

import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.desktop.fx.Actions;
import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.server.admin.NodeNames;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.TaskExecution;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskLogSource;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.server.tasks.ScriptPayload;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.ServerStorages;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Running a script on machines the user picks (one by one, or all with a role or in an environment) and watching each
 * machine's output as it arrives, with its state and exit code; the run can be cancelled.
 *
 * <p>The script runs as a task of the server instance, through {@link TaskExecution}, as {@code octopus-server
 * run-script} does: queued in storage and run by the instance's running server, or, when none runs, by a server node
 * this app starts for the task and stops after.
 */
public final class RunScriptViewModel {
    private static final int NAMES_IN_DESCRIPTION = 3;

    private final ServerManagerContext context;
    private final ServerInstance instance;
    private final ServerStorages storages;
    private final Set<MachineId> preselected;
    private final Actions actions;

    private final ObservableList<MachineChoice> machines =
            FXCollections.observableArrayList(choice -> new Observable[] {choice.selectedProperty()});
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final ObjectProperty<String> role = new SimpleObjectProperty<>(this, "role");
    private final ObjectProperty<String> environment = new SimpleObjectProperty<>(this, "environment");
    private final ObjectProperty<ScriptSyntax> syntax = new SimpleObjectProperty<>(this, "syntax", ScriptSyntax.BASH);
    private final StringProperty script = new SimpleStringProperty(this, "script", "");

    private final ObservableList<MachineRun> runs = FXCollections.observableArrayList();
    private final ObservableList<String> taskLog = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    private final IntegerBinding selectedCount = Bindings.createIntegerBinding(
            () -> (int) machines.stream().filter(MachineChoice::isSelected).count(), machines);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding canRun = Bindings.isEmpty(problem).and(running.not());

    private volatile TaskExecution execution;
    private volatile TaskId taskId;
    private volatile boolean cancelRequested;

    /** @param preselected the machines picked when the screen opens */
    public RunScriptViewModel(ServerManagerContext context, ServerInstance instance, ServerStorages storages,
            Collection<MachineId> preselected) {
        this.context = Objects.requireNonNull(context, "context");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.storages = Objects.requireNonNull(storages, "storages");
        this.preselected = Set.copyOf(preselected);
        this.actions = new Actions(context.background(), context.ui());
        selectedCount.addListener((observable, before, after) -> validate());
        script.addListener((observable, before, after) -> validate());
        validate();
    }

    /** Loads the instance's machines, with their roles and environments to pick by. */
    public void load() {
        actions.read(() -> storages.storage(instance).machines().list(MachineFilter.all()), loaded -> {
            machines.setAll(loaded.stream().map(m -> new MachineChoice(m, preselected.contains(m.id()))).toList());
            roles.setAll(distinct(loaded, Machine::roles));
            environments.setAll(distinct(loaded, Machine::environments));
            validate();
        }, failure -> actions.report(Failure.of("Could not read the machines of '" + instance.name() + "'", failure)));
    }

    private static List<String> distinct(List<Machine> loaded, Function<Machine, List<String>> tags) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        loaded.forEach(m -> names.addAll(tags.apply(m)));
        return List.copyOf(names);
    }

    private void validate() {
        if (machines.isEmpty()) {
            problem.set("This server has no machines yet: add a Tentacle first.");
        } else if (selectedCount.get() == 0) {
            problem.set("Pick the machines to run the script on.");
        } else if (script.get() == null || script.get().isBlank()) {
            problem.set("Type the script to run.");
        } else {
            problem.set("");
        }
    }

    // ---- picking machines

    /** Picks every machine with the chosen role, in addition to those picked already. */
    public void selectRole() {
        selectWhere(m -> m.roles(), role.get());
    }

    /** Picks every machine in the chosen environment, in addition to those picked already. */
    public void selectEnvironment() {
        selectWhere(m -> m.environments(), environment.get());
    }

    private void selectWhere(Function<Machine, List<String>> tags, String name) {
        if (name == null || name.isBlank() || running.get()) {
            return;
        }
        machines.stream().filter(c -> tags.apply(c.machine()).stream().anyMatch(name::equalsIgnoreCase))
                .forEach(c -> c.selectedProperty().set(true));
    }

    public void selectAll() {
        if (!running.get()) {
            machines.forEach(c -> c.selectedProperty().set(true));
        }
    }

    public void selectNone() {
        if (!running.get()) {
            machines.forEach(c -> c.selectedProperty().set(false));
        }
    }

    // ---- running

    /** Queues the script on the picked machines and follows it to its end; does nothing while it cannot run. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        List<Machine> chosen = machines.stream().filter(MachineChoice::isSelected).map(MachineChoice::machine).toList();
        String body = script.get();
        ScriptSyntax language = syntax.get();
        Map<MachineId, MachineRun> byMachine = new LinkedHashMap<>();
        chosen.forEach(m -> byMachine.put(m.id(), new MachineRun(m.id(), m.name())));
        runs.setAll(byMachine.values());
        taskLog.clear();
        cancelRequested = false;
        cancelling.set(false);
        running.set(true);
        summary.set("Queuing the script for " + chosen.size() + " machine" + (chosen.size() == 1 ? "" : "s") + "…");
        BackgroundJob.start(context.background(), context.ui(), progress -> {
            Storage storage = storages.storage(instance);
            try (TaskExecution started = new TaskExecution(instance, storage, context.commsOptions(),
                    NodeNames.forProcess("manager", ProcessHandle.current().pid()), requester(),
                    notice -> context.ui().run(() -> taskLog.add(notice)))) {
                boolean polling = TaskExecution.needsPollingPort(chosen);
                Task task = started.queue(NewTask.script(description(language, chosen), started.requester(),
                        new ScriptPayload(body, language).toJson(), chosen.stream().map(Machine::id).toList()), polling);
                execution = started;
                taskId = task.id();
                context.ui().run(() -> summary.set("Running " + task.id() + " on " + describe(chosen) + "…"));
                if (cancelRequested) {
                    started.cancel(task.id());
                }
                return started.follow(task, polling, null, new TaskExecution.Progress() {
                    @Override
                    public void line(TaskLogLine line) {
                        context.ui().run(() -> show(line, byMachine));
                    }

                    @Override
                    public void targetFinished(TaskTarget target) {
                        context.ui().run(() -> {
                            MachineRun run = byMachine.get(target.machineId());
                            if (run != null) {
                                run.finished(target);
                            }
                        });
                    }
                });
            } finally {
                execution = null;
            }
        }, outcome -> {
            running.set(false);
            cancelling.set(false);
            outcome.targets().forEach(t -> {
                MachineRun run = byMachine.get(t.machineId());
                if (run != null && run.state() != t.state()) {
                    run.finished(t);
                }
            });
            summary.set(summarize(outcome));
        }, failure -> {
            running.set(false);
            cancelling.set(false);
            Failure shown = Failure.of("Could not run the script", failure);
            summary.set("The script did not run to its end: " + shown.message());
            actions.report(shown);
        });
    }

    private void show(TaskLogLine line, Map<MachineId, MachineRun> byMachine) {
        MachineRun run = line.machineId() == null ? null : byMachine.get(line.machineId());
        if (run == null) {
            taskLog.add(line.text());
        } else {
            run.append(new OutputLine(line.source(), line.text()));
        }
    }

    /** Asks the running task to cancel: machines still waiting are cancelled, running scripts are stopped. */
    public void cancel() {
        if (!running.get() || cancelling.get()) {
            return;
        }
        cancelRequested = true;
        cancelling.set(true);
        summary.set("Cancelling…");
        TaskExecution current = execution;
        TaskId queued = taskId;
        if (current != null && queued != null) {
            actions.read(() -> {
                current.cancel(queued);
                return queued;
            }, cancelled -> { }, failure -> actions.report(Failure.of("Could not cancel the script", failure)));
        }
    }

    private String requester() {
        return "Octopus Server Manager (" + context.environment().userName() + ")";
    }

    private static String description(ScriptSyntax language, List<Machine> chosen) {
        return "Run a " + language.name().toLowerCase(Locale.ROOT) + " script on " + describe(chosen);
    }

    private static String describe(List<Machine> chosen) {
        List<String> names = chosen.stream().limit(NAMES_IN_DESCRIPTION).map(Machine::name).toList();
        int rest = chosen.size() - names.size();
        return String.join(", ", names) + (rest > 0 ? " and " + rest + " more" : "");
    }

    /** How the run ended, in one sentence. */
    static String summarize(TaskExecution.Outcome outcome) {
        List<TaskTarget> targets = outcome.targets();
        long succeeded = targets.stream().filter(t -> t.state() == TaskState.SUCCEEDED).count();
        List<String> others = targets.stream().filter(t -> t.state() != TaskState.SUCCEEDED)
                .map(t -> t.machineName() + " (" + t.state().name().toLowerCase(Locale.ROOT)
                        + (t.exitCode() == null ? "" : ", exit code " + t.exitCode()) + ")").toList();
        String how = switch (outcome.task().state()) {
            case CANCELLED -> "Cancelled";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            default -> outcome.task().state().name();
        };
        if (others.isEmpty()) {
            return how + ": " + outcome.task().id() + " succeeded on " + (targets.size() == 1 ? "its machine"
                    : "all " + targets.size() + " machines") + ".";
        }
        return how + ": " + outcome.task().id() + " succeeded on " + succeeded + " of " + targets.size() + " machines;"
                + " not on " + String.join(", ", others) + ".";
    }

    // ---- for the view

    public Actions actions() {
        return actions;
    }

    /** True when the screen opened with machines picked already, so the script is what to type first. */
    public boolean openedWithMachines() {
        return !preselected.isEmpty();
    }

    public String title() {
        return "Run a script on the machines of " + instance.name();
    }

    public ObservableList<MachineChoice> machines() {
        return machines;
    }

    public ObservableList<String> roles() {
        return roles;
    }

    public ObservableList<String> environments() {
        return environments;
    }

    /** The role to pick machines by. */
    public ObjectProperty<String> roleProperty() {
        return role;
    }

    /** The environment to pick machines by. */
    public ObjectProperty<String> environmentProperty() {
        return environment;
    }

    public ObjectProperty<ScriptSyntax> syntaxProperty() {
        return syntax;
    }

    public StringProperty scriptProperty() {
        return script;
    }

    public IntegerBinding selectedCountProperty() {
        return selectedCount;
    }

    /** Why the script cannot run yet; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Each machine's part of the current (or last) run, in the order picked. */
    public ObservableList<MachineRun> runs() {
        return runs;
    }

    /** Lines about the whole task: which server node runs it, the server's own lines. */
    public ObservableList<String> taskLog() {
        return taskLog;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** True from Cancel until the run has ended. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** Where the run is, and how it ended. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The output of the machine, when it is part of the current run. */
    public MachineRun run(String machineName) {
        return runs.stream().filter(r -> r.name().equalsIgnoreCase(machineName)).findFirst().orElse(null);
    }

    /** Whether a line is the script's own output (standard output or error) rather than about the run. */
    public static boolean isScriptOutput(OutputLine line) {
        return line.source() == TaskLogSource.STDOUT || line.source() == TaskLogSource.STDERR;
    }
}
