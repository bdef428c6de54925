package dev.tentacle.tentacle.diagnostics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the checks, started by {@link TentacleDiagnostics#start}: each result goes to the caller's consumer as
 * soon as it is known, and {@link #await()} gives them all in report order. {@link #cancel()} stops it at once: open
 * connections are closed, and every check that has not finished is reported as {@link CheckStatus#SKIPPED}.
 */
public final class DiagnosticsRun {
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsRun.class);
    /** The finding of every check a cancelled run did not finish. */
    public static final String CANCELLED_FINDING = "Cancelled before this check finished.";

    private final Consumer<CheckResult> onEach;
    private final Network network;
    private final ExecutorService chains = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Integer, Step> planned = new ConcurrentHashMap<>();
    private final Map<Integer, CheckResult> results = new ConcurrentHashMap<>();
    private final CompletableFuture<List<CheckResult>> completion = new CompletableFuture<>();
    private final Object reporting = new Object();
    private volatile boolean cancelled;

    DiagnosticsRun(Consumer<CheckResult> onEach, Network network) {
        this.onEach = onEach;
        this.network = network;
    }

    Network network() {
        return network;
    }

    /** How a run finds its checks: the first steps run one after another, then it plans the chains. */
    interface Plan {
        /** Checks every other check needs (the configuration, the certificate), in order. */
        List<Step> prerequisites();

        /** True while the prerequisites run so far allow the next ones, and then the chains, to run. */
        boolean canContinue();

        /** The independent chains of checks, run at the same time. */
        List<CheckChain> chains();

        /** Why the remaining prerequisites are skipped when {@link #canContinue} is false. */
        String blockedReason();
    }

    /** Runs the plan on the calling thread; returns when every check has a result. */
    void execute(Plan plan) {
        Throwable failure = null;
        try {
            List<Step> prerequisites = plan.prerequisites();
            prerequisites.forEach(this::plan);
            boolean first = true;
            for (Step step : prerequisites) {
                if (!first && !plan.canContinue()) {
                    report(step, Verdict.skipped("Not checked: " + plan.blockedReason() + "."), Duration.ZERO);
                } else {
                    run(step);
                }
                first = false;
            }
            if (!plan.canContinue() || cancelled) {
                return;
            }
            List<CheckChain> planChains = plan.chains();
            planChains.forEach(chain -> chain.steps().forEach(this::plan));
            List<Future<?>> running = new ArrayList<>();
            for (CheckChain chain : planChains) {
                running.add(chains.submit(() -> run(chain)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException | Error e) {
            failure = e instanceof ExecutionException ? e.getCause() : e;
            if (!cancelled) {
                LOG.warn("The diagnostics stopped early", failure);
            }
        } finally {
            finish(failure);
        }
    }

    private void plan(Step step) {
        planned.put(step.order(), step);
    }

    private void run(CheckChain chain) {
        String blockedBy = null;
        for (Step step : chain.steps()) {
            if (blockedBy != null) {
                report(step, Verdict.skipped(cancelled ? CANCELLED_FINDING : "Not checked: " + blockedBy + "."), Duration.ZERO);
            } else {
                blockedBy = run(step).blocksRest();
            }
        }
    }

    /** A reported result, and why the later steps of its chain cannot run, if they cannot. */
    private record Outcome(CheckResult result, String blocksRest) {
    }

    private Outcome run(Step step) {
        if (cancelled) {
            return new Outcome(report(step, Verdict.skipped(CANCELLED_FINDING), Duration.ZERO), "the run was cancelled");
        }
        long started = System.nanoTime();
        Verdict verdict;
        try {
            verdict = step.body().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            verdict = Verdict.skipped(CANCELLED_FINDING).blockingRest("the run was cancelled");
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.warn("The check '{}' failed unexpectedly", step.name(), e);
            verdict = Verdict.failed("The check could not finish: " + e + ".",
                    "This is a bug in the check; please report it with this message. Meanwhile, follow"
                            + " docs/troubleshooting.md by hand for this step.");
        }
        CheckResult result = report(step, verdict, Duration.ofNanos(System.nanoTime() - started));
        return new Outcome(result, cancelled ? "the run was cancelled" : verdict.blocksRest());
    }

    private CheckResult report(Step step, Verdict verdict, Duration elapsed) {
        synchronized (reporting) {
            CheckResult existing = results.get(step.order());
            if (existing != null) {
                return existing;
            }
            Verdict shown = cancelled && verdict.status() != CheckStatus.SKIPPED ? Verdict.skipped(CANCELLED_FINDING) : verdict;
            var result = new CheckResult(step.order(), step.kind(), step.name(), shown.status(), shown.finding(),
                    shown.advice(), elapsed);
            results.put(step.order(), result);
            try {
                onEach.accept(result);
            } catch (RuntimeException e) {
                LOG.warn("A consumer of diagnostics results failed on '{}'", step.name(), e);
            }
            return result;
        }
    }

    private void finish(Throwable failure) {
        String reason = cancelled || failure == null ? CANCELLED_FINDING
                : "Not checked: the diagnostics stopped early (" + failure + ").";
        planned.values().stream().sorted(Comparator.comparingInt(Step::order))
                .forEach(step -> report(step, Verdict.skipped(reason), Duration.ZERO));
        network.closeAll();
        chains.shutdownNow();
        completion.complete(results());
    }

    /** Stops the run: closes its connections, interrupts its checks, and reports the unfinished ones as skipped. */
    public void cancel() {
        cancelled = true;
        network.closeAll();
        chains.shutdownNow();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isDone() {
        return completion.isDone();
    }

    /** The results so far, in report order. */
    public List<CheckResult> results() {
        return results.values().stream().sorted(CheckResult.REPORT_ORDER).toList();
    }

    /** Waits for every result; they come in report order. */
    public List<CheckResult> await() throws InterruptedException {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The diagnostics run failed", e.getCause());
        }
    }

    /**
     * Waits up to {@code timeout} for the run to end.
     *
     * @return true when it ended
     */
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            completion.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Completes with every result, in report order, when the run ends. */
    public CompletableFuture<List<CheckResult>> completion() {
        return completion.copy();
    }
}
