package dev.tentacle.manager.health;

import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.tentacle.diagnostics.CheckResult;
import dev.tentacle.tentacle.diagnostics.CheckStatus;
import dev.tentacle.tentacle.diagnostics.DiagnosticsRun;
import dev.tentacle.tentacle.diagnostics.TentacleDiagnostics;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the health check dialog: the results so far, in report order, whether checks are running, and a
 * one-line summary. {@link #run()} starts the engine's checks in the background; each result is published on the
 * {@link UiThread} as it arrives. Without a JavaFX toolkit, with {@link UiThread#direct()}, it is a plain object.
 */
public final class HealthCheckViewModel {
    /** How often the background work looks for a cancel request while the checks run. */
    private static final Duration CANCEL_POLL = Duration.ofMillis(50);

    /** How the last run ended, for the icon beside the summary. */
    public enum Outcome {
        NOT_RUN, RUNNING, ALL_PASSED, WARNINGS, FAILURES, CANCELLED, ERROR
    }

    private final String instanceName;
    private final Executor background;
    private final UiThread ui;
    private final Function<String, TentacleInstance> instances;
    private final Function<TentacleInstance, TentacleDiagnostics> diagnostics;

    private final ObservableList<CheckResult> results = FXCollections.observableArrayList();
    /** One read-only view, kept: a new wrapper per call holds its listeners only as long as the caller keeps it. */
    private final ObservableList<CheckResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NOT_RUN);
    private BackgroundJob<List<CheckResult>> job;
    /** Whether Cancel was pressed during the current run; the job itself may not exist yet when work runs inline. */
    private boolean cancelRequested;
    /** Which run a result belongs to: results of an earlier run that arrive late are dropped. */
    private int generation;

    HealthCheckViewModel(String instanceName, Executor background, UiThread ui,
            Function<String, TentacleInstance> instances, Function<TentacleInstance, TentacleDiagnostics> diagnostics) {
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** The checks of the named instance of the context's registry, with the engine's default timeouts. */
    public static HealthCheckViewModel forInstance(ManagerContext context, String instanceName) {
        return forInstance(context, instanceName, TentacleDiagnostics::forInstance);
    }

    /** As {@link #forInstance(ManagerContext, String)}, with the diagnostics tuned (tests shorten the timeouts). */
    public static HealthCheckViewModel forInstance(ManagerContext context, String instanceName,
            Function<TentacleInstance, TentacleDiagnostics> diagnostics) {
        return new HealthCheckViewModel(instanceName, context.background(), context.ui(), name -> {
            InstanceRecord record = context.registry().get(name);
            return new TentacleInstance(record.name(), record.configFile());
        }, diagnostics);
    }

    public String instanceName() {
        return instanceName;
    }

    public String title() {
        return "Health check: " + instanceName;
    }

    /** Starts the checks, replacing the previous results; does nothing while they run. */
    public void run() {
        if (running.get()) {
            return;
        }
        int current = ++generation;
        cancelRequested = false;
        results.clear();
        running.set(true);
        outcome.set(Outcome.RUNNING);
        summary.set("Checking the Tentacle '" + instanceName + "'...");
        job = BackgroundJob.start(background, ui, progress -> {
            TentacleInstance instance = instances.apply(instanceName);
            DiagnosticsRun run = diagnostics.apply(instance).start(result -> ui.run(() -> accept(current, result)));
            while (!run.await(CANCEL_POLL)) {
                if (progress.isCancelled()) {
                    run.cancel();
                }
            }
            return run.await();
        }, all -> finished(current, all), failure -> failed(current, failure));
    }

    /** Stops the running checks; those not finished are shown as skipped. */
    public void cancel() {
        if (job != null && running.get()) {
            cancelRequested = true;
            job.cancel();
            summary.set("Cancelling...");
        }
    }

    private void accept(int run, CheckResult result) {
        if (run != generation) {
            return;
        }
        int at = 0;
        while (at < results.size() && results.get(at).order() < result.order()) {
            at++;
        }
        results.add(at, result);
        if (running.get()) {
            summary.set("Checking the Tentacle '" + instanceName + "'... " + results.size() + " done.");
        }
    }

    private void finished(int run, List<CheckResult> all) {
        if (run != generation) {
            return;
        }
        results.setAll(all);
        running.set(false);
        Outcome result = cancelRequested ? Outcome.CANCELLED : outcomeOf(all);
        outcome.set(result);
        summary.set(summaryOf(result, all));
    }

    private void failed(int run, Throwable failure) {
        if (run != generation) {
            return;
        }
        running.set(false);
        outcome.set(Outcome.ERROR);
        String message = failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString() : failure.getMessage();
        summary.set("The checks could not run: " + message);
    }

    static Outcome outcomeOf(List<CheckResult> all) {
        if (all.stream().anyMatch(r -> r.status() == CheckStatus.FAILED)) {
            return Outcome.FAILURES;
        }
        if (all.stream().anyMatch(r -> r.status() == CheckStatus.WARNING)) {
            return Outcome.WARNINGS;
        }
        return Outcome.ALL_PASSED;
    }

    static String summaryOf(Outcome outcome, List<CheckResult> all) {
        long failed = all.stream().filter(r -> r.status() == CheckStatus.FAILED).count();
        long warnings = all.stream().filter(r -> r.status() == CheckStatus.WARNING).count();
        long finished = all.stream().filter(r -> !r.finding().equals(DiagnosticsRun.CANCELLED_FINDING)).count();
        return switch (outcome) {
            case ALL_PASSED -> "All " + all.size() + " checks passed.";
            case CANCELLED -> "Cancelled: " + finished + " of " + all.size() + " checks finished.";
            case FAILURES, WARNINGS -> all.size() + " checks: " + (failed == 0 ? "" : failed + " failed")
                    + (failed > 0 && warnings > 0 ? ", " : "") + (warnings == 0 ? "" : warnings + " with a warning")
                    + ". What to do is under each.";
            default -> "";
        };
    }

    /** The results as plain text, for the clipboard: status, name, finding and what to do, one block per check. */
    public String report() {
        StringBuilder text = new StringBuilder(title()).append(System.lineSeparator());
        for (CheckResult r : results) {
            text.append(r.status()).append("  ").append(r.name()).append(System.lineSeparator())
                    .append("    ").append(r.finding()).append(System.lineSeparator());
            if (r.advice() != null) {
                text.append("    What to do: ").append(r.advice()).append(System.lineSeparator());
            }
        }
        return text.append(summary.get()).append(System.lineSeparator()).toString();
    }

    /** The results so far, in report order. */
    public ObservableList<CheckResult> results() {
        return readOnlyResults;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
